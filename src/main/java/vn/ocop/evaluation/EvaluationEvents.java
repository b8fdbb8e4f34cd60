package vn.ocop.evaluation;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import vn.ocop.shared.AuditableEvent;

/** Facts the evaluation module announces. */
public final class EvaluationEvents {

    private EvaluationEvents() {}

    /** An event of a dossier, told to the audit trail by the dossier's id and the commune of its product. */
    public interface DossierEvent extends AuditableEvent {

        long dossierId();

        String communeCode();

        @Override
        default String auditObjectType() {
            return "dossier";
        }

        @Override
        default String auditObjectId() {
            return Long.toString(dossierId());
        }

        @Override
        default String auditLocation() {
            return communeCode();
        }
    }

    /**
     * A dossier moved from one status to another (every step of the procedure); {@code from} is {@code null} when it
     * was created. {@code productId} and {@code kind} ({@code FIRST}, {@code UPGRADE}, {@code REEVALUATION},
     * {@code PROPOSAL}) are for read models counting dossiers.
     */
    public record DossierTransitioned(
            long dossierId,
            @Nullable DossierStatus from,
            DossierStatus to,
            String communeCode,
            @Nullable String note,
            long productId,
            String kind)
            implements DossierEvent {
        @Override
        public String auditAction() {
            return "dossier." + to.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        @Override
        public String auditSummary() {
            return (from == null ? "created" : from + " -> " + to) + (note == null ? "" : "; " + note);
        }
    }

    /** The producer (or an officer on its behalf) changed the dossier's self-assessment, evidence or forms. */
    public record DossierEdited(long dossierId, String communeCode, String summary) implements DossierEvent {
        @Override
        public String auditAction() {
            return "dossier.edited";
        }

        @Override
        public String auditSummary() {
            return summary;
        }
    }

    /** A council member submitted (and so locked) a scoresheet. */
    public record ScoresheetSubmitted(long dossierId, String member, BigDecimal total, String communeCode)
            implements DossierEvent {
        @Override
        public String auditAction() {
            return "scoresheet.submitted";
        }

        @Override
        public String auditSummary() {
            return "member=" + member + ", total=" + total.toPlainString();
        }
    }

    /**
     * A council closed a product's evaluation with a result. The certification module issues certificates for 3★ and
     * above; reporting counts it.
     *
     * @param level {@code PROVINCE} or {@code CENTRAL}: who rated it
     * @param fiveStarCandidate a province result of 90 or more, to be proposed to the ministry (Art. 6.3)
     */
    public record ProductRated(
            long dossierId,
            long productId,
            long producerId,
            long roundId,
            String level,
            String criteriaVersion,
            int setNo,
            BigDecimal total,
            int star,
            boolean fiveStarCandidate,
            String communeCode)
            implements AuditableEvent {
        @Override
        public String auditAction() {
            return "product.rated";
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
            return "dossier=" + dossierId + ", total=" + total.toPlainString() + ", star=" + star + ", level=" + level
                    + (fiveStarCandidate ? ", 5★ candidate" : "");
        }

        @Override
        public String auditLocation() {
            return communeCode;
        }
    }
}
