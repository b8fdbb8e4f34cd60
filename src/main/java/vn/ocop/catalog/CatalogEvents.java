package vn.ocop.catalog;

/** Facts the catalog announces (to itself, through the event publication registry, so that they survive a crash). */
public final class CatalogEvents {

    private CatalogEvents() {}

    /** Products or producers were queued for reading again ({@code catalog_refresh}); worked off after commit. */
    public record RefreshQueued(int count) {}
}
