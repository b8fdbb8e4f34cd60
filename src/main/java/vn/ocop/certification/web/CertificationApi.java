package vn.ocop.certification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.certification.Certificate;
import vn.ocop.certification.CertificateDocuments;
import vn.ocop.certification.CertificateStatement;
import vn.ocop.certification.Certification;
import vn.ocop.certification.CertificationError;
import vn.ocop.certification.PublishedKeys;
import vn.ocop.certification.RevocationGround;
import vn.ocop.identity.CurrentUser;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.PageResult;

/** Certificates: public verification; decisions, revocation, PDFs and history for officers. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Certificates", description = "Giấy chứng nhận sản phẩm OCOP")
class CertificationApi {

    private final Certification certification;
    private final CertificateDocuments documents;

    CertificationApi(Certification certification, CertificateDocuments documents) {
        this.certification = certification;
        this.documents = documents;
    }

    @GetMapping("/certificates/{number}")
    @Operation(
            summary = "Public: whether a certificate issued here is valid, expired, suspended or revoked, with its"
                    + " facts; authentic is false when the stored data is not what its signed statements say")
    Certification.PublicCertificate verify(@PathVariable String number) {
        return certification.verify(number);
    }

    @GetMapping("/verification")
    @Operation(
            summary = "Public: check a certificate number (numbers with / such as 1234/QĐ-UBND too), an OCOP code as"
                    + " printed on labels, or the number of a rating recorded from a province's records (kind"
                    + " RECORDED: not issued nor signed by the platform); s is the signature a QR code carries")
    Certification.Verification lookup(
            @RequestParam String number, @RequestParam(name = "s", required = false) @Nullable String signature) {
        Certification.Verification verification = certification.lookup(number, signature);
        if (verification.kind() == Certification.Verification.Kind.NOT_FOUND) {
            throw new OcopException(CertificationError.CERTIFICATE_NOT_FOUND, verification.query());
        }
        return verification;
    }

    @GetMapping("/certificates/{number}/statements")
    @Operation(
            summary = "Public: the signed statements of a certificate (issue and changes of status), each an RFC 8785"
                    + " JSON text signed with Ed25519 by the key it names, to check without the platform")
    List<CertificateStatement> statements(@PathVariable String number) {
        return certification.statements(number);
    }

    @GetMapping("/certificates/public-keys")
    @Operation(
            summary = "Public: the Ed25519 keys that verify certificate statements (signing key first, then"
                    + " verification-only keys of before each rotation) and the certificates that sign the PDFs")
    PublishedKeys publicKeys() {
        return certification.publishedKeys();
    }

    @GetMapping("/certificates/public-key")
    @Operation(
            summary = "Public: the Ed25519 key that signs certificate statements now (X.509, base64) and its id;"
                    + " see /certificates/public-keys for every key",
            deprecated = true)
    Map<String, String> publicKey() {
        PublishedKeys.StatementKey active =
                certification.publishedKeys().statementKeys().get(0);
        return Map.of("algorithm", active.algorithm(), "keyId", active.keyId(), "publicKey", active.publicKey());
    }

    @PostMapping("/certificates/public-keys/rotation")
    @Operation(
            summary = "System administrators: a new key signs certificate statements from now on; the previous one"
                    + " stays published for verification",
            security = @SecurityRequirement(name = "bearer"))
    Map<String, String> rotate(CurrentUser actor) {
        return Map.of("keyId", certification.rotateKey(actor));
    }

    @GetMapping("/certification/candidates")
    @Operation(
            summary = "Rated products in the caller's jurisdiction, oldest first, a page at a time; status PENDING:"
                    + " awaiting a decision",
            security = @SecurityRequirement(name = "bearer"))
    PageResult<Certification.Candidate> candidates(
            @RequestParam(required = false) Certification.@Nullable CandidateStatus status,
            @RequestParam(required = false) @Nullable Long round,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
            CurrentUser actor) {
        return certification.candidates(new Certification.CandidateQuery(status, round), page, size, actor);
    }

    @PostMapping("/certification/decisions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Issue a recognition decision with one certificate per candidate (3★ and above)",
            security = @SecurityRequirement(name = "bearer"))
    List<Certificate> issue(@Valid @RequestBody Certification.IssueDecision command, CurrentUser actor) {
        return certification.issue(command, actor);
    }

    record Revocation(
            @NotNull RevocationGround ground,
            @NotBlank @Size(max = 60) String decisionNumber,
            @NotNull LocalDate revokedOn) {}

    @PostMapping("/certificates/{number}/revocation")
    @Operation(summary = "Revoke a certificate by decision (Art. 8)", security = @SecurityRequirement(name = "bearer"))
    Certificate revoke(@PathVariable String number, @Valid @RequestBody Revocation body, CurrentUser actor) {
        return certification.revoke(number, body.ground(), body.decisionNumber(), body.revokedOn(), actor);
    }

    record Suspension(
            @NotBlank @Size(max = 2000) String reason,
            @NotBlank @Size(max = 60) String decisionNumber,
            @NotNull LocalDate suspendedOn) {}

    @PostMapping("/certificates/{number}/suspension")
    @Operation(
            summary = "Suspend a certificate in force by decision (the product shows no star meanwhile)",
            security = @SecurityRequirement(name = "bearer"))
    Certificate suspend(@PathVariable String number, @Valid @RequestBody Suspension body, CurrentUser actor) {
        return certification.suspend(number, body.reason(), body.decisionNumber(), body.suspendedOn(), actor);
    }

    record Reinstatement(
            @NotBlank @Size(max = 60) String decisionNumber,
            @NotNull LocalDate reinstatedOn) {}

    @PostMapping("/certificates/{number}/reinstatement")
    @Operation(summary = "Lift a suspension by decision", security = @SecurityRequirement(name = "bearer"))
    Certificate reinstate(@PathVariable String number, @Valid @RequestBody Reinstatement body, CurrentUser actor) {
        return certification.reinstate(number, body.decisionNumber(), body.reinstatedOn(), actor);
    }

    @GetMapping(value = "/certificates/{number}/pdf", produces = "application/pdf")
    @Operation(
            summary = "The printable certificate (A4 PDF with QR code)",
            security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<byte[]> pdf(@PathVariable String number, CurrentUser actor) {
        return pdfResponse(number, documents.pdf(number, actor));
    }

    @GetMapping("/products/{id}/certificates")
    @Operation(
            summary = "A product's certificate history, newest first",
            security = @SecurityRequirement(name = "bearer"))
    List<Certificate> history(@PathVariable long id, CurrentUser actor) {
        return certification.history(id, actor);
    }

    static ResponseEntity<byte[]> pdfResponse(String number, byte[] pdf) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename("giay-chung-nhan-" + number + ".pdf")
                                .build()
                                .toString())
                .body(pdf);
    }
}
