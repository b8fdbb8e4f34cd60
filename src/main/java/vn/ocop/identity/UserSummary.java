package vn.ocop.identity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A user account as administrators see it; never contains the password hash.
 *
 * @param producerId the producer a {@link Role#PRODUCER} account acts for; {@code null} for other roles
 */
public record UserSummary(
        long id,
        String username,
        String displayName,
        @Nullable String email,
        Role role,
        @Nullable String jurisdictionCode,
        boolean enabled,
        boolean locked,
        @Nullable Instant lastLoginAt,
        Instant createdAt,
        long version,
        @Nullable Long producerId) {}
