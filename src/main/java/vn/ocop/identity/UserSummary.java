package vn.ocop.identity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A user account as administrators see it; never contains the password hash. */
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
        long version) {}
