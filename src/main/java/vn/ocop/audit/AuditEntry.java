package vn.ocop.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One line of the audit trail. */
public record AuditEntry(
        long id,
        Instant occurredAt,
        String actor,
        @Nullable String actorRole,
        String action,
        String objectType,
        String objectId,
        @Nullable String locationCode,
        String summary,
        @Nullable String clientIp) {}
