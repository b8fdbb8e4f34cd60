package vn.ocop.traceability;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriUtils;
import vn.ocop.shared.OcopException;

/**
 * A GS1 Digital Link URI of a trade item (GS1 Digital Link URI Syntax 1.x): the GTIN (AI 01, always 14 digits in the
 * URI), optionally its lot (AI 10) and serial number (AI 21), in the path {@code /01/{gtin}/10/{lot}/21/{serial}}
 * after a base URL (the resolver's domain). A stamp's serial is its {@link StampCode}.
 *
 * @param lot the lot number (1–20 characters of the GS1 character set 82), or {@code null}
 * @param serial the serial number (1–20 characters of the same set), or {@code null}
 */
public record DigitalLink(
        Gtin gtin, @Nullable String lot, @Nullable String serial) {

    /** GS1 AI 10 and AI 21: up to 20 characters of "GS1 AI encodable character set 82". */
    private static final Pattern CSET82 = Pattern.compile("[!\"%&'()*+,\\-./0-9:;<=>?A-Z_a-z]{1,20}");

    public DigitalLink {
        if ((lot != null && !CSET82.matcher(lot).matches())
                || (serial != null && !CSET82.matcher(serial).matches())) {
            throw new OcopException(TraceabilityError.DIGITAL_LINK_MALFORMED, String.valueOf(lot) + "/" + serial);
        }
    }

    /** The URI under {@code base} (e.g. {@code https://ocop.example.vn}), values percent-encoded as paths need. */
    public String uri(String base) {
        StringBuilder uri = new StringBuilder(trimSlash(base)).append("/01/").append(gtin.value());
        if (lot != null) {
            uri.append("/10/").append(UriUtils.encodePathSegment(lot, StandardCharsets.UTF_8));
        }
        if (serial != null) {
            uri.append("/21/").append(UriUtils.encodePathSegment(serial, StandardCharsets.UTF_8));
        }
        return uri.toString();
    }

    /** The same item one level up: without the serial, or without the lot when there is no serial. */
    public @Nullable DigitalLink parent() {
        if (serial != null) {
            return new DigitalLink(gtin, lot, null);
        }
        return lot != null ? new DigitalLink(gtin, null, null) : null;
    }

    /**
     * Reads the path of a request (what follows the base, starting with {@code /01/}); a trailing slash is tolerated,
     * as resolvers should. {@code TRC-020} (400) when the path is not a Digital Link URI of a GTIN with optional lot
     * and serial in this order, or the GTIN's check digit is wrong ({@code TRC-003}, 400).
     */
    public static DigitalLink parsePath(String rawPath) {
        String path = rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
        String[] parts = path.split("/", -1);
        // "", "01", gtin [, "10", lot] [, "21", serial]
        if (parts.length < 3
                || parts.length > 7
                || parts.length % 2 == 0
                || !parts[0].isEmpty()
                || !"01".equals(parts[1])) {
            throw malformed(rawPath);
        }
        Gtin gtin = Gtin.tryParse(parts[2])
                .filter(g -> parts[2].matches("\\d{8}|\\d{12,14}"))
                .orElse(null);
        if (gtin == null) {
            throw parts[2].matches("\\d{8}|\\d{12,14}")
                    ? new OcopException(TraceabilityError.INVALID_GTIN, parts[2])
                    : malformed(rawPath);
        }
        String lot = null;
        String serial = null;
        for (int i = 3; i < parts.length; i += 2) {
            String value = decode(parts[i + 1], rawPath);
            switch (parts[i]) {
                case "10" -> {
                    if (lot != null || serial != null) {
                        throw malformed(rawPath);
                    }
                    lot = value;
                }
                case "21" -> {
                    if (serial != null) {
                        throw malformed(rawPath);
                    }
                    serial = value;
                }
                default -> throw malformed(rawPath);
            }
        }
        try {
            return new DigitalLink(gtin, lot, serial);
        } catch (OcopException e) {
            throw malformed(rawPath);
        }
    }

    private static String decode(String segment, String rawPath) {
        if (segment.isEmpty()) {
            throw malformed(rawPath);
        }
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw malformed(rawPath);
        }
    }

    private static OcopException malformed(String path) {
        return new OcopException(
                TraceabilityError.DIGITAL_LINK_MALFORMED, path.length() > 80 ? path.substring(0, 80) + "…" : path);
    }

    static String trimSlash(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
