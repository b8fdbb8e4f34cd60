package vn.ocop.product;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ocop.identity.DataScope;
import vn.ocop.shared.SearchText;

/**
 * The SQL condition of a product list: the actor's data scope plus the filters of a {@link ProductQuery}, on table alias
 * {@code p}. One definition for the list, its pages and its spreadsheet export, so that what an officer exports is what
 * the list showed.
 *
 * <p>Free text matches words of the product name, the producer name and the OCOP code, ignoring accents and case: every
 * word typed must be a word of the product, except the last one, which may also be the beginning of a word while no
 * product has it as a whole word (the user is still typing: "nuoc ma" finds "Nước mắm"). See docs/decisions/0012.
 */
public final class ProductFilter {

    /** At most this many words of free text are used; more would not narrow a list usefully. */
    static final int MAX_WORDS = 10;

    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");

    /** Whether the word {@code ?} is a whole word of some product (a boolean SQL expression). */
    static final String IS_WORD = "EXISTS (SELECT 1 FROM product_search_word WHERE word = ?::text)";

    private final StringBuilder where = new StringBuilder(" WHERE true");
    private final List<Object> params = new ArrayList<>();
    private final List<String> wholeWords;
    private final @Nullable String prefix;
    private final @Nullable String textQuery;
    private boolean filtered;

    private ProductFilter(
            ProductQuery query, DataScope scope, Classification classification, Predicate<String> isWord) {
        add("p.province_code = ?", scope.provinceCode());
        add("p.commune_code = ?", scope.communeCode());
        add("p.producer_id = ?", scope.producerIdOrNull());
        add("p.province_code = ?", blankToNull(query.provinceCode()));
        add("p.commune_code = ?", blankToNull(query.communeCode()));
        add("p.criteria_set_no = ?", query.criteriaSetNo());
        if (query.stars() != null && query.stars() == 0) {
            where.append(" AND p.star IS NULL");
            filtered = true;
        } else {
            add("p.star = ?", query.stars());
        }
        add("p.producer_id = ?", query.producerId());
        add("p.status = ?", query.status() == null ? null : query.status().name());
        String group = blankToNull(query.groupCode());
        if (group != null) {
            Integer[] sets = classification.criteriaSets().stream()
                    .filter(set ->
                            set.groupCode().equals(group) || set.sectorCode().equals(group))
                    .map(Classification.CriteriaSetInfo::setNo)
                    .toArray(Integer[]::new);
            add("p.criteria_set_no = ANY (?)", sets);
        }
        add(
                "EXISTS (SELECT 1 FROM producer t WHERE t.id = p.producer_id AND t.legal_type = ?)",
                query.producerType() == null ? null : query.producerType().name());
        List<String> words = words(query.text());
        boolean lastWhole = !words.isEmpty() && isWord.test(words.get(words.size() - 1));
        wholeWords = lastWhole ? words : words.subList(0, Math.max(0, words.size() - 1));
        prefix = words.isEmpty() || lastWhole ? null : words.get(words.size() - 1) + ":*";
        textQuery = tsquery(words, lastWhole);
    }

    /**
     * The condition for the actor's scope and the query's filters; whether a word is a whole word of some product is
     * looked up in {@code product_search_word}.
     */
    public static ProductFilter of(
            ProductQuery query, DataScope scope, Classification classification, JdbcClient jdbc) {
        return new ProductFilter(
                query,
                scope,
                classification,
                word -> jdbc.sql("SELECT " + IS_WORD)
                        .param(word)
                        .query(Boolean.class)
                        .single());
    }

    /**
     * The condition for the actor's scope and the query's filters, when the caller already knows whether the last word
     * of the free text is a whole word of some product.
     */
    static ProductFilter of(ProductQuery query, DataScope scope, Classification classification, boolean lastWordWhole) {
        return new ProductFilter(query, scope, classification, word -> lastWordWhole);
    }

    /** {@code " WHERE …"} with {@code ?} placeholders, to append after {@code FROM product p}: all conditions. */
    public String where() {
        return textQuery == null ? where.toString() : where + " AND p.search_words @@ to_tsquery('simple', ?)";
    }

    /** The values of the placeholders of {@link #where()}, in order. */
    public List<Object> params() {
        List<Object> all = new ArrayList<>(params);
        if (textQuery != null) {
            all.add(textQuery);
        }
        return all;
    }

    /** {@code " WHERE …"}: the scope and filters without the free text. */
    String filtersWhere() {
        return where.toString();
    }

    /** The values of the placeholders of {@link #filtersWhere()}, in order. */
    List<Object> filtersParams() {
        return List.copyOf(params);
    }

    /** Whether only free text narrows the list (no filter, no scope). */
    boolean textOnly() {
        return !filtered;
    }

    /** Whether free text narrows the list. */
    public boolean hasText() {
        return textQuery != null;
    }

    /** The whole words of the free text, each a word of every product listed. */
    List<String> wholeWords() {
        return wholeWords;
    }

    /** The text query of a last word still being typed ({@code "ma:*"}), or null. */
    @Nullable
    String prefix() {
        return prefix;
    }

    /**
     * The words of free text as {@code search_text} has them: folded (no accents, đ→d, lower case), split where the
     * column's words are split, without repeats, at most {@value #MAX_WORDS}.
     */
    static List<String> words(@Nullable String text) {
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

    /** The PostgreSQL text query: all words required, the last as a prefix unless whole; null without words. */
    static @Nullable String tsquery(List<String> words, boolean lastWhole) {
        if (words.isEmpty()) {
            return null;
        }
        List<String> terms = new ArrayList<>(words);
        if (!lastWhole) {
            terms.set(terms.size() - 1, terms.get(terms.size() - 1) + ":*");
        }
        return String.join(" & ", terms);
    }

    private void add(String condition, @Nullable Object value) {
        if (value != null) {
            where.append(" AND ").append(condition);
            params.add(value);
            filtered = true;
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
