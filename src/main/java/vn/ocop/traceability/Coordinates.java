package vn.ocop.traceability;

import org.jspecify.annotations.Nullable;

/**
 * A coarse location shared by a scanning browser: rounded to a tenth of a degree (about 11 km), with the province it
 * falls in (empty when outside the country's shapes). Nothing finer is ever stored.
 */
record Coordinates(
        double latitude, double longitude, @Nullable String provinceCode) {

    /** Rounds a browser's position to 0.1°; {@code null} when it is not a position on Earth. */
    static @Nullable Coordinates coarse(@Nullable Double latitude, @Nullable Double longitude) {
        if (latitude == null
                || longitude == null
                || !Double.isFinite(latitude)
                || !Double.isFinite(longitude)
                || Math.abs(latitude) > 90
                || Math.abs(longitude) > 180) {
            return null;
        }
        return new Coordinates(Math.round(latitude * 10) / 10.0, Math.round(longitude * 10) / 10.0, null);
    }

    Coordinates in(@Nullable String province) {
        return new Coordinates(latitude, longitude, province);
    }
}
