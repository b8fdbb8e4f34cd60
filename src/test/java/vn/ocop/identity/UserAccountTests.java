package vn.ocop.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The password policy and the back-off of login lockouts. */
class UserAccountTests {

    @Test
    void passwordsAreLongEnoughWithoutTheNameAndNotCommonOrPublished() {
        assertThat(PasswordPolicy.problem("lan.nguyen", "short")).contains("password.rule.tooShort");
        assertThat(PasswordPolicy.problem("lan.nguyen", "xxLAN.NGUYENxx")).contains("password.rule.containsName");
        assertThat(PasswordPolicy.problem("lan.nguyen", "1234567890")).contains("password.rule.common");
        assertThat(PasswordPolicy.problem("lan.nguyen", "Demo-ocop-2026")).contains("password.rule.common");
        assertThat(PasswordPolicy.problem("lan.nguyen", "QWERTYUIOP")).contains("password.rule.common");
        assertThat(PasswordPolicy.problem("lan.nguyen", "zzzzzzzzzzzz")).contains("password.rule.pattern");
        assertThat(PasswordPolicy.problem("lan.nguyen", "xyxyxyxyxyxy")).contains("password.rule.pattern");
        assertThat(PasswordPolicy.problem("lan.nguyen", "3456789012")).contains("password.rule.pattern");
        assertThat(PasswordPolicy.problem("lan.nguyen", "Hoa-sen-2026!")).isEmpty();
        assertThat(PasswordPolicy.problem("lan.nguyen", "x".repeat(129))).contains("password.rule.tooLong");
    }

    @Test
    void eachLockoutOfAClientLastsTwiceThePreviousUpToADay() {
        Duration base = Duration.ofMinutes(15);
        assertThat(LoginThrottle.lockout(base, 0)).isEqualTo(Duration.ofMinutes(15));
        assertThat(LoginThrottle.lockout(base, 1)).isEqualTo(Duration.ofMinutes(30));
        assertThat(LoginThrottle.lockout(base, 3)).isEqualTo(Duration.ofHours(2));
        assertThat(LoginThrottle.lockout(base, 20)).isEqualTo(Duration.ofDays(1));
    }
}
