package vn.ocop.evaluation;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An evaluation round (đợt đánh giá) of a province, or of the ministry for 5★.
 *
 * @param submissionDeadline last day communes may forward dossiers into the round
 * @param status {@code OPEN} while dossiers are received and scored, {@code CLOSED} afterwards
 * @param onCalendar whether its dates are one of the rounds of the calendar of Art. 5 (else an extra round, which the
 *     council's regulations must provide for)
 * @param version optimistic-locking version, for edits
 */
public record EvaluationRound(
        long id,
        String name,
        String level,
        @Nullable String provinceCode,
        int year,
        String criteriaVersion,
        LocalDate submissionDeadline,
        LocalDate endsOn,
        String status,
        long version) {

    public boolean provinceLevel() {
        return "PROVINCE".equals(level);
    }

    public boolean open() {
        return "OPEN".equals(status);
    }

    /** Whether the round still takes dossiers on {@code today}: open and not past its submission deadline. */
    public boolean takesDossiersOn(LocalDate today) {
        return open() && !today.isAfter(submissionDeadline);
    }

    public boolean onCalendar() {
        return RoundCalendar.onCalendar(level, submissionDeadline, endsOn);
    }
}
