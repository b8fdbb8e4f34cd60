package vn.ocop.traceability;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import vn.ocop.shared.OcopException;

/**
 * A Global Trade Item Number, kept as its 14-digit form (GTIN-8, -12 and -13 padded with leading zeros, as GS1 Digital
 * Link URIs carry it). Its last digit is the GS1 check digit (mod 10, weights 3 and 1 from the right), which is
 * verified: a mistyped GTIN is refused, never stored.
 */
public record Gtin(String value) {

    public Gtin {
        if (!value.matches("\\d{14}") || !checkDigitValid(value)) {
            throw new OcopException(TraceabilityError.INVALID_GTIN, value);
        }
    }

    /**
     * Reads a GTIN-8, -12, -13 or -14 as typed (spaces and hyphens ignored); {@code TRC-003} when it is not one or its
     * check digit is wrong.
     */
    public static Gtin parse(String input) {
        return tryParse(input).orElseThrow(() -> new OcopException(TraceabilityError.INVALID_GTIN, shorten(input)));
    }

    /** Like {@link #parse} but empty instead of failing. */
    public static Optional<Gtin> tryParse(@Nullable String input) {
        if (input == null) {
            return Optional.empty();
        }
        String digits = input.replaceAll("[\\s-]", "");
        if (!digits.matches("\\d{8}|\\d{12,14}") || !checkDigitValid(digits)) {
            return Optional.empty();
        }
        return Optional.of(new Gtin("0".repeat(14 - digits.length()) + digits));
    }

    /** Whether the last digit of a GTIN (of any length) is its check digit. */
    static boolean checkDigitValid(String digits) {
        int last = digits.length() - 1;
        return digits.charAt(last) - '0' == checkDigit(digits.substring(0, last));
    }

    /** The GS1 check digit of the digits before it. */
    static int checkDigit(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int digit = body.charAt(body.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? 3 * digit : digit;
        }
        return (10 - sum % 10) % 10;
    }

    /** The shortest usual form: GTIN-13 for the usual retail codes (a GTIN-14 starting with 0). */
    public String display() {
        if (value.startsWith("000000")) {
            return value.substring(6);
        }
        if (value.startsWith("00")) {
            return value.substring(2);
        }
        return value.startsWith("0") ? value.substring(1) : value;
    }

    @Override
    public String toString() {
        return value;
    }

    private static String shorten(String input) {
        return input.length() > 20 ? input.substring(0, 20) + "…" : input;
    }
}
