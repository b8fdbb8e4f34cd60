package vn.ocop.shared.abuse;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.ocop.shared.CommonError;
import vn.ocop.shared.OcopException;

/**
 * Anti-spam for anonymous forms, with nothing but the application: each form carries a token signed with a key kept
 * in the database ({@code app_secret}, created on first use, shared by every node), naming the form and when it was
 * shown, and holding a small sum to work out ("bảy cộng ba"). A submission is refused when the token is forged or
 * belongs to another form, when it comes faster than a person fills the form ({@code ocop.forms.min-fill-time}) or
 * later than two hours, when the hidden field that people never see (and bots fill) is not empty, or, where the form
 * asks the question, when the answer is wrong. Nothing is kept in the HTTP session.
 */
@Component
public class FormGuard {

    /** The name of the hidden field that must stay empty (looks like a field a bot would fill). */
    public static final String HONEYPOT = "website_url";

    private static final String SECRET = "form-guard-hmac";
    private static final Duration MAX_AGE = Duration.ofHours(2);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String[] VI = {"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"};
    private static final String[] EN = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};

    /**
     * A token to put in a form, and its question.
     *
     * @param token the signed token (hidden field {@code formToken})
     * @param first the first number of the sum
     * @param second the second number
     */
    public record Challenge(String token, int first, int second) {

        /** The question in words, e.g. "bảy cộng ba" / "seven plus three". */
        public String question(Locale locale) {
            boolean english = locale.getLanguage().equals("en");
            String[] words = english ? EN : VI;
            return words[first] + (english ? " plus " : " cộng ") + words[second];
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration minFillTime;
    private volatile byte @Nullable [] key;

    FormGuard(JdbcClient jdbc, Clock clock, @Value("${ocop.forms.min-fill-time:PT3S}") Duration minFillTime) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.minFillTime = minFillTime;
    }

    /** A new token for the form named {@code purpose} (e.g. {@code inquiry}), shown now. */
    public Challenge issue(String purpose) {
        int first = 1 + RANDOM.nextInt(9);
        int second = 1 + RANDOM.nextInt(9);
        byte[] nonce = new byte[9];
        RANDOM.nextBytes(nonce);
        String payload = String.join(
                "|",
                "f1",
                purpose,
                Long.toString(Instant.now(clock).toEpochMilli()),
                Integer.toString(first),
                Integer.toString(second),
                Base64.getUrlEncoder().withoutPadding().encodeToString(nonce));
        String encoded =
                Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return new Challenge(encoded + "." + sign(encoded), first, second);
    }

    /**
     * Checks a submission of the form {@code purpose}: {@code COMMON-017} for a forged, foreign, too fast or too old
     * token or a filled hidden field; {@code COMMON-016} when {@code answer} is not the sum (only when {@code
     * askQuestion}).
     */
    public void verify(
            String purpose,
            @Nullable String token,
            @Nullable String honeypot,
            @Nullable String answer,
            boolean askQuestion) {
        if (honeypot != null && !honeypot.isEmpty()) {
            throw new OcopException(CommonError.FORM_EXPIRED);
        }
        String[] fields = fields(purpose, token);
        Instant shown = Instant.ofEpochMilli(Long.parseLong(fields[2]));
        Duration age = Duration.between(shown, Instant.now(clock));
        if (age.compareTo(minFillTime) < 0 || age.compareTo(MAX_AGE) > 0) {
            throw new OcopException(CommonError.FORM_EXPIRED);
        }
        if (askQuestion) {
            int sum = Integer.parseInt(fields[3]) + Integer.parseInt(fields[4]);
            String given = answer == null ? "" : answer.strip();
            if (!given.equals(Integer.toString(sum)) && !spelled(given, sum)) {
                throw new OcopException(CommonError.CHALLENGE_FAILED);
            }
        }
    }

    /** The question of a token already issued, to show the same form again after an error; null when invalid. */
    public @Nullable Challenge reissue(String purpose, @Nullable String token) {
        try {
            String[] fields = fields(purpose, token);
            return new Challenge(token, Integer.parseInt(fields[3]), Integer.parseInt(fields[4]));
        } catch (OcopException e) {
            return null;
        }
    }

    private static boolean spelled(String given, int sum) {
        return sum < 10 && (given.equalsIgnoreCase(VI[sum]) || given.equalsIgnoreCase(EN[sum]));
    }

    private String[] fields(String purpose, @Nullable String token) {
        if (token == null || token.length() > 300 || token.indexOf('.') < 0) {
            throw new OcopException(CommonError.FORM_EXPIRED);
        }
        String encoded = token.substring(0, token.indexOf('.'));
        String signature = token.substring(token.indexOf('.') + 1);
        if (!MessageDigest.isEqual(
                sign(encoded).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII))) {
            throw new OcopException(CommonError.FORM_EXPIRED);
        }
        String[] fields;
        try {
            fields = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8).split("\\|");
        } catch (IllegalArgumentException e) {
            throw new OcopException(CommonError.FORM_EXPIRED);
        }
        if (fields.length != 6 || !fields[0].equals("f1") || !fields[1].equals(purpose)) {
            throw new OcopException(CommonError.FORM_EXPIRED);
        }
        return fields;
    }

    private String sign(String encoded) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(encoded.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private byte[] key() {
        byte[] current = key;
        if (current == null) {
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            // The first node to get here stores its key; every node then reads the one stored.
            jdbc.sql("INSERT INTO app_secret (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")
                    .params(SECRET, fresh)
                    .update();
            current = jdbc.sql("SELECT value FROM app_secret WHERE name = ?")
                    .param(SECRET)
                    .query(byte[].class)
                    .single();
            key = current;
        }
        return current;
    }
}
