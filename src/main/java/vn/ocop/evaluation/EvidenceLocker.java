package vn.ocop.evaluation;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ocop.identity.AccessPolicy;
import vn.ocop.identity.Action;
import vn.ocop.identity.CurrentUser;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.producer.ProducerView;
import vn.ocop.shared.AuditableEvent;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.storage.FileContents;
import vn.ocop.shared.storage.FileStore;

/**
 * A producer's evidence locker and the documents attached to its dossiers. Only PDF, JPEG and PNG are kept, recognised
 * by their first bytes (never by name or declared type), at most {@link #MAX_BYTES}; bytes go to the {@link FileStore}
 * under random keys, metadata and SHA-256 to PostgreSQL in the same transaction (a failed insert removes the file).
 * Files are only ever served as downloads, never rendered by the application. A document whose "valid until" date
 * has passed (a food-safety certificate, a lab test) is refused on upload and on attaching ({@code EVAL-028}); one
 * that expires after it was attached stays attached, and the dossier page flags it.
 */
@Service
@Transactional
public class EvidenceLocker {

    /** Largest document accepted: 10 MB. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** What a document is, as the dossier forms of Decision 26/2026/QĐ-TTg list them. */
    public static final List<String> KINDS = List.of(
            "BUSINESS_REGISTRATION",
            "FOOD_SAFETY_CERTIFICATE",
            "PRODUCTION_CONDITIONS",
            "QUALITY_DECLARATION",
            "LAB_TEST",
            "RAW_MATERIAL_ORIGIN",
            "ENVIRONMENT",
            "LOCAL_LABOUR",
            "FINANCIAL_REPORT",
            "IP_CERTIFICATE",
            "MARKET_EVIDENCE",
            "PROMOTION",
            "PRODUCT_STORY",
            "LABEL",
            "BARCODE_TRACEABILITY",
            "QUALITY_SYSTEM",
            "AWARD",
            "CHANGE_EVIDENCE",
            "PHOTO",
            "OTHER");

    private final JdbcClient jdbc;
    private final FileStore files;
    private final ProducerRegistry producers;
    private final Dossiers dossiers;
    private final AccessPolicy policy;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EvidenceLocker(
            JdbcClient jdbc,
            FileStore files,
            ProducerRegistry producers,
            Dossiers dossiers,
            AccessPolicy policy,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.files = files;
        this.producers = producers;
        this.dossiers = dossiers;
        this.policy = policy;
        this.events = events;
        this.clock = clock;
    }

    /** A document in a locker. */
    public record Document(
            long id,
            long producerId,
            String kind,
            String fileName,
            String contentType,
            long sizeBytes,
            String sha256,
            @Nullable LocalDate validUntil,
            String uploadedBy) {

        /** Whether the document's validity had ended on that day (a document without a date never expires). */
        public boolean expiredOn(LocalDate day) {
            return expired(validUntil, day);
        }
    }

    /** A document's bytes for download. */
    public record Download(Document document, Path path) {}

