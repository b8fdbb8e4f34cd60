package vn.ocop.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: the items, the page number (from 0), the page size and the total number of matches.
 *
 * @param totalAtLeast true when {@code total} is a lower bound: a search with very many matches stops counting
 * @param <T> item type
 */
public record PageResult<T>(List<T> items, int page, int size, long total, boolean totalAtLeast) {

    public PageResult(List<T> items, int page, int size, long total) {
        this(items, page, size, total, false);
    }

    public int totalPages() {
        // A lower bound counts one more page, so that the user can page on past it (the count is then exact).
        long known = totalAtLeast ? total + 1 : total;
        return size == 0 ? 0 : (int) ((known + size - 1) / size);
    }

    public boolean hasNext() {
        return page + 1 < totalPages();
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public <R> PageResult<R> map(Function<T, R> mapper) {
        return new PageResult<>(items.stream().map(mapper).toList(), page, size, total, totalAtLeast);
    }
}
