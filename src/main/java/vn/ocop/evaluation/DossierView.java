package vn.ocop.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A dossier as officers, council members and its producer see it. */
public record DossierView(
        long id,
        long roundId,
        long productId,
        long producerId,
        String communeCode,
        String provinceCode,
        String criteriaVersion,
        int setNo,
        String kind,
        DossierStatus status,
        Map<String, Integer> selfAssessment,
        @Nullable Instant submittedAt,
        @Nullable LocalDate communeDeadline,
        @Nullable CommuneReview communeReview,
        @Nullable String returnReason,
        @Nullable String knockoutReason,
        @Nullable BigDecimal resultTotal,
        @Nullable Integer resultStar,
        boolean fiveStarCandidate,
        DossierForms forms,
        Map<String, CriterionEvidence> evidence,
        @Nullable Long proposedFrom,
        long version) {

    static DossierView of(Dossier d) {
        return new DossierView(
                d.id,
                d.roundId,
                d.productId,
                d.producerId,
                d.communeCode,
                d.provinceCode,
                d.criteriaVersion,
                d.setNo,
                d.kind,
                d.status,
                Map.copyOf(d.selfAssessment),
                d.submittedAt,
                d.communeDeadline,
                d.communeReview,
                d.returnReason,
                d.knockoutReason,
                d.resultTotal,
                d.resultStar,
                d.fiveStarCandidate,
                d.forms,
                Map.copyOf(d.evidence),
                d.proposedFrom,
                d.version);
    }
}
