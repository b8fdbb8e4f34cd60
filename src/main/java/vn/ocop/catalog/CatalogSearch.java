package vn.ocop.catalog;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.ocop.catalog.SearchWords.Group;
import vn.ocop.catalog.SearchWords.Known;
import vn.ocop.catalog.SearchWords.Lookup;
import vn.ocop.product.Classification;

/**
 * One page of the catalog (docs/decisions/0022). Without free text the page is read from the listed products in the
 * sort's index order. With free text, each word becomes a group of words ({@link SearchWords}); the group with the
 * fewest products drives: its words' lists in {@code catalog_search_word} are read in the sort's order, filters checked
 * on the index entries, in chunks, and each chunk's products are checked for the other groups on their own text index,
 * until the page is full. The total is counted (up to {@value #COUNT_CAP}, then "more than") only when the page is
 * full: a page that is not full ends the list.
 */
@Component
class CatalogSearch {

    static final int COUNT_CAP = 1000;
    // Text queries are bound as tsquery values (CAST(? AS tsquery)), not through to_tsquery('simple', ?): their words
    // are already folded to [a-z0-9] (SearchWords), which both parse alike, and a generic plan would call to_tsquery
    // again for every row it checks (1.7 ms instead of 0.1 ms for 48 products).
    private static final String LISTED = "c.star IS NOT NULL AND c.status = 'ACTIVE' AND c.expires_on >= ?";

    private final JdbcClient jdbc;
    private final Classification classification;

    CatalogSearch(JdbcClient jdbc, Classification classification) {
        this.jdbc = jdbc;
        this.classification = classification;
    }

    /** The ids of one page, in order, with the total and what the words were taken for. */
    record Found(
            List<Long> ids,
            long total,
            boolean totalAtLeast,
            Map<String, List<String>> corrections,
            List<String> unmatched) {}

    @Transactional(readOnly = true, propagation = Propagation.MANDATORY)
    Found find(CatalogQuery query, int page, int size, LocalDate today) {
        Filters filters = filters(query);
        // With filters, the best start (a word's list or a province's products) depends on the values: planned for
        // them. Without, the statements' shapes are few and their plans do not depend on the words (ordered scans of
        // a word's list, probes by id, counts through the GIN index): planned once per connection, which was a
        // quarter of the database's time per search (docs/benchmarks.md).
        jdbc.sql("SELECT set_config('plan_cache_mode', ?, true)")
                .param(filters.any() ? "force_custom_plan" : "force_generic_plan")
                .query(String.class)
                .single();
        List<String> typed = SearchWords.split(query.text());
        long offset = (long) page * size;
        if (typed.isEmpty()) {
            return listed(query.sort(), filters, today, offset, size, null, Map.of());
        }
        List<Group> groups = groups(typed);
        List<String> unmatched = groups.stream()
                .filter(g -> g.words().isEmpty())
                .map(Group::typed)
                .toList();
        Map<String, List<String>> corrections = new LinkedHashMap<>();
        groups.stream().filter(Group::corrected).forEach(g -> corrections.put(g.typed(), g.words()));
        if (!unmatched.isEmpty()) {
            return new Found(List.of(), 0, false, corrections, unmatched);
        }
        String all = String.join(" & ", groups.stream().map(Group::tsquery).toList());
        if (filters.narrow()) {
            // A commune or a producer has few products: take them all and check the words on them.
            return listed(query.sort(), filters, today, offset, size, all, corrections);
        }
        Group driver =
                groups.stream().min(Comparator.comparingLong(Group::estimate)).orElseThrow();
        List<Group> others = groups.stream().filter(g -> g != driver).toList();
        String probe = others.isEmpty()
                ? null
                : String.join(" & ", others.stream().map(Group::tsquery).toList());
        return driven(query.sort(), filters, today, offset, size, driver, probe, all, corrections);
    }

