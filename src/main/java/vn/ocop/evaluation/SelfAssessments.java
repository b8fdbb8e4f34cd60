package vn.ocop.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import vn.ocop.evaluation.criteria.ScoringResult;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.Role;
import vn.ocop.product.ProductQuery;
import vn.ocop.product.ProductRegistry;
import vn.ocop.product.ProductSummary;
import vn.ocop.product.ProductView;
import vn.ocop.shared.AuditableEvent;
import vn.ocop.shared.CommonError;
import vn.ocop.shared.OcopException;

/**
 * Self-assessments a producer saves from the public self-assessment page to one of its products. Filing a dossier for
 * that product starts from the latest one of the dossier's criteria set ({@link Dossiers#create}).
 */
@Service
@Transactional
public class SelfAssessments {

    private static final tools.jackson.core.type.TypeReference<Map<String, Integer>> CHOICES =
            new tools.jackson.core.type.TypeReference<>() {};

    private final JdbcClient jdbc;
    private final CriteriaSets criteria;
    private final ProductRegistry products;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;

    SelfAssessments(
            JdbcClient jdbc,
            CriteriaSets criteria,
            ProductRegistry products,
            ApplicationEventPublisher events,
            JsonMapper json) {
        this.json = json;
        this.jdbc = jdbc;
        this.criteria = criteria;
        this.products = products;
        this.events = events;
    }

    /** A saved self-assessment: for which product and set, its result, and when. */
    public record Saved(
            long id, long productId, String criteriaVersion, int setNo, BigDecimal total, int star, Instant savedAt) {}

    /** A product the producer may save a self-assessment of this set to. */
    public record Target(long productId, String name) {}

    /** The products of the logged-in producer that are assessed against this set (none for anyone else). */
    @Transactional(readOnly = true)
    public List<Target> targets(int setNo, CurrentUser actor) {
        if (actor.role() != Role.PRODUCER || actor.producerId() == null) {
            return List.of();
        }
        return products
                .search(
                        new ProductQuery(null, null, null, setNo, null, null, null, actor.producerId(), null),
                        0,
                        200,
                        actor)
                .items()
                .stream()
                .map((ProductSummary p) -> new Target(p.id(), p.name()))
                .toList();
    }

    /**
     * Saves the answers (criterion code → option index) to the producer's product. Only the product's own producer
     * may save ({@code COMMON-004}); the product must be assessed against this set ({@code COMMON-010}); the choices
     * must be options of the set ({@link EvaluationError#INVALID_CHOICE}).
     */
    public Saved save(long productId, String version, int setNo, Map<String, Integer> choices, CurrentUser actor) {
        ProductView product =
                products.lookup(productId).orElseThrow(() -> new OcopException(CommonError.ACCESS_DENIED));
        if (actor.role() != Role.PRODUCER || actor.producerId() == null || actor.producerId() != product.producerId()) {
            throw new OcopException(CommonError.ACCESS_DENIED);
        }
        if (product.criteriaSetNo() != setNo) {
            throw new OcopException(CommonError.INVALID_PARAMETER, "productId");
        }
        ScoringResult result = criteria.assess(version, setNo, choices);
        long id = jdbc.sql("""
                        INSERT INTO saved_self_assessment (producer_id, product_id, criteria_version, set_no, choices,
                                                           saved_by)
                        VALUES (?, ?, ?, ?, ?::jsonb, ?) RETURNING id""")
                .params(
                        product.producerId(),
                        productId,
                        version,
                        setNo,
                        json.writeValueAsString(choices),
                        actor.username())
                .query(Long.class)
                .single();
        events.publishEvent(new SelfAssessmentSaved(
                id, productId, product.communeCode(), version, setNo, result.total(), result.star()));
        return latest(productId, version, setNo).orElseThrow();
    }

    /** The latest self-assessment saved to this product for this set, if any. */
    @Transactional(readOnly = true)
    public Optional<Saved> latest(long productId, String version, int setNo) {
        return jdbc.sql("""
                        SELECT id, choices::text, saved_at FROM saved_self_assessment
                         WHERE product_id = ? AND criteria_version = ? AND set_no = ?
                         ORDER BY id DESC LIMIT 1""")
                .params(productId, version, setNo)
                .query((rs, n) -> {
                    Map<String, Integer> choices = choices(rs.getString(2));
                    ScoringResult result = criteria.assess(version, setNo, choices);
                    return new Saved(
                            rs.getLong(1),
                            productId,
                            version,
                            setNo,
                            result.total(),
                            result.star(),
                            rs.getTimestamp(3).toInstant());
                })
                .optional();
    }

    private Map<String, Integer> choices(String text) {
        return json.readValue(text, CHOICES);
    }

    /** A producer saved its self-assessment to a product (audited). */
    public record SelfAssessmentSaved(
            long id, long productId, String communeCode, String criteriaVersion, int setNo, BigDecimal total, int star)
            implements AuditableEvent {
        @Override
        public String auditAction() {
            return "self-assessment.saved";
        }

        @Override
        public String auditObjectType() {
            return "product";
        }

        @Override
        public String auditObjectId() {
            return Long.toString(productId);
        }

        @Override
        public String auditSummary() {
            return "set " + setNo + " (" + criteriaVersion + "): " + total.toPlainString() + ", " + star + "★";
        }

        @Override
        public String auditLocation() {
            return communeCode;
        }
    }
}
