package vn.ocop.evaluation;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Loads and saves dossiers with plain SQL; a save with a stale version fails (optimistic locking, 409). */
@Component
class DossierStore {

    private static final TypeReference<Map<String, Integer>> CHOICES = new TypeReference<>() {};
    private static final TypeReference<Map<String, CriterionEvidence>> EVIDENCE = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DossierStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long insert(
            long roundId,
            long productId,
            long producerId,
            String communeCode,
            String provinceCode,
            String criteriaVersion,
            int setNo,
            String kind,
            Map<String, Integer> selfAssessment) {
        return jdbc.sql("""
                        INSERT INTO dossier (round_id, product_id, producer_id, commune_code, province_code,
                                             criteria_version, set_no, kind, status, self_assessment)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', CAST(? AS jsonb)) RETURNING id""")
                .params(
                        roundId,
                        productId,
                        producerId,
                        communeCode,
                        provinceCode,
                        criteriaVersion,
                        setNo,
                        kind,
                        json.writeValueAsString(selfAssessment))
                .query(Long.class)
                .single();
    }

    Optional<Dossier> find(long id) {
        return jdbc.sql("SELECT * FROM dossier WHERE id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    /** The product's latest dossier, if any. */
    Optional<Dossier> latest(long productId) {
        return jdbc.sql("SELECT * FROM dossier WHERE product_id = ? ORDER BY id DESC LIMIT 1")
                .param(productId)
                .query(this::map)
                .optional();
    }

    java.util.List<Dossier> findByRound(long roundId) {
        return jdbc.sql("SELECT * FROM dossier WHERE round_id = ? ORDER BY id")
                .param(roundId)
                .query(this::map)
                .list();
    }

    /** The documents attached to a dossier, by kind. */
    java.util.List<EvidenceLocker.Document> attachments(long dossierId) {
        return jdbc.sql("""
                        SELECT id, producer_id, kind, file_name, content_type, size_bytes, sha256, valid_until,
                               uploaded_by
                          FROM evidence_document
                         WHERE id IN (SELECT document_id FROM dossier_attachment WHERE dossier_id = ?)
                         ORDER BY kind, id""")
                .param(dossierId)
                .query(EvidenceLocker.Document.class)
                .list();
    }

    /** Whether a 5★ proposal was already made from this province dossier (and not withdrawn). */
    boolean proposed(long dossierId) {
        return jdbc.sql("SELECT count(*) FROM dossier WHERE proposed_from = ? AND status <> 'WITHDRAWN'")
                        .param(dossierId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * The most recent self-assessment saved from the public page for this product and criteria set (or, saved before
     * self-assessments named a product, for any product of the producer), if any.
     */
    Optional<Map<String, Integer>> savedSelfAssessment(
            long producerId, long productId, String criteriaVersion, int setNo) {
        return jdbc.sql("""
                        SELECT choices::text FROM saved_self_assessment
                         WHERE producer_id = ? AND criteria_version = ? AND set_no = ?
                           AND (product_id = ? OR product_id IS NULL)
                         ORDER BY product_id IS NULL, id DESC LIMIT 1""")
                .params(producerId, criteriaVersion, setNo, productId)
                .query(String.class)
                .optional()
                .map(text -> json.readValue(text, CHOICES));
    }

    /** Attaches to one dossier the documents of another. */
    void copyAttachments(long fromDossierId, long toDossierId) {
        jdbc.sql("""
                        INSERT INTO dossier_attachment (dossier_id, document_id)
                        SELECT ?, document_id FROM dossier_attachment WHERE dossier_id = ?
                        ON CONFLICT DO NOTHING""").params(toDossierId, fromDossierId).update();
    }

    /** Records which province dossier a 5★ proposal comes from. */
    void markProposal(long proposalId, long fromDossierId) {
        jdbc.sql("UPDATE dossier SET proposed_from = ? WHERE id = ?")
                .params(fromDossierId, proposalId)
                .update();
    }

    /** Saves the dossier's mutable state; fails with a 409 when someone saved it since it was loaded. */
    void save(Dossier d) {
        int updated = jdbc.sql("""
                        UPDATE dossier SET status = :status, self_assessment = CAST(:self AS jsonb),
                               submitted_at = :submittedAt, commune_deadline = :deadline,
                               commune_review = CAST(:review AS jsonb), return_reason = :returnReason,
                               knockout_reason = :knockout, knockout_ground = :ground, result_total = :total,
                               result_star = :star,
                               five_star_candidate = :candidate, forms = CAST(:forms AS jsonb),
                               evidence = CAST(:evidence AS jsonb), updated_at = now(), version = version + 1
                         WHERE id = :id AND version = :version""")
                .param("status", d.status.name())
                .param("self", json.writeValueAsString(d.selfAssessment))
                .param("submittedAt", d.submittedAt == null ? null : Timestamp.from(d.submittedAt))
                .param("deadline", d.communeDeadline)
                .param("review", d.communeReview == null ? null : json.writeValueAsString(d.communeReview))
                .param("returnReason", d.returnReason)
                .param("knockout", d.knockoutReason)
                .param("ground", d.knockoutGround)
                .param("total", d.resultTotal)
                .param("star", d.resultStar)
                .param("candidate", d.fiveStarCandidate)
                .param("forms", json.writeValueAsString(d.forms))
                .param("evidence", json.writeValueAsString(d.evidence))
                .param("id", d.id)
                .param("version", d.version)
                .update();
        if (updated != 1) {
            throw new ObjectOptimisticLockingFailureException("dossier", d.id);
        }
        d.version++;
    }

    void recordTransition(
            long dossierId, @Nullable DossierStatus from, DossierStatus to, String actor, @Nullable String note) {
        jdbc.sql(
                        "INSERT INTO dossier_transition (dossier_id, from_status, to_status, actor, note) VALUES (?, ?, ?, ?, ?)")
                .params(dossierId, from == null ? null : from.name(), to.name(), actor, note)
                .update();
    }

    private Dossier map(ResultSet rs, int row) throws SQLException {
        Dossier d = new Dossier(
                rs.getLong("id"),
                rs.getLong("round_id"),
                rs.getLong("product_id"),
                rs.getLong("producer_id"),
                rs.getString("commune_code"),
                rs.getString("province_code"),
                rs.getString("criteria_version"),
                rs.getInt("set_no"),
                rs.getString("kind"),
                DossierStatus.valueOf(rs.getString("status")),
                new LinkedHashMap<>(json.readValue(rs.getString("self_assessment"), CHOICES)),
                rs.getLong("version"));
        Timestamp submitted = rs.getTimestamp("submitted_at");
        d.submittedAt = submitted == null ? null : submitted.toInstant();
        d.communeDeadline = rs.getObject("commune_deadline", LocalDate.class);
        String review = rs.getString("commune_review");
        d.communeReview = review == null ? null : json.readValue(review, CommuneReview.class);
        d.returnReason = rs.getString("return_reason");
        d.knockoutReason = rs.getString("knockout_reason");
        d.knockoutGround = rs.getString("knockout_ground");
        BigDecimal total = rs.getBigDecimal("result_total");
        d.resultTotal = total;
        d.resultStar = (Integer) rs.getObject("result_star", Integer.class);
        d.fiveStarCandidate = rs.getBoolean("five_star_candidate");
        d.forms = json.readValue(rs.getString("forms"), DossierForms.class);
        d.evidence = new java.util.LinkedHashMap<>(json.readValue(rs.getString("evidence"), EVIDENCE));
        long proposedFrom = rs.getLong("proposed_from");
        d.proposedFrom = rs.wasNull() ? null : proposedFrom;
        return d;
    }
}
