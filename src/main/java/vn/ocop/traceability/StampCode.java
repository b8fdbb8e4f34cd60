package vn.ocop.traceability;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A stamp's public code: 80 random bits written as 16 Crockford base32 characters, followed by one check character
 * (Luhn mod 32 over the same alphabet), e.g. {@code 7K3M9QX2AB4CDEFG5}. It is compact enough for a small QR code, is a
 * valid GS1 serial (AI 21: at most 20 characters of the GS1 character set 82) and says nothing about the database. The
 * check character tells a mistyped code (malformed: 1 in 32 typos slips through) from an unknown one, which matters
 * for the counterfeit signals: a typo is not a forgery.
 *
 * <p>Reading is forgiving as Crockford's encoding intends: case, spaces and hyphens are ignored, {@code O} reads as
 * {@code 0} and {@code I}/{@code L} as {@code 1}.
 */
public final class StampCode {

    /** Random bytes of a code (80 bits). */
    public static final int BYTES = 10;

    /** Characters of a code as printed and encoded: 16 data characters and the check character. */
    public static final int LENGTH = 17;

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int RADIX = 32;
    private static final int[] VALUES = new int[128];

    static {
        Arrays.fill(VALUES, -1);
        for (int i = 0; i < RADIX; i++) {
            VALUES[ALPHABET.charAt(i)] = i;
        }
    }

    private final byte[] bits;
    private final String text;

    private StampCode(byte[] bits) {
        this.bits = bits;
        this.text = encode(bits);
    }

    /** The code of 10 random bytes. */
    public static StampCode of(byte[] bits) {
        if (bits.length != BYTES) {
            throw new IllegalArgumentException("a stamp code has " + BYTES + " bytes, not " + bits.length);
        }
        return new StampCode(bits.clone());
    }

    /** The code of bytes {@code offset … offset + 9} of {@code bits}. */
    public static StampCode of(byte[] bits, int offset) {
        return new StampCode(Arrays.copyOfRange(bits, offset, offset + BYTES));
    }

    /**
     * Reads a code as typed or scanned; empty when it is not a well-formed code (wrong length, a character outside the
     * alphabet, or a check character that does not match).
     */
    public static Optional<StampCode> parse(@Nullable String input) {
        if (input == null || input.length() > 64) {
            return Optional.empty();
        }
        StringBuilder clean = new StringBuilder(LENGTH);
        for (int i = 0; i < input.length(); i++) {
            char c = Character.toUpperCase(input.charAt(i));
            if (c == ' ' || c == '-') {
                continue;
            }
            c = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (c >= 128 || VALUES[c] < 0) {
                return Optional.empty();
            }
            clean.append(c);
        }
        if (clean.length() != LENGTH || checkCharacter(clean.subSequence(0, LENGTH - 1)) != clean.charAt(LENGTH - 1)) {
            return Optional.empty();
        }
        return Optional.of(new StampCode(decode(clean)));
    }

    /** The code as encoded in URLs and QR codes: 17 characters, upper case. */
    public String text() {
        return text;
    }

    /** The code as printed for people: groups of four, e.g. {@code 7K3M 9QX2 AB4C DEFG 5}. */
    public String grouped() {
        return text.substring(0, 4)
                + ' '
                + text.substring(4, 8)
                + ' '
                + text.substring(8, 12)
                + ' '
                + text.substring(12, 16)
                + ' '
                + text.substring(16);
    }

    /** The 10 bytes as stored. */
    public byte[] bytes() {
        return bits.clone();
    }

    /** The bytes in hexadecimal (for SQL parameters and logs). */
    public String hex() {
        return HexFormat.of().formatHex(bits);
    }

    static StampCode fromHex(String hex) {
        return of(HexFormat.of().parseHex(hex));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StampCode code && Arrays.equals(bits, code.bits);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bits);
    }

    @Override
    public String toString() {
        return text;
    }

    private static String encode(byte[] bits) {
        char[] out = new char[LENGTH];
        long high = 0; // first 40 bits
        long low = 0; // last 40 bits
        for (int i = 0; i < 5; i++) {
            high = (high << 8) | (bits[i] & 0xFF);
            low = (low << 8) | (bits[i + 5] & 0xFF);
        }
        for (int i = 7; i >= 0; i--) {
            out[i] = ALPHABET.charAt((int) (high & 31));
            out[i + 8] = ALPHABET.charAt((int) (low & 31));
            high >>>= 5;
            low >>>= 5;
        }
        out[LENGTH - 1] = checkCharacter(new String(out, 0, LENGTH - 1));
        return new String(out);
    }

    private static byte[] decode(CharSequence text) {
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 5) | VALUES[text.charAt(i)];
            low = (low << 5) | VALUES[text.charAt(i + 8)];
        }
        byte[] bits = new byte[BYTES];
        for (int i = 4; i >= 0; i--) {
            bits[i] = (byte) high;
            bits[i + 5] = (byte) low;
            high >>>= 8;
            low >>>= 8;
        }
        return bits;
    }

    /**
     * The Luhn mod N check character (N = 32): it catches every single mistyped character and every swap of two
     * adjacent characters except one pair of values.
     */
    static char checkCharacter(CharSequence data) {
        int factor = 2;
        int sum = 0;
        for (int i = data.length() - 1; i >= 0; i--) {
            int addend = factor * VALUES[data.charAt(i)];
            factor = factor == 2 ? 1 : 2;
            sum += addend / RADIX + addend % RADIX;
        }
        return ALPHABET.charAt((RADIX - sum % RADIX) % RADIX);
    }

    /** Upper case without spaces and hyphens, for messages about input that is not a code. */
    static String normalizedInput(String input) {
        String clean = input.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return clean.length() > 40 ? clean.substring(0, 40) : clean;
    }
}
