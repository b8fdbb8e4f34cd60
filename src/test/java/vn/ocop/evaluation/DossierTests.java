package vn.ocop.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.ocop.shared.OcopException;

/** The dossier procedure without Spring: legal and illegal steps, deadlines, the 5★ proposal. */
class DossierTests {

    private static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");
    private static final LocalDate FRIDAY = LocalDate.of(2026, 11, 20);

    static Dossier aDraftDossier() {
        return new Dossier(1, 1, 1, 1, "29869", "82", "26-2026", 9, "FIRST", DossierStatus.DRAFT, Map.of(), 0);
    }

    static Dossier aSubmittedDossier() {
        Dossier d = aDraftDossier();
        d.submit(NOW, FRIDAY);
        return d;
    }

    static CommuneReview allContentsMet() {
        return new CommuneReview(true, true, true, true, "Đủ 4 nội dung");
    }

    @Test
    void submittingStartsFifteenWorkingDaysForTheCommune() {
        Dossier d = aSubmittedDossier();
        assertThat(d.status).isEqualTo(DossierStatus.SUBMITTED);
        // Friday 20/11/2026 + 15 working days (weekends skipped) = Friday 11/12/2026.
        assertThat(d.communeDeadline).isEqualTo(LocalDate.of(2026, 12, 11));
        assertThat(d.submittedAt).isEqualTo(NOW);
    }

    @Test
    void happyPathFromDraftToRated() {
        Dossier d = aSubmittedDossier();
        d.forward(allContentsMet());
        d.startEvaluation();
        d.rate(new BigDecimal("72.5"), 4, true);
        assertThat(d.status).isEqualTo(DossierStatus.RATED);
        assertThat(d.resultStar).isEqualTo(4);
        assertThat(d.fiveStarCandidate).isFalse();
    }

    @Test
    void aProvinceResultEarningFiveStarsIsProposedToTheMinistry() {
        Dossier d = aSubmittedDossier();
        d.forward(allContentsMet());
        d.startEvaluation();
        d.rate(new BigDecimal("90"), 5, true);
        assertThat(d.fiveStarCandidate).isTrue();
    }

    @Test
    void aResultOfNinetyOrMoreCappedBelowFiveStarsByAStarMinimumIsNotProposed() {
        // 98 points but a missed 3★ minimum caps the product at 2★: not a 5★ candidate (issue #13 finding).
        Dossier d = aSubmittedDossier();
        d.forward(allContentsMet());
        d.startEvaluation();
        d.rate(new BigDecimal("98"), 2, true);
        assertThat(d.fiveStarCandidate).isFalse();
    }

    @Test
    void returnedDossiersCanBeCorrectedAndSubmittedAgain() {
        Dossier d = aSubmittedDossier();
        d.returnToProducer("Thiếu phiếu kiểm nghiệm");
        assertThat(d.status).isEqualTo(DossierStatus.RETURNED);
        assertThat(d.returnReason).isEqualTo("Thiếu phiếu kiểm nghiệm");
        d.submit(NOW, FRIDAY);
        assertThat(d.status).isEqualTo(DossierStatus.SUBMITTED);
        assertThat(d.returnReason).isNull();
    }

    @Test
    void knockOutEndsTheProcedureWithItsReason() {
        Dossier d = aSubmittedDossier();
        d.forward(allContentsMet());
        d.knockOut("Giấy chứng nhận ATTP hết hiệu lực");
        assertThat(d.status).isEqualTo(DossierStatus.KNOCKED_OUT);
        assertThat(d.status.open()).isFalse();
        assertThat(d.knockoutReason).isEqualTo("Giấy chứng nhận ATTP hết hiệu lực");
        assertIllegal(d::startEvaluation);
    }

    @Test
    void illegalStepsAreRefused() {
        assertIllegal(() -> aDraftDossier().forward(allContentsMet()));
        assertIllegal(() -> aDraftDossier().startEvaluation());
        assertIllegal(() -> aDraftDossier().rate(BigDecimal.TEN, 1, true));
        assertIllegal(() -> aDraftDossier().knockOut("x"));
        assertIllegal(() -> aSubmittedDossier().startEvaluation());
        Dossier forwarded = aSubmittedDossier();
        forwarded.forward(allContentsMet());
        assertIllegal(forwarded::withdraw);
        assertIllegal(() -> forwarded.returnToProducer("x"));
    }

    @Test
    void returnAndKnockOutNeedAReason() {
        assertThatThrownBy(() -> aSubmittedDossier().returnToProducer("  "))
                .isInstanceOf(OcopException.class)
                .extracting(e -> ((OcopException) e).errorCode())
                .isEqualTo(EvaluationError.REASON_REQUIRED);
        assertThatThrownBy(() -> aSubmittedDossier().knockOut(""))
                .extracting(e -> ((OcopException) e).errorCode())
                .isEqualTo(EvaluationError.REASON_REQUIRED);
    }

    @Test
    void workingDaysSkipWeekends() {
        assertThat(WorkingDays.add(LocalDate.of(2026, 11, 20), 1)).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(WorkingDays.add(LocalDate.of(2026, 11, 21), 1)).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(WorkingDays.add(LocalDate.of(2026, 11, 23), 5)).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    private static void assertIllegal(org.assertj.core.api.ThrowableAssert.ThrowingCallable step) {
        assertThatThrownBy(step)
                .isInstanceOf(OcopException.class)
                .extracting(e -> ((OcopException) e).errorCode())
                .isEqualTo(EvaluationError.ILLEGAL_TRANSITION);
    }
}
