package vn.ocop.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The evaluation calendar of Decision 26/2026/QĐ-TTg Art. 5. */
class RoundCalendarTests {

    @Test
    void provinceRoundsTakeProposalsBy30AprilAnd30OctoberWithResultsBy30JuneAnd30December() {
        assertThat(RoundCalendar.next("PROVINCE", LocalDate.of(2027, 2, 1)))
                .isEqualTo(new RoundCalendar.Slot(1, 2027, LocalDate.of(2027, 4, 30), LocalDate.of(2027, 6, 30)));
        assertThat(RoundCalendar.next("PROVINCE", LocalDate.of(2027, 4, 30)).number())
                .isEqualTo(1);
        assertThat(RoundCalendar.next("PROVINCE", LocalDate.of(2027, 5, 1)))
                .isEqualTo(new RoundCalendar.Slot(2, 2027, LocalDate.of(2027, 10, 30), LocalDate.of(2027, 12, 30)));
        assertThat(RoundCalendar.next("PROVINCE", LocalDate.of(2027, 11, 2)))
                .isEqualTo(new RoundCalendar.Slot(1, 2028, LocalDate.of(2028, 4, 30), LocalDate.of(2028, 6, 30)));
    }

    @Test
    void centralRoundsTakeProposalsBy30JulyAnd30JanuaryWithResultsBy30SeptemberAnd30March() {
        assertThat(RoundCalendar.next("CENTRAL", LocalDate.of(2027, 3, 1)))
                .isEqualTo(new RoundCalendar.Slot(1, 2027, LocalDate.of(2027, 7, 30), LocalDate.of(2027, 9, 30)));
        assertThat(RoundCalendar.next("CENTRAL", LocalDate.of(2027, 8, 1)))
                .isEqualTo(new RoundCalendar.Slot(2, 2027, LocalDate.of(2028, 1, 30), LocalDate.of(2028, 3, 30)));
        assertThat(RoundCalendar.next("CENTRAL", LocalDate.of(2027, 1, 15)))
                .isEqualTo(new RoundCalendar.Slot(2, 2026, LocalDate.of(2027, 1, 30), LocalDate.of(2027, 3, 30)));
    }

    @Test
    void aRoundOnTheCalendarNeedsNoWarningAndAnExtraRoundDoes() {
        assertThat(RoundCalendar.onCalendar("PROVINCE", LocalDate.of(2027, 4, 30), LocalDate.of(2027, 6, 20)))
                .isTrue();
        assertThat(RoundCalendar.onCalendar("PROVINCE", LocalDate.of(2027, 10, 30), LocalDate.of(2027, 12, 30)))
                .isTrue();
        // Results after the calendar's date, or proposals closing on another day: an extra round (Art. 5.1, second
        // paragraph) that the council's regulations must provide for.
        assertThat(RoundCalendar.onCalendar("PROVINCE", LocalDate.of(2027, 4, 30), LocalDate.of(2027, 7, 15)))
                .isFalse();
        assertThat(RoundCalendar.onCalendar("PROVINCE", LocalDate.of(2027, 6, 15), LocalDate.of(2027, 8, 30)))
                .isFalse();
        assertThat(RoundCalendar.onCalendar("CENTRAL", LocalDate.of(2028, 1, 30), LocalDate.of(2028, 3, 30)))
                .isTrue();
        assertThat(RoundCalendar.onCalendar("CENTRAL", LocalDate.of(2027, 4, 30), LocalDate.of(2027, 6, 30)))
                .isFalse();
    }
}
