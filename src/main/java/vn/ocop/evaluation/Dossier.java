package vn.ocop.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.ocop.shared.OcopException;

/**
 * A product's application in one evaluation round. Owns the procedure: each step checks the current status and
 * refuses an illegal move with {@code EVAL-009}. Deadlines follow Decision 26/2026/QĐ-TTg Art. 5.
 */
final class Dossier {

    /** The commune checks a dossier within 15 working days of receiving it (Art. 5.2). */
    static final int COMMUNE_WORKING_DAYS = 15;

    /** A province council proposes products scoring at least 90 for 5★ to the ministry (Art. 6.3). */
    static final BigDecimal FIVE_STAR_PROPOSAL = new BigDecimal("90");

    final long id;
    final long roundId;
    final long productId;
    final long producerId;
    final String communeCode;
    final String provinceCode;
    final String criteriaVersion;
    final int setNo;
    final String kind;
    DossierStatus status;
    Map<String, Integer> selfAssessment;
    DossierForms forms = DossierForms.EMPTY;
    Map<String, CriterionEvidence> evidence = new LinkedHashMap<>();

    @Nullable
    Long proposedFrom;

    @Nullable
    Instant submittedAt;

    @Nullable
    LocalDate communeDeadline;

    @Nullable
    CommuneReview communeReview;

    @Nullable
    String returnReason;

    @Nullable
    String knockoutReason;

    @Nullable
    BigDecimal resultTotal;

    @Nullable
    Integer resultStar;

    boolean fiveStarCandidate;
    long version;

    Dossier(
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
            long version) {
        this.id = id;
        this.roundId = roundId;
        this.productId = productId;
        this.producerId = producerId;
        this.communeCode = communeCode;
        this.provinceCode = provinceCode;
        this.criteriaVersion = criteriaVersion;
        this.setNo = setNo;
        this.kind = kind;
        this.status = status;
        this.selfAssessment = new LinkedHashMap<>(selfAssessment);
        this.version = version;
    }

    /** Whether the dossier's status allows the action (who may take it is {@link Dossiers}' question). */
    boolean allows(DossierAction action) {
        boolean proposal = "PROPOSAL".equals(kind);
        return switch (action) {
            case EDIT, SUBMIT -> !proposal && (status == DossierStatus.DRAFT || status == DossierStatus.RETURNED);
            case WITHDRAW ->
                !proposal
                        && (status == DossierStatus.DRAFT
                                || status == DossierStatus.SUBMITTED
                                || status == DossierStatus.RETURNED);
            case FORWARD, RETURN -> status == DossierStatus.SUBMITTED;
            case KNOCK_OUT ->
                status == DossierStatus.SUBMITTED
                        || status == DossierStatus.FORWARDED
                        || status == DossierStatus.UNDER_EVALUATION;
            case START_EVALUATION -> status == DossierStatus.FORWARDED;
            case DECLARE_CONFLICT, SCORE, CLOSE, PAPER_RESULT -> status == DossierStatus.UNDER_EVALUATION;
            case PROPOSE -> status == DossierStatus.RATED && fiveStarCandidate;
        };
    }

    /** {@code EVAL-009} unless the status allows the action. */
    void require(DossierAction action) {
        if (!allows(action)) {
            throw new OcopException(
                    EvaluationError.ILLEGAL_TRANSITION,
                    status,
                    action.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
    }

    /** Replaces the producer's self-assessment (draft or returned dossiers). */
    void assess(Map<String, Integer> choices, Map<String, CriterionEvidence> cited) {
        require(DossierAction.EDIT);
        selfAssessment = new LinkedHashMap<>(choices);
        evidence = new LinkedHashMap<>(cited);
    }

    /** Replaces the dossier's forms (draft or returned dossiers). */
    void fillIn(DossierForms filled) {
        require(DossierAction.EDIT);
        forms = filled;
    }

    /** DRAFT or RETURNED → SUBMITTED: the commune's 15 working days start. */
    void submit(Instant now, LocalDate today) {
        require("submit", DossierStatus.DRAFT, DossierStatus.RETURNED);
        status = DossierStatus.SUBMITTED;
        submittedAt = now;
        communeDeadline = WorkingDays.add(today, COMMUNE_WORKING_DAYS);
        returnReason = null;
    }

    /** SUBMITTED → FORWARDED to the province with the commune's assessment (Mẫu 03). */
    void forward(CommuneReview review) {
        require("forward", DossierStatus.SUBMITTED);
        status = DossierStatus.FORWARDED;
        communeReview = review;
    }

    /**
     * DRAFT → FORWARDED for a 5★ proposal: the commune's check of the province dossier stands, the ministry's
     * organiser starts the evaluation.
     */
    void forwardAsProposal(@Nullable CommuneReview review) {
        require("propose", DossierStatus.DRAFT);
        status = DossierStatus.FORWARDED;
        communeReview = review;
    }

    /** SUBMITTED → RETURNED to the producer with the reasons. */
    void returnToProducer(String reason) {
        require("return", DossierStatus.SUBMITTED);
        requireReason(reason);
        status = DossierStatus.RETURNED;
        returnReason = reason.strip();
    }

    /** Any open status before the result → KNOCKED_OUT with the recorded reason ("Hồ sơ bị loại"). */
    void knockOut(String reason) {
        require("knock-out", DossierStatus.SUBMITTED, DossierStatus.FORWARDED, DossierStatus.UNDER_EVALUATION);
        requireReason(reason);
        status = DossierStatus.KNOCKED_OUT;
        knockoutReason = reason.strip();
    }

    /** FORWARDED → UNDER_EVALUATION: the council may score. */
    void startEvaluation() {
        require("start-evaluation", DossierStatus.FORWARDED);
        status = DossierStatus.UNDER_EVALUATION;
    }

    /**
     * UNDER_EVALUATION → RATED with the council's result. A province result is a 5★ candidate, proposed to the ministry
     * (Art. 7.3.e), when it earns 5★: a total of 90 or more and every star minimum up to 5★ met. A 98-point product
     * capped below 5★ by a missed minimum is not a candidate.
     */
    void rate(BigDecimal total, int star, boolean provinceLevel) {
        require("rate", DossierStatus.UNDER_EVALUATION);
        status = DossierStatus.RATED;
        resultTotal = total;
        resultStar = star;
        fiveStarCandidate = provinceLevel && star == 5 && total.compareTo(FIVE_STAR_PROPOSAL) >= 0;
    }

    /** DRAFT, SUBMITTED or RETURNED → WITHDRAWN by the producer. */
    void withdraw() {
        require("withdraw", DossierStatus.DRAFT, DossierStatus.SUBMITTED, DossierStatus.RETURNED);
        status = DossierStatus.WITHDRAWN;
    }

    private void require(String step, DossierStatus... allowed) {
        for (DossierStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw new OcopException(EvaluationError.ILLEGAL_TRANSITION, status, step);
    }

    private static void requireReason(@Nullable String reason) {
        if (reason == null || reason.isBlank()) {
            throw new OcopException(EvaluationError.REASON_REQUIRED);
        }
    }
}
