package vn.ocop.identity;

import java.util.Locale;

/** Minimum password rules (length as in NIST SP 800-63B; the name is never part of it). */
final class PasswordRules {

    static final int MIN_LENGTH = 10;

    private PasswordRules() {}

    static boolean acceptable(String username, String password) {
        return password.length() >= MIN_LENGTH
                && password.length() <= 128
                && !password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))
                && !password.isBlank();
    }
}
