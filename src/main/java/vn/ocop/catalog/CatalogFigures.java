package vn.ocop.catalog;

import java.util.Map;

/**
 * What the catalog holds today.
 *
 * @param byProvince listed products per province code (provinces without any are absent)
 * @param byStar listed products per star (3, 4, 5)
 */
public record CatalogFigures(long products, long producers, Map<String, Long> byProvince, Map<Integer, Long> byStar) {}
