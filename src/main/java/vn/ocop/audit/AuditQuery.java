package vn.ocop.audit;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Filters for browsing the audit trail; every field is optional. Dates are Vietnamese calendar days, inclusive.
 *
 * @param actor exact username
 * @param action action prefix, e.g. {@code auth.} or {@code user.created}
 * @param objectType exact object type
 * @param objectId exact object id
 */
public record AuditQuery(
        @Nullable String actor,
        @Nullable String action,
        @Nullable String objectType,
        @Nullable String objectId,
        @Nullable LocalDate from,
        @Nullable LocalDate to) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null);
    }
}
