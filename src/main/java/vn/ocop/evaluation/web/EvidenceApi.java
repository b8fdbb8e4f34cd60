package vn.ocop.evaluation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.FileSystemResource;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.multipart.MultipartFile;
import vn.ocop.evaluation.EvidenceLocker;
import vn.ocop.identity.CurrentUser;

/** A producer's evidence locker and the documents attached to dossiers. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Evidence", description = "Kho tài liệu của chủ thể, tài liệu đính kèm hồ sơ")
@SecurityRequirement(name = "bearer")
class EvidenceApi {

    private final EvidenceLocker locker;

    EvidenceApi(EvidenceLocker locker) {
        this.locker = locker;
    }

    @PostMapping(value = "/producers/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload a document (PDF, JPEG or PNG, at most 10 MB) to the producer's locker")
    EvidenceLocker.Document upload(
            @PathVariable long id,
            @RequestParam MultipartFile file,
            @RequestParam
                    @Pattern(
                            regexp =
                                    "BUSINESS_REGISTRATION|FOOD_SAFETY_CERTIFICATE|LAB_TEST|PRODUCT_STORY|LABEL|PHOTO|OTHER")
                    String kind,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate validUntil,
            CurrentUser actor)
            throws IOException {
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        return locker.upload(id, kind, name, file.getBytes(), validUntil, actor);
    }

    @GetMapping("/producers/{id}/evidence")
    @Operation(summary = "The producer's locker, newest first")
    List<EvidenceLocker.Document> locker(@PathVariable long id, CurrentUser actor) {
        return locker.locker(id, actor);
    }

    @GetMapping("/evidence/{documentId}")
    @Operation(summary = "Download a document (always as an attachment, never rendered)")
    @ApiResponse(
            responseCode = "200",
            description = "The document, in its stored format (attachment)",
            content = {
                @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary"))
            })
    ResponseEntity<FileSystemResource> download(@PathVariable long documentId, CurrentUser actor) {
        return DocumentResponse.of(locker.download(documentId, actor));
    }

    record Attach(@NotNull Long documentId) {}

    @PostMapping("/dossiers/{id}/attachments")
    @Operation(summary = "Attach a locker document to a dossier (draft or returned)")
    List<EvidenceLocker.Document> attach(@PathVariable long id, @Valid @RequestBody Attach body, CurrentUser actor) {
        return locker.attach(id, body.documentId(), actor);
    }

    @GetMapping("/dossiers/{id}/attachments")
    @Operation(summary = "The documents attached to a dossier")
    List<EvidenceLocker.Document> attachments(@PathVariable long id, CurrentUser actor) {
        return locker.attachments(id, actor);
    }
}
