package vn.ocop.producer;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Enterprise/tax codes: 10 digits for a legal entity, 13 for a dependent unit (written {@code 0123456789-001}). Spaces,
 * dots and the dash are accepted on input and dropped.
 */
public final class TaxCode {

    private static final Pattern VALID = Pattern.compile("[0-9]{10}([0-9]{3})?");

    private TaxCode() {}

    /** The normalized code, or empty when the input is not 10 or 13 digits. */
    public static Optional<String> normalize(String input) {
        String digits = input.strip().replaceAll("[\\s.\\-]", "");
        return VALID.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }
}
