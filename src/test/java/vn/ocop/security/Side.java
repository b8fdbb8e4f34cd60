package vn.ocop.security;

/**
 * Which instance of the fixtures a call uses: the one in the callers' own jurisdiction, the one in another, or none
 * (a route that names no fixture).
 */
public enum Side {
    OWN,
    OTHER,
    NONE;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
