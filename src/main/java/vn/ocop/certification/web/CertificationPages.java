package vn.ocop.certification.web;

import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ocop.certification.Certificate;
import vn.ocop.certification.CertificateDocuments;
import vn.ocop.certification.Certification;
import vn.ocop.certification.RevocationGround;
import vn.ocop.identity.CurrentUser;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.web.Problems;

/** Officers' pages: rated products awaiting a decision, issuing a decision, and a certificate's page with its PDF. */
@Controller
class CertificationPages {

    private final Certification certification;
    private final CertificateDocuments documents;
    private final Problems problems;

    CertificationPages(Certification certification, CertificateDocuments documents, Problems problems) {
        this.certification = certification;
        this.documents = documents;
        this.problems = problems;
    }

    @GetMapping("/certification")
    String candidates(CurrentUser actor, Model model) {
        model.addAttribute("candidates", certification.candidates(actor));
        return "certification/candidates";
    }

    @PostMapping("/certification/decisions")
    String issue(
            @RequestParam(required = false) List<Long> dossierIds,
            @RequestParam String decisionNumber,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decidedOn,
            @RequestParam String authority,
            CurrentUser actor,
            RedirectAttributes redirect) {
        try {
            if (dossierIds == null || dossierIds.isEmpty() || decisionNumber.isBlank() || authority.isBlank()) {
                throw new OcopException(vn.ocop.shared.CommonError.VALIDATION_FAILED);
            }
            List<Certificate> issued = certification.issue(
                    new Certification.IssueDecision(decisionNumber, decidedOn, authority, dossierIds), actor);
            // Flash attributes travel in the session (stored in PostgreSQL): plain serializable values only.
            redirect.addFlashAttribute(
                    "issued",
                    new java.util.ArrayList<>(issued.stream()
                            .map(c -> new IssuedLink(c.number(), c.productName()))
                            .toList()));
        } catch (OcopException e) {
            refusedOrMessage(e, redirect);
        }
        return "redirect:/certification";
    }

    /** What the page lists after issuing. */
    record IssuedLink(String number, String productName) implements java.io.Serializable {}

    @GetMapping("/certificates/{number}")
    String certificate(@PathVariable String number, CurrentUser actor, Model model) {
        Certificate certificate = certification.get(number, actor);
        model.addAttribute("certificate", certificate);
        model.addAttribute("verificationUrl", documents.verificationUrl(number, actor));
        model.addAttribute("mayDecide", certification.mayDecide(certificate, actor));
        model.addAttribute("grounds", RevocationGround.values());
        return "certification/certificate";
    }

    /** Revocation, suspension and reinstatement by the issuing authority; failures come back as a message. */
    @PostMapping("/certificates/{number}/{action:revoke|suspend|reinstate}")
    String changeStatus(
            @PathVariable String number,
            @PathVariable String action,
            @RequestParam(defaultValue = "") String decisionNumber,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decidedOn,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(required = false) String ground,
            CurrentUser actor,
            RedirectAttributes redirect) {
        try {
            if (decidedOn == null || decisionNumber.isBlank()) {
                throw new OcopException(vn.ocop.shared.CommonError.VALIDATION_FAILED);
            }
            switch (action) {
                case "revoke" ->
                    certification.revoke(number, revocationGround(ground), decisionNumber, decidedOn, actor);
                case "suspend" -> certification.suspend(number, reason, decisionNumber, decidedOn, actor);
                default -> certification.reinstate(number, decisionNumber, decidedOn, actor);
            }
            redirect.addFlashAttribute("done", action);
        } catch (OcopException e) {
            refusedOrMessage(e, redirect);
        }
        return "redirect:/certificates/" + number;
    }

    /**
     * A refusal stays a refusal (the 403 page, nothing written); any other business error comes back as a message
     * above the form.
     */
    private void refusedOrMessage(OcopException e, RedirectAttributes redirect) {
        if (e.errorCode().kind() == vn.ocop.shared.ErrorKind.FORBIDDEN) {
            throw e;
        }
        redirect.addFlashAttribute("error", problems.message(e.errorCode().messageKey(), e.arguments()));
    }

    private static RevocationGround revocationGround(@org.jspecify.annotations.Nullable String ground) {
        try {
            return RevocationGround.valueOf(ground == null ? "" : ground);
        } catch (IllegalArgumentException e) {
            throw new OcopException(vn.ocop.shared.CommonError.INVALID_PARAMETER, "ground");
        }
    }

    @GetMapping(value = "/certificates/{number}/certificate.pdf", produces = "application/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String number, CurrentUser actor) {
        return CertificationApi.pdfResponse(number, documents.pdf(number, actor));
    }
}
