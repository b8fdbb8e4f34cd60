package vn.ocop.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.ocop.shared.OcopException;

/** When a re-evaluation may be filed: Art. 7.6.a, with the transitional extension of Art. 12.3. */
class ReevaluationWindowTests {

    private static final LocalDate EXPIRES = LocalDate.of(2027, 6, 30);

    @Test
    void opensOneHundredEightyDaysBeforeExpiry() {
        assertThat(ReevaluationWindow.check(EXPIRES, EXPIRES.minusDays(180)))
                .isEqualTo(ReevaluationWindow.Filing.ON_TIME);
        assertThat(ReevaluationWindow.check(EXPIRES, EXPIRES.minusDays(120)))
                .isEqualTo(ReevaluationWindow.Filing.ON_TIME);
        // The finding: a dossier 528 days before expiry was accepted.
        assertRefused(EXPIRES, EXPIRES.minusDays(181), "EVAL-038");
        assertRefused(EXPIRES, EXPIRES.minusDays(528), "EVAL-038");
    }

    @Test
    void laterIsLateButTakenUntilOneHundredEightyDaysAfterExpiry() {
        assertThat(ReevaluationWindow.check(EXPIRES, EXPIRES.minusDays(119))).isEqualTo(ReevaluationWindow.Filing.LATE);
        assertThat(ReevaluationWindow.check(EXPIRES, EXPIRES)).isEqualTo(ReevaluationWindow.Filing.LATE);
        assertThat(ReevaluationWindow.check(EXPIRES, EXPIRES.plusDays(180))).isEqualTo(ReevaluationWindow.Filing.LATE);
        // The finding: a dossier 280 days after expiry was accepted.
        assertRefused(EXPIRES, EXPIRES.plusDays(181), "EVAL-039");
        assertRefused(EXPIRES, EXPIRES.plusDays(280), "EVAL-039");
    }

    @Test
    void aProductThatNeverHadACertificateIsNotReevaluated() {
        assertRefused(null, EXPIRES, "EVAL-037");
    }

    @Test
    void theExtensionLastsOneHundredEightyDays() {
        assertThat(ReevaluationWindow.withinExtension(EXPIRES, EXPIRES.plusDays(180)))
                .isTrue();
        assertThat(ReevaluationWindow.withinExtension(EXPIRES, EXPIRES.plusDays(181)))
                .isFalse();
    }

    private static void assertRefused(LocalDate expires, LocalDate today, String code) {
        assertThatThrownBy(() -> ReevaluationWindow.check(expires, today))
                .isInstanceOf(OcopException.class)
                .extracting(e -> ((OcopException) e).errorCode().code())
                .isEqualTo(code);
    }
}
