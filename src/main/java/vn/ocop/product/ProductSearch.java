package vn.ocop.product;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.ocop.geography.AdminEdition;
import vn.ocop.geography.AdminUnit;
import vn.ocop.geography.AdminUnits;
import vn.ocop.identity.DataScope;
import vn.ocop.shared.PageResult;

/**
 * One page of the product list: the page's products in Vietnamese order and the total, in two round trips to
 * PostgreSQL whatever the query (docs/decisions/0012 and 0013).
 *
 * <ol>
 *   <li>The planner settings of the search and whether the last word typed is a whole word of some product.
 *   <li>One statement: the ids of the page, their details, and the total, counted only when the page is full (a page
 *       that is not full ends the list, so its length gives the total).
 * </ol>
 *
 * Names of communes, provinces and criteria sets come from memory (reference data that changes only by migration), so
 * the statement joins only the product and its producer.
 */
@Component
class ProductSearch {

    /** Free-text counts stop here: beyond, the list says "more than 1,000". */
    static final int COUNT_CAP = 1000;

    private final JdbcClient jdbc;
    private final Classification classification;
    private final AdminUnits units;

    ProductSearch(JdbcClient jdbc, Classification classification, AdminUnits units) {
        this.jdbc = jdbc;
        this.classification = classification;
        this.units = units;
    }

    @Transactional(readOnly = true, propagation = Propagation.MANDATORY)
    PageResult<ProductSummary> page(ProductQuery query, DataScope scope, int page, int size) {
        List<String> words = ProductFilter.words(query.text());
        // Built as if the last word were whole, which it usually is; built again only when it is a word being typed.
        ProductFilter filter = ProductFilter.of(query, scope, classification, true);
        boolean lastWhole = prepare(words.isEmpty() ? null : words.get(words.size() - 1), filter.textOnly());
        if (!lastWhole && !words.isEmpty()) {
            filter = ProductFilter.of(query, scope, classification, false);
        }
        long offset = (long) page * size;
        boolean capped = offset + size <= COUNT_CAP;
        SqlWithParams pageIds = pageIds(filter, offset, size);
        SqlWithParams count = count(filter, capped);
        List<Object> params = new ArrayList<>(pageIds.params());
        params.add(size);
        params.add(offset);
        params.add(offset);
        params.addAll(count.params());
        long[] total = {0};
        Map<String, AdminUnit> names = units.byCode(AdminEdition.CURRENT);
        List<ProductSummary> items = jdbc
                .sql("WITH page AS (SELECT array_agg(id) AS ids FROM (" + pageIds.sql()
                        + ") s)"
                        + " SELECT CASE WHEN coalesce(cardinality(page.ids), 0) < ?"
                        + " AND (page.ids IS NOT NULL OR ? = 0) THEN ? + coalesce(cardinality(page.ids), 0)"
                        + " ELSE (" + count.sql() + ") END AS total,"
                        + " p.id, p.name, p.producer_id, pr.name AS producer_name, pr.legal_type,"
                        + " p.classification_version, p.criteria_set_no, p.commune_code, p.province_code, p.star,"
                        + " p.certificate_number, p.certificate_expires_on, p.ocop_code, p.status"
                        + " FROM page"
                        + " LEFT JOIN LATERAL unnest(page.ids) WITH ORDINALITY AS i (id, ord) ON true"
                        + " LEFT JOIN product p ON p.id = i.id"
                        + " LEFT JOIN producer pr ON pr.id = p.producer_id"
                        + " ORDER BY i.ord")
                .params(params)
                .query((ResultSet rs, int n) -> {
                    total[0] = rs.getLong("total");
                    return rs.getObject("id") == null ? null : summary(rs, names);
                })
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .toList();
        boolean atLeast = capped && total[0] > COUNT_CAP;
        return new PageResult<>(items, page, size, atLeast ? COUNT_CAP : total[0], atLeast);
    }

    /**
     * Sets the planner for this transaction and answers whether {@code lastWord} is a whole word of some product, in
     * one round trip. The word lists are joined in the order written (see {@link #from}): planning a many-word join in
     * every order cost more than running it.
     *
     * <p>Plans: a search by free text alone (the central office, the catalog) has one plan per shape of statement
     * (number of words, page size), made once per connection and reused, because its lists are merged in name order
     * whatever their length; re-planning it for every search was a third of its cost. A search with filters or a
     * jurisdiction is planned for its own values every time: whether to start from the words or from a commune with
     * thirty products depends on them.
     */
    private boolean prepare(@Nullable String lastWord, boolean textOnly) {
        return Boolean.TRUE.equals(jdbc.sql("SELECT set_config('plan_cache_mode', ?, true),"
                        + " set_config('join_collapse_limit', '1', true),"
                        + " " + ProductFilter.IS_WORD)
                .params(textOnly ? "force_generic_plan" : "force_custom_plan", lastWord)
                .query((ResultSet rs, int n) -> rs.getBoolean(3))
                .single());
    }