    /** What the database knows of each typed word, in one round trip. */
    private List<Group> groups(List<String> typed) {
        List<Lookup> lookups = jdbc.sql("""
                        SELECT w.word, coalesce(k.products, 0) AS products,
                               CASE WHEN w.ord = ? AND coalesce(k.products, 0) = 0 THEN ARRAY(
                                   SELECT c.word || ':' || c.products FROM catalog_word c
                                    WHERE c.word > w.word COLLATE "C" AND c.word < (w.word || '~') COLLATE "C"
                                      AND c.products > 0
                                    ORDER BY c.products DESC, c.word LIMIT ?) END AS completions,
                               CASE WHEN coalesce(k.products, 0) = 0 AND length(w.word) >= 3 AND w.word ~ '^[a-z]+$'
                                    THEN ARRAY(
                                   SELECT c.word || ':' || c.products FROM catalog_word c
                                    WHERE c.products > 0 AND c.word ~ '^[a-z]+$'
                                    ORDER BY c.word <-> w.word LIMIT 30) END AS near
                          FROM unnest(?::text[]) WITH ORDINALITY AS w (word, ord)
                          LEFT JOIN catalog_word k ON k.word = w.word COLLATE "C"
                         ORDER BY w.ord""")
                .params(typed.size(), SearchWords.MAX_COMPLETIONS, typed.toArray(String[]::new))
                .query((rs, n) -> new Lookup(
                        rs.getString("word"),
                        rs.getInt("products"),
                        known(rs.getArray("completions")),
                        known(rs.getArray("near"))))
                .list();
        List<Group> groups = new ArrayList<>();
        for (int i = 0; i < lookups.size(); i++) {
            groups.add(SearchWords.group(lookups.get(i), i == lookups.size() - 1));
        }
        return groups;
    }

    private static List<Known> known(@Nullable Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        List<Known> known = new ArrayList<>();
        for (String entry : (String[]) array.getArray()) {
            int colon = entry.lastIndexOf(':');
            known.add(new Known(entry.substring(0, colon), Integer.parseInt(entry.substring(colon + 1))));
        }
        return known;
    }

    /**
     * A page read from the driving group's word lists: chunks of its entries in the sort's order (filters checked on
     * the index), each chunk's products checked for the other groups, until the page is full or the lists end.
     */
    private Found driven(
            CatalogSort sort,
            Filters filters,
            LocalDate today,
            long offset,
            int size,
            Group driver,
            @Nullable String probe,
            String all,
            Map<String, List<String>> corrections) {
        String order = switch (sort) {
            case RELEVANCE -> "a.in_name DESC, a.star DESC, a.name, a.product_id";
            case STARS -> "a.star DESC, a.name, a.product_id";
            case NAME -> "a.name, a.product_id";
            case NEWEST -> "a.certified_on DESC, a.product_id DESC";
        };
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder();
        if (driver.words().size() == 1) {
            where.append("a.word = ?");
            params.add(driver.words().get(0));
        } else {
            where.append("a.word = ANY (?)");
            params.add(driver.words().toArray(String[]::new));
        }
        where.append(" AND a.expires_on >= ?");
        params.add(today);
        filters.append(where, params, "a");
        long needed = offset + size;
        Set<Long> matched = new LinkedHashSet<>();
        long read = 0;
        // Words typed together are mostly found together (a phrase): a first chunk of twice the page usually fills it;
        // lists that match less often are read on in chunks four times larger.
        int chunk = (int) Math.max(48, needed * 2);
        boolean exhausted = false;
        while (matched.size() < needed) {
            List<Object> chunkParams = new ArrayList<>(params);
            chunkParams.add(chunk);
            chunkParams.add(read);
            List<Long> ids = jdbc.sql("SELECT a.product_id FROM catalog_search_word a WHERE " + where + " ORDER BY "
                            + order + " LIMIT ? OFFSET ?")
                    .params(chunkParams)
                    .query(Long.class)
                    .list();
            read += ids.size();
            List<Long> accepted = ids;
            if (probe != null && !ids.isEmpty()) {
                Set<Long> having = Set.copyOf(jdbc.sql("SELECT c.product_id FROM catalog_product c"
                                + " WHERE c.product_id = ANY (?) AND c.search_words @@ CAST(? AS tsquery)")
                        .params(ids.toArray(Long[]::new), probe)
                        .query(Long.class)
                        .list());
                accepted = ids.stream().filter(having::contains).toList();
            }
            matched.addAll(accepted);
            if (ids.size() < chunk) {
                exhausted = true;
                break;
            }
            chunk = Math.min(chunk * 4, 50_000);
        }
        List<Long> ordered = List.copyOf(matched);
        List<Long> pageIds = offset >= ordered.size()
                ? List.of()
                : ordered.subList((int) offset, (int) Math.min(ordered.size(), needed));
        if (exhausted) {
            return new Found(pageIds, ordered.size(), false, corrections, List.of());
        }
        // One word and nothing else to check: its list is the answer, counted on the index alone (a common word's
        // text query would read every entry of the GIN index and visit the rows).
        long[] total = probe == null && driver.words().size() == 1
                ? count("catalog_search_word a WHERE " + where, params, offset + pageIds.size())
                : count(filters, today, all, offset + pageIds.size());
        return new Found(pageIds, total[0], total[1] == 1, corrections, List.of());
    }

