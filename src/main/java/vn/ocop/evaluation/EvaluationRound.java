package vn.ocop.evaluation;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An evaluation round (đợt đánh giá) of a province, or of the ministry for 5★.
 *
 * @param submissionDeadline last day communes may forward dossiers into the round
 * @param status {@code OPEN} while dossiers are received and scored, {@code CLOSED} afterwards
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
        String status) {

    public boolean provinceLevel() {
        return "PROVINCE".equals(level);
    }
}
