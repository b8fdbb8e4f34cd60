package vn.ocop.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a password must not be (NIST SP 800-63B §5.1.1.2): shorter than 10 or longer than 128 characters; containing the
 * account's name; one of the commonly used or published passwords of {@code identity/common-passwords.txt} (the demo
 * password included); a single repeated character, a straight run ("1234567890", "abcdefghij") or a few characters
 * repeated. No composition rules: length and a blocklist, as the guideline recommends.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 128;

    private static final Set<String> COMMON = load("/identity/common-passwords.txt");

    private PasswordPolicy() {}

    /** The message key of the rule the password breaks, or empty when it is acceptable. */
    static Optional<String> problem(String username, String password) {
        if (password.length() < MIN_LENGTH || password.isBlank()) {
            return Optional.of("password.rule.tooShort");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("password.rule.tooLong");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("password.rule.containsName");
        }
        if (COMMON.contains(lower)) {
            return Optional.of("password.rule.common");
        }
        if (lower.chars().distinct().count() < 4 || straightRun(lower)) {
            return Optional.of("password.rule.pattern");
        }
        return Optional.empty();
    }

    /** Every character one up (or one down) from the previous, "0" following "9": 1234567890, abcdefghij, 9876543210. */
    private static boolean straightRun(String s) {
        boolean up = true;
        boolean down = true;
        for (int i = 1; i < s.length(); i++) {
            int step = s.charAt(i) - s.charAt(i - 1);
            up &= step == 1 || (s.charAt(i - 1) == '9' && s.charAt(i) == '0');
            down &= step == -1 || (s.charAt(i - 1) == '0' && s.charAt(i) == '9');
        }
        return up || down;
    }

    private static Set<String> load(String resource) {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
