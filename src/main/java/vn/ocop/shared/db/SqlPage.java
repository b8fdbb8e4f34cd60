package vn.ocop.shared.db;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ocop.shared.PageResult;

/**
 * One page of a filtered list in SQL: the count of all matches and the rows of the page ({@code LIMIT … OFFSET …}),
 * with the same filter and parameters, so that every list pages the same way.
 */
public final class SqlPage {

    private SqlPage() {}

    /**
     * @param select the select list, e.g. {@code "c.id, c.name"}
     * @param from the table and its alias, e.g. {@code "certification_candidate c"}
     * @param where the filter, starting with {@code " WHERE "} (or empty)
     * @param params the filter's parameters, in order
     * @param order the order, without {@code ORDER BY}; it must be total (end with a unique column) for stable pages
     */
    public static <T> PageResult<T> of(
            JdbcClient jdbc,
            String select,
            String from,
            String where,
            List<?> params,
            String order,
            int page,
            int size,
            RowMapper<T> rows) {
        long total = jdbc.sql("SELECT count(*) FROM " + from + where)
                .params(List.copyOf(params))
                .query(Long.class)
                .single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(size);
        paged.add((long) page * size);
        List<T> items = jdbc.sql(
                        "SELECT " + select + " FROM " + from + where + " ORDER BY " + order + " LIMIT ? OFFSET ?")
                .params(paged)
                .query(rows)
                .list();
        return new PageResult<>(items, page, size, total);
    }
}
