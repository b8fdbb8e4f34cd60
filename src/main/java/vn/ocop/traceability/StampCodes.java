package vn.ocop.traceability;

import java.security.SecureRandom;

/**
 * Makes new stamp codes: 80 bits each from {@link SecureRandom}, so a code cannot be guessed from others (not from the
 * codes of the same batch either) and says nothing about when or where it was made. Codes of one batch come as one
 * array of {@code 10 × n} bytes, which is how they are stored.
 */
final class StampCodes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private StampCodes() {}

    /** {@code count} new codes, {@value StampCode#BYTES} bytes each, one after the other. */
    static byte[] generate(int count) {
        byte[] bits = new byte[Math.multiplyExact(count, StampCode.BYTES)];
        RANDOM.nextBytes(bits);
        return bits;
    }
}
