package vn.ocop.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The lockout rule of an account, without Spring. */
class UserAccountTests {

    private static final Instant NOW = Instant.parse("2026-11-23T03:00:00Z");
    private static final Duration LOCK = Duration.ofMinutes(15);

    private static UserAccount anOfficer() {
        return new UserAccount("can.bo.xa", "{noop}x", "Cán bộ xã", null, Role.COMMUNE_OFFICER, "00004", null, NOW);
    }

    @Test
    void locksAfterTheMaximumNumberOfFailuresInARow() {
        UserAccount account = anOfficer();
        for (int i = 1; i < 5; i++) {
            assertThat(account.recordFailedLogin(NOW, 5, LOCK))
                    .as("failure %d", i)
                    .isFalse();
        }
        assertThat(account.isLocked(NOW)).isFalse();
        assertThat(account.recordFailedLogin(NOW, 5, LOCK)).isTrue();
        assertThat(account.isLocked(NOW)).isTrue();
        assertThat(account.isLocked(NOW.plus(LOCK).minusSeconds(1))).isTrue();
    }

    @Test
    void unlocksWhenTheLockExpires() {
        UserAccount account = anOfficer();
        for (int i = 0; i < 5; i++) {
            account.recordFailedLogin(NOW, 5, LOCK);
        }
        assertThat(account.isLocked(NOW.plus(LOCK))).isFalse();
    }

    @Test
    void aSuccessfulLoginResetsTheCount() {
        UserAccount account = anOfficer();
        for (int i = 0; i < 4; i++) {
            account.recordFailedLogin(NOW, 5, LOCK);
        }
        account.recordSuccessfulLogin(NOW);
        assertThat(account.recordFailedLogin(NOW, 5, LOCK)).isFalse();
        assertThat(account.isLocked(NOW)).isFalse();
    }

    @Test
    void failuresWhileLockedDoNotExtendTheLock() {
        UserAccount account = anOfficer();
        for (int i = 0; i < 5; i++) {
            account.recordFailedLogin(NOW, 5, LOCK);
        }
        Instant later = NOW.plus(Duration.ofMinutes(10));
        assertThat(account.recordFailedLogin(later, 5, LOCK)).isFalse();
        assertThat(account.isLocked(NOW.plus(LOCK))).isFalse();
    }

    @Test
    void passwordRulesRejectShortPasswordsAndOnesContainingTheUsername() {
        assertThat(PasswordRules.acceptable("lan.nguyen", "short")).isFalse();
        assertThat(PasswordRules.acceptable("lan.nguyen", "xxLAN.NGUYENxx")).isFalse();
        assertThat(PasswordRules.acceptable("lan.nguyen", "Hoa-sen-2026!")).isTrue();
    }
}
