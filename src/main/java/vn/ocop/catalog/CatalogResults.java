package vn.ocop.catalog;

import java.util.List;
import java.util.Map;
import vn.ocop.shared.PageResult;

/**
 * One page of a catalog search.
 *
 * @param corrections for each word typed that no product has, the words searched instead (a typo's likely
 *     intentions); empty when every word was found as typed
 * @param unmatched words typed that match nothing, not even as a typo: the list is then empty
 */
public record CatalogResults(
        PageResult<CatalogProduct> page, Map<String, List<String>> corrections, List<String> unmatched) {}