    /**
     * A page of listed products read in the sort's index order (no text), or a narrow filter's products with the text
     * checked on each ({@code text} not null).
     */
    private Found listed(
            CatalogSort sort,
            Filters filters,
            LocalDate today,
            long offset,
            int size,
            @Nullable String text,
            Map<String, List<String>> corrections) {
        String order = switch (sort) {
            case RELEVANCE, STARS -> "c.star DESC, c.name COLLATE vietnamese, c.product_id";
            case NAME -> "c.name COLLATE vietnamese, c.product_id";
            case NEWEST -> "c.certified_on DESC, c.product_id DESC";
        };
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(LISTED);
        params.add(today);
        filters.append(where, params, "c");
        if (text != null) {
            where.append(" AND c.search_words @@ CAST(? AS tsquery)");
            params.add(text);
        }
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add(offset);
        List<Long> ids = jdbc.sql("SELECT c.product_id FROM catalog_product c WHERE " + where + " ORDER BY " + order
                        + " LIMIT ? OFFSET ?")
                .params(pageParams)
                .query(Long.class)
                .list();
        if (ids.size() < size && (!ids.isEmpty() || offset == 0)) {
            return new Found(ids, offset + ids.size(), false, corrections, List.of());
        }
        long[] total = count("catalog_product c WHERE " + where, params, offset + ids.size());
        return new Found(ids, total[0], total[1] == 1, corrections, List.of());
    }

    /** The number of listed products matching, exact up to the cap or beyond what was already paged through. */
    private long[] count(Filters filters, LocalDate today, String text, long atLeast) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(LISTED);
        params.add(today);
        filters.append(where, params, "c");
        where.append(" AND c.search_words @@ CAST(? AS tsquery)");
        params.add(text);
        return count("catalog_product c WHERE " + where, params, atLeast);
    }

    /** Counts the rows of {@code from} ({@code "table alias WHERE …"}), capped unless already paged beyond the cap. */
    private long[] count(String from, List<Object> params, long atLeast) {
        boolean capped = atLeast <= COUNT_CAP;
        String limit = capped ? " LIMIT " + (COUNT_CAP + 1) : "";
        long total = jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM " + from + limit + ") x")
                .params(params)
                .query(Long.class)
                .single();
        if (capped && total > COUNT_CAP) {
            return new long[] {COUNT_CAP, 1};
        }
        return new long[] {Math.max(total, atLeast), 0};
    }

    private Filters filters(CatalogQuery query) {
        Integer[] sets = null;
        String group = blankToNull(query.groupCode());
        if (group != null) {
            sets = classification.criteriaSets().stream()
                    .filter(set ->
                            set.groupCode().equals(group) || set.sectorCode().equals(group))
                    .map(Classification.CriteriaSetInfo::setNo)
                    .toArray(Integer[]::new);
        }
        return new Filters(
                blankToNull(query.provinceCode()),
                blankToNull(query.communeCode()),
                query.criteriaSetNo(),
                sets,
                query.stars(),
                blankToNull(query.producerType()),
                query.producerId());
    }

    /** The filters of a search, written on the word entries ({@code a}) or the product rows ({@code c}). */
    private record Filters(
            @Nullable String province,
            @Nullable String commune,
            @Nullable Integer set,
            Integer @Nullable [] sets,
            @Nullable Integer stars,
            @Nullable String producerType,
            @Nullable Long producerId) {

        /** Whether any filter is set. */
        boolean any() {
            return province != null
                    || commune != null
                    || set != null
                    || sets != null
                    || stars != null
                    || producerType != null
                    || producerId != null;
        }

        /** Whether a filter leaves few enough products to check the words on each (a commune, a producer). */
        boolean narrow() {
            return commune != null || producerId != null;
        }

        void append(StringBuilder where, List<Object> params, String alias) {
            add(where, params, alias + ".province_code = ?", province);
            add(where, params, alias + ".commune_code = ?", commune);
            add(where, params, alias + ".criteria_set_no = ?", set);
            add(where, params, alias + ".criteria_set_no = ANY (?)", sets);
            add(where, params, alias + ".star = ?", stars);
            add(where, params, alias + ".producer_type = ?", producerType);
            add(where, params, "c.producer_id = ?", alias.equals("c") ? producerId : null);
        }

        private static void add(StringBuilder where, List<Object> params, String condition, @Nullable Object value) {
            if (value != null) {
                where.append(" AND ").append(condition);
                params.add(value);
            }
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
