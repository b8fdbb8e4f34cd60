package vn.ocop.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.jspecify.annotations.Nullable;
import vn.ocop.product.SearchFolding;
import vn.ocop.shared.SearchText;

/**
 * How the words typed into the catalog's search box become what is searched (docs/decisions/0022). Each word is folded
 * as the catalog's texts are (no accents, đ→d, lower case) and becomes a group of words a product must have one of:
 *
 * <ul>
 *   <li>the word itself, when some listed product has it;
 *   <li>else, for the last word, the words it begins (the user is still typing: "nuoc ma" finds "Nước mắm");
 *   <li>else the words it is most likely a typo of: the catalog's words at the smallest edit distance (at most one
 *       letter wrong, missing or extra in words of up to four letters, two in longer ones), among the thirty nearest by
 *       trigrams, those with the same first letter first, then the most frequent ("quc" → "quoc");
 *   <li>else nothing: no product can match.
 * </ul>
 *
 * Words with digits are never corrected (a number typed is meant).
 */
final class SearchWords {

    static final int MAX_WORDS = 8;
    static final int MAX_ALTERNATIVES = 8;
    static final int MAX_COMPLETIONS = 50;

    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");
    private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(2);

    /** A known word and how many listed products have it. */
    record Known(String word, int products) {}

    /** What is known of one typed word: its own count, completions (last word only), near words. */
    record Lookup(String typed, int products, List<Known> completions, List<Known> near) {}

    /**
     * One typed word as searched.
     *
     * @param words the words a product must have one of (empty: nothing matches)
     * @param prefix true when {@code words} are completions of {@code typed} (checked as a prefix on products)
     * @param corrected true when {@code words} are guesses for a typo
     * @param estimate how many products have one of the words (for choosing the shortest list)
     */
    record Group(String typed, List<String> words, boolean prefix, boolean corrected, long estimate) {

        /** The group as a PostgreSQL text query: {@code (a | b)}, or {@code typed:*} for a prefix. */
        String tsquery() {
            if (prefix) {
                return typed + ":*";
            }
            return words.size() == 1 ? words.get(0) : "(" + String.join(" | ", words) + ")";
        }
    }

    private SearchWords() {}

    /** The folded words of a search, split as the catalog's texts are, without repeats, at most {@value MAX_WORDS}. */
    static List<String> split(@Nullable String text) {
        Set<String> words = new LinkedHashSet<>();
        for (String word : SearchText.words(text)) {
            for (String part : NOT_WORD.split(SearchFolding.fold(word))) {
                if (!part.isEmpty() && words.size() < MAX_WORDS) {
                    words.add(part);
                }
            }
        }
        return List.copyOf(words);
    }

    /** The group of a typed word from what the database knows of it; {@code last}: the last word typed. */
    static Group group(Lookup lookup, boolean last) {
        String typed = lookup.typed();
        if (lookup.products() > 0) {
            return new Group(typed, List.of(typed), false, false, lookup.products());
        }
        if (last && !lookup.completions().isEmpty()) {
            return new Group(
                    typed,
                    lookup.completions().stream().map(Known::word).toList(),
                    true,
                    false,
                    lookup.completions().stream().mapToLong(Known::products).sum());
        }
        List<Known> near = corrections(typed, lookup.near());
        return new Group(
                typed,
                near.stream().map(Known::word).toList(),
                false,
                !near.isEmpty(),
                near.stream().mapToLong(Known::products).sum());
    }

    /** Whether a typed word may be corrected at all: letters only, three or more. */
    static boolean correctable(String word) {
        return word.length() >= 3 && word.chars().allMatch(c -> c >= 'a' && c <= 'z');
    }

    /**
     * The candidates at the smallest edit distance within the word's allowance, most frequent first, at most {@value
     * MAX_ALTERNATIVES}.
     */
    static List<Known> corrections(String typed, List<Known> candidates) {
        if (!correctable(typed)) {
            return List.of();
        }
        int allowed = typed.length() <= 4 ? 1 : 2;
        int best = Integer.MAX_VALUE;
        List<Known> nearest = new ArrayList<>();
        for (Known candidate : candidates) {
            int distance = DISTANCE.apply(typed, candidate.word());
            if (distance < 0 || distance > allowed || distance > best) {
                continue; // -1: beyond the threshold of 2
            }
            if (distance < best) {
                best = distance;
                nearest.clear();
            }
            nearest.add(candidate);
        }
        // A typo seldom touches the first letter: words sharing it first, then the most frequent.
        return nearest.stream()
                .sorted(Comparator.comparing((Known k) -> k.word().charAt(0) != typed.charAt(0))
                        .thenComparing(Comparator.comparingInt(Known::products).reversed())
                        .thenComparing(Known::word))
                .limit(MAX_ALTERNATIVES)
                .toList();
    }
}
