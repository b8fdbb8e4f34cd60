package vn.ocop.identity;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Identity settings.
 *
 * @param lockout how many failed logins in a row lock an account, and for how long
 * @param apiToken how long an API token is valid
 * @param adminPassword the first administrator's password ({@code OCOP_ADMIN_PASSWORD}); generated when unset
 * @param passwordStrength bcrypt's cost for new password hashes (2^strength rounds, 4 to 31): 10, Spring Security's
 *     default, unless an operator raises it; hashes keep the cost they were made with, so changing it never locks
 *     anyone out. The test profile uses bcrypt's minimum, 4 (decision 0033)
 */
@ConfigurationProperties("ocop.identity")
record IdentityProperties(
        @DefaultValue Lockout lockout,
        @DefaultValue ApiTokenSettings apiToken,
        @Nullable String adminPassword,
        @DefaultValue("10") int passwordStrength) {

    record Lockout(
            @DefaultValue("5") int maxFailedAttempts,
            @DefaultValue("15m") Duration duration) {}

    record ApiTokenSettings(@DefaultValue("30d") Duration validity) {}
}
