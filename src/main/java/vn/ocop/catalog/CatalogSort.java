package vn.ocop.catalog;

/** Orders of the catalog list. */
public enum CatalogSort {
    /**
     * With free text: products whose own name (not only their producer's) holds the query's most specific word (the
     * one the fewest products have) first, then by stars, then by name; without text, as {@link #STARS}.
     */
    RELEVANCE,
    /** Most stars first, then by name. */
    STARS,
    /** By name in Vietnamese alphabetical order (ICU collation {@code vi-VN}). */
    NAME,
    /** Most recently certified first. */
    NEWEST
}
