package vn.ocop.evaluation;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

/**
 * The evaluation calendar of Decision 26/2026/QĐ-TTg Art. 5: a province evaluates at least twice a year, before 30/6
 * what communes proposed before 30/4 and before 30/12 what they proposed before 30/10 (Art. 5.1); the ministry before
 * 30/9 what provinces proposed before 30/7 and before 30/3 what they proposed before 30/1 (Art. 5.2). More rounds are
 * allowed when the council's regulations provide for them: an extra round is warned about, never refused.
 */
final class RoundCalendar {

    /**
     * One round of the calendar.
     *
     * @param number 1 or 2 within the cycle year
     * @param year the year the cycle belongs to (a central round 2 proposed by 30/1 belongs to the previous year)
     * @param proposalsBy the last day to propose dossiers into it (the round's submission deadline)
     * @param resultsBy the day results are due (the round's end)
     */
    record Slot(int number, int year, LocalDate proposalsBy, LocalDate resultsBy) {}

    private record Rule(int number, MonthDay proposalsBy, MonthDay resultsBy, int yearOffset) {}

    private static final List<Rule> PROVINCE = List.of(
            new Rule(1, MonthDay.of(4, 30), MonthDay.of(6, 30), 0),
            new Rule(2, MonthDay.of(10, 30), MonthDay.of(12, 30), 0));

    private static final List<Rule> CENTRAL = List.of(
            new Rule(1, MonthDay.of(7, 30), MonthDay.of(9, 30), 0),
            new Rule(2, MonthDay.of(1, 30), MonthDay.of(3, 30), 1));

    private RoundCalendar() {}

    /** The first calendar round whose proposal deadline is today or later. */
    static Slot next(String level, LocalDate today) {
        for (int year = today.getYear() - 1; year <= today.getYear() + 1; year++) {
            for (Rule rule : rules(level)) {
                Slot slot = slot(rule, year);
                if (!slot.proposalsBy().isBefore(today)) {
                    return slot;
                }
            }
        }
        throw new IllegalStateException("no round within a year of " + today);
    }

    /** Whether a round with these dates is one of the calendar's (else it is an extra round). */
    static boolean onCalendar(String level, LocalDate submissionDeadline, LocalDate endsOn) {
        for (int year = submissionDeadline.getYear() - 1; year <= submissionDeadline.getYear(); year++) {
            for (Rule rule : rules(level)) {
                Slot slot = slot(rule, year);
                if (slot.proposalsBy().equals(submissionDeadline) && !endsOn.isAfter(slot.resultsBy())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<Rule> rules(String level) {
        return "CENTRAL".equals(level) ? CENTRAL : PROVINCE;
    }

    private static Slot slot(Rule rule, int year) {
        int calendarYear = year + rule.yearOffset();
        return new Slot(
                rule.number(),
                year,
                rule.proposalsBy().atYear(calendarYear),
                rule.resultsBy().atYear(calendarYear));
    }
}
