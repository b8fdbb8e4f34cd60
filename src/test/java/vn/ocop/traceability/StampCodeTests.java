package vn.ocop.traceability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Stamp codes: 80 random bits, check character, forgiving reading; and a million of them without a pattern. */
class StampCodeTests {

    private static final int MILLION = 1_000_000;

    @Test
    void encodesEightyBitsAsSixteenCharactersAndACheckCharacter() {
        StampCode code = StampCode.of(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 1});
        assertThat(code.text()).hasSize(17).startsWith("0000000000000001");
        StampCode max = StampCode.of(new byte[] {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1});
        assertThat(max.text()).startsWith("ZZZZZZZZZZZZZZZZ");
        assertThat(StampCode.parse(max.text())).contains(max);
    }

    @Test
    void readsBackEveryGeneratedCode() {
        byte[] bits = StampCodes.generate(10_000);
        for (int i = 0; i < 10_000; i++) {
            StampCode code = StampCode.of(bits, i * StampCode.BYTES);
            assertThat(StampCode.parse(code.text())).contains(code);
            assertThat(StampCode.parse(code.grouped())).contains(code);
            assertThat(code.bytes()).isEqualTo(Arrays.copyOfRange(bits, i * 10, i * 10 + 10));
        }
    }

    @Test
    void readsCodesAsPeopleTypeThem() {
        StampCode code = StampCode.of(StampCodes.generate(1));
        String typed = code.grouped().toLowerCase().replace(' ', '-');
        assertThat(StampCode.parse(typed)).contains(code);
        String withLookAlikes = code.text().replace('0', 'O').replace('1', 'I');
        assertThat(StampCode.parse(withLookAlikes)).contains(code);
    }

    @Test
    void refusesEverySingleMistypedCharacter() {
        StampCode code = StampCode.of(StampCodes.generate(1));
        String text = code.text();
        for (int position = 0; position < text.length(); position++) {
            for (char c : StampCode.ALPHABET.toCharArray()) {
                if (c == text.charAt(position)) {
                    continue;
                }
                String typo = text.substring(0, position) + c + text.substring(position + 1);
                assertThat(StampCode.parse(typo)).as(typo).isEmpty();
            }
        }
    }

    @Test
    void refusesMostSwapsOfNeighbouringCharacters() {
        byte[] bits = StampCodes.generate(2_000);
        int swaps = 0;
        int caught = 0;
        for (int i = 0; i < 2_000; i++) {
            String text = StampCode.of(bits, i * 10).text();
            for (int p = 0; p + 1 < text.length(); p++) {
                if (text.charAt(p) == text.charAt(p + 1)) {
                    continue;
                }
                swaps++;
                String swapped = text.substring(0, p) + text.charAt(p + 1) + text.charAt(p) + text.substring(p + 2);
                if (StampCode.parse(swapped).isEmpty()) {
                    caught++;
                }
            }
        }
        assertThat((double) caught / swaps).isGreaterThan(0.99);
    }

    @Test
    void refusesWhatIsNotACode() {
        assertThat(StampCode.parse(null)).isEmpty();
        assertThat(StampCode.parse("")).isEmpty();
        assertThat(StampCode.parse("123")).isEmpty();
        assertThat(StampCode.parse("ABCDEFGHJKMNPQRSTU")).isEmpty(); // U is not in the alphabet
        assertThat(StampCode.parse("'; DROP TABLE stamp; --")).isEmpty();
        assertThat(StampCode.parse("Mã tem số 1")).isEmpty();
        assertThat(StampCode.parse("7".repeat(500))).isEmpty();
    }

    @Test
    void aMillionCodesHaveNoCollision() {
        byte[] bits = StampCodes.generate(MILLION);
        long[] prefixes = new long[MILLION];
        for (int i = 0; i < MILLION; i++) {
            prefixes[i] = prefix(bits, i);
        }
        long[] sorted = prefixes.clone();
        Arrays.sort(sorted);
        Set<Integer> sharedPrefixes = new HashSet<>();
        for (int i = 1; i < MILLION; i++) {
            if (sorted[i] == sorted[i - 1]) {
                sharedPrefixes.add(i);
            }
        }
        // 64-bit prefixes of a million random codes collide with probability 3e-8; the full 80 bits even less.
        assertThat(sharedPrefixes).isEmpty();
    }

    @Test
    void aMillionCodesShowNoSequentialPattern() {
        byte[] bits = StampCodes.generate(MILLION);
        int increasing = 0;
        long hammingTotal = 0;
        int sharedFirstFour = 0;
        long[] ones = new long[80];
        int[][] characters = new int[16][32];
        String previous = null;
        for (int i = 0; i < MILLION; i++) {
            if (i > 0) {
                if (Long.compareUnsigned(prefix(bits, i), prefix(bits, i - 1)) > 0) {
                    increasing++;
                }
                for (int b = 0; b < 10; b++) {
                    hammingTotal += Integer.bitCount((bits[i * 10 + b] ^ bits[(i - 1) * 10 + b]) & 0xFF);
                }
            }
            for (int bit = 0; bit < 80; bit++) {
                if ((bits[i * 10 + bit / 8] & (0x80 >>> (bit % 8))) != 0) {
                    ones[bit]++;
                }
            }
            String text = StampCode.of(bits, i * 10).text();
            for (int p = 0; p < 16; p++) {
                characters[p][StampCode.ALPHABET.indexOf(text.charAt(p))]++;
            }
            if (previous != null && previous.regionMatches(0, text, 0, 4)) {
                sharedFirstFour++;
            }
            previous = text;
        }
        // A counter or a clock would make every code larger than the one before, and neighbours nearly equal.
        assertThat((double) increasing / (MILLION - 1)).isCloseTo(0.5, within(0.005));
        assertThat((double) hammingTotal / (MILLION - 1)).isCloseTo(40.0, within(0.1));
        assertThat(sharedFirstFour).isLessThan(20); // expected about 1 (one chance in 2^20 per pair)
        for (int bit = 0; bit < 80; bit++) {
            assertThat((double) ones[bit] / MILLION).as("bit " + bit).isCloseTo(0.5, within(0.005));
        }
        for (int p = 0; p < 16; p++) {
            for (int c = 0; c < 32; c++) {
                assertThat(characters[p][c]).as("character %d at %d", c, p).isBetween(29_500, 33_000);
            }
        }
    }

    private static long prefix(byte[] bits, int index) {
        long value = 0;
        for (int b = 0; b < 8; b++) {
            value = (value << 8) | (bits[index * 10 + b] & 0xFF);
        }
        return value;
    }
}
