package vn.ocop.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A plan as read: its unit and period, the version shown (the current one unless another was asked for), that
 * version's targets, and every version's history.
 *
 * @param currentVersion the latest version's number; {@code shownVersion} may be an earlier one
 * @param lock the optimistic-locking version an amendment must name (409 when stale)
 */
public record PlanView(
        long id,
        ReportUnit unit,
        int firstYear,
        int lastYear,
        int currentVersion,
        int shownVersion,
        String title,
        @Nullable String decision,
        @Nullable LocalDate adoptedOn,
        List<Target> targets,
        List<Version> versions,
        long lock) {

    /** One target of a version. */
    public record Target(
            int position,
            String type,
            String typeName,
            String kind,
            @Nullable String group,
            @Nullable String groupName,
            BigDecimal planned,
            @Nullable String note) {}

    /** One version: adopted (1) or amended, with the reason for the amendment. */
    public record Version(
            int number,
            String title,
            @Nullable String decision,
            @Nullable LocalDate adoptedOn,
            @Nullable String reason,
            String createdBy,
            Instant createdAt) {}

    /** Whether the period is a single year. */
    public boolean yearly() {
        return firstYear == lastYear;
    }
}
