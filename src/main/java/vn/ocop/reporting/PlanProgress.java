package vn.ocop.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A plan's targets set against what was achieved: stocks on {@code asOf} (the last day of the plan, or today if
 * earlier), flows from the plan's first day to then.
 */
public record PlanProgress(
        long plan,
        int version,
        String title,
        ReportUnit unit,
        int firstYear,
        int lastYear,
        LocalDate asOf,
        Summary.Period period,
        List<Line> targets) {

    /**
     * One target.
     *
     * @param planned the number, the percentage (share) or the minimum per commune
     * @param actual the count, the percentage achieved (share, 4 decimals) or the number of communes reaching the
     *     minimum; {@code null} when the platform cannot measure it yet
     * @param numerator for a share: what is counted; for a minimum per commune: the communes reaching it
     * @param denominator for a share: what it is a share of; for a minimum per commune: the communes of the unit
     * @param achievement actual as a percentage of planned (for a minimum per commune: of the communes), 4 decimals;
     *     {@code null} when not measured or nothing is planned
     */
    public record Line(
            int position,
            String type,
            String typeName,
            String kind,
            @Nullable String group,
            @Nullable String groupName,
            BigDecimal planned,
            @Nullable BigDecimal actual,
            @Nullable Long numerator,
            @Nullable Long denominator,
            @Nullable BigDecimal achievement) {

        /** Achievement reached (100 % or more). */
        public boolean reached() {
            return achievement != null && achievement.compareTo(BigDecimal.valueOf(100)) >= 0;
        }
    }
}