    public Document upload(
            long producerId,
            String kind,
            String fileName,
            byte[] content,
            @Nullable LocalDate validUntil,
            CurrentUser actor) {
        ProducerView producer = producer(producerId);
        checkEdit(actor, producer);
        if (!KINDS.contains(kind)) {
            throw new OcopException(vn.ocop.shared.CommonError.INVALID_PARAMETER, "kind");
        }
        refuseExpired(validUntil);
        if (content.length == 0) {
            throw new OcopException(EvaluationError.EMPTY_DOCUMENT);
        }
        if (content.length > MAX_BYTES) {
            throw new OcopException(EvaluationError.DOCUMENT_TOO_LARGE, MAX_BYTES / 1024 / 1024);
        }
        // Anything but PDF, JPEG and PNG (HTML, scripts, archives, executables) is refused.
        String type =
                FileContents.sniff(content).orElseThrow(() -> new OcopException(EvaluationError.UNSUPPORTED_DOCUMENT));
        String sha256 = FileContents.sha256(content);
        Long existing = jdbc.sql("SELECT id FROM evidence_document WHERE producer_id = ? AND sha256 = ?")
                .params(producerId, sha256)
                .query(Long.class)
                .optional()
                .orElse(null);
        if (existing != null) {
            throw new OcopException(EvaluationError.DUPLICATE_DOCUMENT, existing);
        }
        String key = files.store(
                content, type.equals(FileContents.PDF) ? "pdf" : type.equals(FileContents.PNG) ? "png" : "jpg");
        String name = safeName(fileName);
        long id;
        try {
            id = jdbc.sql("""
                            INSERT INTO evidence_document (producer_id, kind, file_name, content_type, size_bytes, sha256,
                                                           storage_key, valid_until, uploaded_by)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                    .params(producerId, kind, name, type, content.length, sha256, key, validUntil, actor.username())
                    .query(Long.class)
                    .single();
        } catch (DuplicateKeyException e) {
            // The same file uploaded twice at once: the unique constraint decides; the rollback removes our copy.
            throw new OcopException(EvaluationError.DUPLICATE_DOCUMENT, "?");
        }
        events.publishEvent(new DocumentUploaded(id, producerId, kind, name, sha256, producer.communeCode()));
        return find(id);
    }

    /** Uploads a document into the locker of the dossier's producer and attaches it to the dossier, or neither. */
    public List<Document> uploadToDossier(
            long dossierId,
            String kind,
            String fileName,
            byte[] content,
            @Nullable LocalDate validUntil,
            CurrentUser actor) {
        Dossier d = dossiers.load(dossierId);
        dossiers.check(DossierAction.EDIT, d, actor);
        Document document = upload(d.producerId, kind, fileName, content, validUntil, actor);
        return attach(dossierId, document.id(), actor);
    }

    /** Whether the user may add documents to the producer's locker and attach them to its dossiers. */
    @Transactional(readOnly = true)
    public boolean mayEdit(long producerId, CurrentUser actor) {
        ProducerView producer = producer(producerId);
        return policy.permitsOwnProducer(actor, producer.id())
                || policy.permits(actor, Action.EDIT_RECORDS, producer.communeCode());
    }

    @Transactional(readOnly = true)
    public List<Document> locker(long producerId, CurrentUser actor) {
        ProducerView producer = producer(producerId);
        checkView(actor, producer);
        return jdbc.sql(SELECT + " WHERE producer_id = ? ORDER BY uploaded_at DESC, id DESC")
                .param(producerId)
                .query(Document.class)
                .list();
    }

    /** Attaches a locker document to a dossier of the same producer while the dossier can still change. */
    public List<Document> attach(long dossierId, long documentId, CurrentUser actor) {
        Dossier d = dossiers.load(dossierId);
        dossiers.check(DossierAction.EDIT, d, actor);
        Document document = find(documentId);
        if (document.producerId() != d.producerId) {
            throw new OcopException(EvaluationError.DOCUMENT_NOT_FOUND, documentId);
        }
        refuseExpired(document.validUntil());
        int added = jdbc.sql(
                        "INSERT INTO dossier_attachment (dossier_id, document_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(dossierId, documentId)
                .update();
        if (added > 0) {
            events.publishEvent(new DocumentAttached(dossierId, document.id(), document.kind(), d.communeCode));
        }
        return attachments(dossierId, actor);
    }

    /**
     * Removes a document from a dossier while the dossier can still change; the document stays in the producer's
     * locker, and the criteria that cited it no longer do.
     */
    public List<Document> detach(long dossierId, long documentId, CurrentUser actor) {
        Dossier d = dossiers.load(dossierId);
        dossiers.check(DossierAction.EDIT, d, actor);
        int removed = jdbc.sql("DELETE FROM dossier_attachment WHERE dossier_id = ? AND document_id = ?")
                .params(dossierId, documentId)
                .update();
        if (removed == 0) {
            throw new OcopException(EvaluationError.DOCUMENT_NOT_FOUND, documentId);
        }
        dossiers.forgetEvidence(d, documentId, actor);
        events.publishEvent(new DocumentDetached(dossierId, documentId, d.communeCode));
        return attachments(dossierId, actor);
    }

    @Transactional(readOnly = true)
    public List<Document> attachments(long dossierId, CurrentUser actor) {
        dossiers.get(dossierId, actor); // authorizes
        return jdbc.sql(SELECT + " WHERE id IN (SELECT document_id FROM dossier_attachment WHERE dossier_id = ?)"
                        + " ORDER BY kind, id")
                .param(dossierId)
                .query(Document.class)
                .list();
    }

    @Transactional(readOnly = true)
    public Download download(long documentId, CurrentUser actor) {
        Document document = find(documentId);
        ProducerView producer = producer(document.producerId());
        boolean councilOfADossier =
                jdbc.sql("""
                                SELECT count(*) FROM dossier_attachment a JOIN dossier d ON d.id = a.dossier_id
                                  JOIN council_member m ON m.round_id = d.round_id
                                 WHERE a.document_id = ? AND m.user_id = ?""").params(documentId, actor.id()).query(Long.class).single() > 0;
        if (!councilOfADossier) {
            checkView(actor, producer);
        }
        String key = jdbc.sql("SELECT storage_key FROM evidence_document WHERE id = ?")
                .param(documentId)
                .query(String.class)
                .single();
        Path path =
                files.find(key).orElseThrow(() -> new OcopException(EvaluationError.DOCUMENT_NOT_FOUND, documentId));
        return new Download(document, path);
    }

    private static final String SELECT =
            "SELECT id, producer_id, kind, file_name, content_type, size_bytes, sha256, valid_until, uploaded_by"
                    + " FROM evidence_document";

    private Document find(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?")
                .param(id)
                .query(Document.class)
                .optional()
                .orElseThrow(() -> new OcopException(EvaluationError.DOCUMENT_NOT_FOUND, id));
    }

    private ProducerView producer(long id) {
        return producers
                .lookup(id)
                .orElseThrow(() -> new OcopException(vn.ocop.producer.ProducerError.PRODUCER_NOT_FOUND, id));
    }

    private void checkEdit(CurrentUser actor, ProducerView producer) {
        if (!policy.permitsOwnProducer(actor, producer.id())
                && !policy.permits(actor, Action.EDIT_RECORDS, producer.communeCode())) {
            throw OcopException.forbidden();
        }
    }

    private void checkView(CurrentUser actor, ProducerView producer) {
        if (!policy.permitsOwnProducer(actor, producer.id())
                && !policy.permits(actor, Action.VIEW_RECORDS, producer.communeCode())) {
            throw OcopException.forbidden();
        }
    }

    private static boolean expired(@Nullable LocalDate validUntil, LocalDate day) {
        return validUntil != null && validUntil.isBefore(day);
    }

    /** {@code EVAL-028} for a validity that ended before today. */
    private void refuseExpired(@Nullable LocalDate validUntil) {
        if (expired(validUntil, LocalDate.now(clock))) {
            throw new OcopException(EvaluationError.DOCUMENT_EXPIRED, DAY.format(Objects.requireNonNull(validUntil)));
        }
    }

    private static String safeName(String fileName) {
        String name = fileName.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
        if (name.isEmpty()) {
            name = "tai-lieu";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    /** A document entered a producer's evidence locker. */
    public record DocumentUploaded(
            long documentId, long producerId, String kind, String fileName, String sha256, String communeCode)
            implements AuditableEvent {
        @Override
        public String auditAction() {
            return "evidence.uploaded";
        }

        @Override
        public String auditObjectType() {
            return "evidence-document";
        }

        @Override
        public String auditObjectId() {
            return Long.toString(documentId);
        }

        @Override
        public String auditSummary() {
            return "producer=" + producerId + ", " + kind + ", " + fileName + ", sha256=" + sha256;
        }

        @Override
        public String auditLocation() {
            return communeCode;
        }
    }

    /** A locker document was attached to a dossier. */
    public record DocumentAttached(long dossierId, long documentId, String kind, String communeCode)
            implements EvaluationEvents.DossierEvent {
        @Override
        public String auditAction() {
            return "dossier.attached";
        }

        @Override
        public String auditSummary() {
            return "document=" + documentId + ", " + kind;
        }
    }

    /** A document was removed from a dossier (it stays in the locker). */
    public record DocumentDetached(long dossierId, long documentId, String communeCode)
            implements EvaluationEvents.DossierEvent {
        @Override
        public String auditAction() {
            return "dossier.detached";
        }

        @Override
        public String auditSummary() {
            return "document=" + documentId;
        }
    }
}
