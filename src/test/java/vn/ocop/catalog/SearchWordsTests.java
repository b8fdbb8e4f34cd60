package vn.ocop.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.ocop.catalog.SearchWords.Group;
import vn.ocop.catalog.SearchWords.Known;
import vn.ocop.catalog.SearchWords.Lookup;

class SearchWordsTests {

    @Test
    void foldsAndSplitsWhatIsTyped() {
        assertThat(SearchWords.split("  Nước MẮM  Phú-Quốc đặc sản nước "))
                .containsExactly("nuoc", "mam", "phu", "quoc", "dac", "san");
        assertThat(SearchWords.split(null)).isEmpty();
    }

    @Test
    void aWordSomeProductHasIsSearchedAsTyped() {
        Group group = SearchWords.group(new Lookup("mam", 120, List.of(), List.of(new Known("man", 300))), false);
        assertThat(group.words()).containsExactly("mam");
        assertThat(group.corrected()).isFalse();
        assertThat(group.tsquery()).isEqualTo("mam");
    }

    @Test
    void theLastWordMayBeOneStillBeingTyped() {
        Group group = SearchWords.group(
                new Lookup("ma", 0, List.of(new Known("mam", 120), new Known("mat", 80)), List.of()), true);
        assertThat(group.prefix()).isTrue();
        assertThat(group.tsquery()).isEqualTo("ma:*");
        assertThat(group.estimate()).isEqualTo(200);
    }

    @Test
    void aTypoIsSearchedAsTheNearestWordsSameFirstLetterFirst() {
        List<Known> near = List.of(
                new Known("duc", 500),
                new Known("quoc", 40),
                new Known("que", 90),
                new Known("quang", 70),
                new Known("phu", 900));
        Group group = SearchWords.group(new Lookup("quc", 0, List.of(), near), false);
        assertThat(group.corrected()).isTrue();
        assertThat(group.words()).containsExactly("que", "quoc", "duc");
        assertThat(group.tsquery()).isEqualTo("(que | quoc | duc)");
    }

    @Test
    void longerWordsAllowTwoEditsButOnlyTheClosestAreKept() {
        assertThat(SearchWords.corrections("truyen", List.of(new Known("truyen", 5))))
                .hasSize(1);
        assertThat(SearchWords.corrections("truyn", List.of(new Known("truyen", 5), new Known("tuyen", 9))))
                .extracting(Known::word)
                .containsExactly("truyen");
        assertThat(SearchWords.corrections("truen", List.of(new Known("truyen", 5))))
                .hasSize(1);
        assertThat(SearchWords.corrections("tren", List.of(new Known("truyen", 5))))
                .as("4 letters: one edit")
                .isEmpty();
    }

    @Test
    void numbersAndShortWordsAreNeverCorrected() {
        assertThat(SearchWords.corrections("st26", List.of(new Known("st25", 5))))
                .isEmpty();
        assertThat(SearchWords.corrections("ab", List.of(new Known("an", 5)))).isEmpty();
        Group nothing = SearchWords.group(new Lookup("xyzq", 0, List.of(), List.of()), false);
        assertThat(nothing.words()).isEmpty();
    }
}