    /** The number of matches, at most {@value #COUNT_CAP} + 1 when capped. */
    private static SqlWithParams count(ProductFilter filter, boolean capped) {
        String limit = capped ? " LIMIT " + (COUNT_CAP + 1) : "";
        List<String> words = filter.wholeWords();
        if (words.size() == 1 && filter.prefix() == null && filter.textOnly()) { // from the word index alone
            return new SqlWithParams(
                    "SELECT count(*) FROM (SELECT 1 FROM product_search_word WHERE word = ?" + limit + ") c",
                    List.of(words.get(0)));
        }
        // Through the text index: intersecting its lists is cheaper than merging the word lists to the end.
        return new SqlWithParams(
                "SELECT count(*) FROM (SELECT 1 FROM product p" + filter.where() + limit + ") c", filter.params());
    }

    /**
     * The ids of one page in Vietnamese order. With whole words in the free text: their {@code product_search_word}
     * rows, each word's already in name order, merged on (name, id) and read only as far as the page needs, however
     * many products have the words. Otherwise (only a word still being typed, or no text): the matches sorted, read
     * through the word index when there is text (never by walking the whole name index looking for matches).
     */
    private static SqlWithParams pageIds(ProductFilter filter, long offset, int size) {
        String limit = " LIMIT " + size + " OFFSET " + offset;
        SqlWithParams from = from(filter);
        if (!filter.wholeWords().isEmpty()) {
            return new SqlWithParams(
                    "SELECT a.product_id AS id" + from.sql() + " ORDER BY a.name, a.product_id" + limit, from.params());
        }
        String sql = filter.hasText()
                ? "WITH m AS MATERIALIZED (SELECT p.id, p.name" + from.sql() + ")"
                        + " SELECT id FROM m ORDER BY name COLLATE vietnamese, id" + limit
                : "SELECT p.id" + from.sql() + " ORDER BY p.name COLLATE vietnamese, p.id" + limit;
        return new SqlWithParams(sql, from.params());
    }

    private record SqlWithParams(String sql, List<Object> params) {}

    /**
     * FROM and WHERE of a search. With whole words: the rows of the first in {@code product_search_word a}, joined on
     * the full key (word, name, product id) to the rows of the others, so that PostgreSQL can merge the ordered lists;
     * a word still being typed and the filters are checked on the product.
     */
    private static SqlWithParams from(ProductFilter filter) {
        // Last word first: names go from general to specific ("nuoc mam phu quoc"), the later words have fewer
        // products, and merging the rarer lists first leaves fewer rows to check against the others.
        List<String> words = new ArrayList<>(filter.wholeWords());
        Collections.reverse(words);
        if (words.isEmpty()) {
            return new SqlWithParams(" FROM product p" + filter.where(), filter.params());
        }
        StringBuilder sql = new StringBuilder(" FROM product_search_word a");
        List<Object> params = new ArrayList<>();
        for (int i = 1; i < words.size(); i++) {
            sql.append(" JOIN product_search_word w")
                    .append(i)
                    .append(" ON w")
                    .append(i)
                    .append(".word = ? AND w")
                    .append(i)
                    .append(".name = a.name AND w")
                    .append(i)
                    .append(".product_id = a.product_id");
            params.add(words.get(i));
        }
        if (filter.textOnly() && filter.prefix() == null) { // the word lists alone answer
            sql.append(" WHERE a.word = ?");
            params.add(words.get(0));
            return new SqlWithParams(sql.toString(), params);
        }
        sql.append(" JOIN product p ON p.id = a.product_id")
                .append(filter.filtersWhere())
                .append(" AND a.word = ?");
        params.addAll(filter.filtersParams());
        params.add(words.get(0));
        if (filter.prefix() != null) {
            sql.append(" AND p.search_words @@ to_tsquery('simple', ?)");
            params.add(filter.prefix());
        }
        return new SqlWithParams(sql.toString(), params);
    }

    private ProductSummary summary(ResultSet rs, Map<String, AdminUnit> names) throws SQLException {
        String communeCode = rs.getString("commune_code");
        String provinceCode = rs.getString("province_code");
        return new ProductSummary(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getLong("producer_id"),
                rs.getString("producer_name"),
                rs.getString("legal_type"),
                rs.getInt("criteria_set_no"),
                classification.setName(rs.getString("classification_version"), rs.getInt("criteria_set_no")),
                communeCode,
                unitName(names, communeCode),
                provinceCode,
                unitName(names, provinceCode),
                (Integer) rs.getObject("star", Integer.class),
                rs.getString("certificate_number"),
                rs.getObject("certificate_expires_on", LocalDate.class),
                rs.getString("ocop_code"),
                ProductStatus.valueOf(rs.getString("status")));
    }

    private static String unitName(Map<String, AdminUnit> names, String code) {
        AdminUnit unit = names.get(code);
        return unit == null ? code : unit.fullName();
    }
}
