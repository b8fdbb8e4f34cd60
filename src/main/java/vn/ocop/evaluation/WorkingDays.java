package vn.ocop.evaluation;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Working-day arithmetic for procedural deadlines ("15 ngày làm việc"). Saturdays and Sundays are not working days.
 * Public holidays are not yet modelled (they change by yearly decision): deadlines over Tết are earlier than the law
 * allows, never later.
 */
public final class WorkingDays {

    private WorkingDays() {}

    /** The date {@code days} working days after {@code start} (start itself not counted). */
    public static LocalDate add(LocalDate start, int days) {
        LocalDate date = start;
        int added = 0;
        while (added < days) {
            date = date.plusDays(1);
            if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
                added++;
            }
        }
        return date;
    }
}
