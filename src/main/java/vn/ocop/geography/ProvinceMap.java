package vn.ocop.geography;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ocop.shared.storage.FileContents;

/**
 * The 34 current provinces as SVG shapes for choropleth maps, drawn from the simplified boundaries shipped with the
 * application ({@code db/data/admin-units/provinces-2025.geojson}; no tile server, works offline). The islands,
 * Hoàng Sa and Trường Sa included, are drawn where they are: the map shows the whole of Viet Nam. Shapes are read once,
 * on first use.
 *
 * <p>Projection: equirectangular, longitudes shrunk by the cosine of 16°N (the country's middle), one degree of
 * latitude {@link #SCALE} units; points closer than half a unit to the previous kept point are dropped.
 */
@Component
public class ProvinceMap {

    static final String GEOJSON = "db/data/admin-units/provinces-2025.geojson";
    static final double SCALE = 40;
    private static final double WEST = 102.0;
    private static final double EAST = 118.0;
    private static final double NORTH = 23.5;
    private static final double SOUTH = 7.0;
    private static final double LONGITUDE_FACTOR = Math.cos(Math.toRadians(16));
    private static final double MIN_STEP = 0.5;

    /**
     * One province.
     *
     * @param path SVG path data in the map's {@link #viewBox()}
     * @param labelX where a label or marker for the province may go (centre of its largest ring's bounding box)
     */
    public record Shape(String code, String name, String path, double labelX, double labelY) {}

    private final JsonMapper json;
    private volatile @Nullable List<Shape> shapes;
    private volatile @Nullable Map<String, List<double[][]>> rings;
    private volatile @Nullable Sprite sprite;

    /**
     * Every province's shape in one SVG document ({@code <path id="p-82" …>}), which a page's map references by
     * {@code <use href="…/provinces.svg?v=…#p-82">}: the browser downloads the 120 KB of outlines once and caches them,
     * instead of every page with a map carrying them inline. {@code version} names the content (a digest).
     */
    public record Sprite(String svg, String version) {}

    ProvinceMap(JsonMapper json) {
        this.json = json;
    }

    /** The SVG {@code viewBox} every shape is drawn in. */
    public String viewBox() {
        return String.format(Locale.ROOT, "0 0 %.0f %.0f", x(EAST) + 1, y(SOUTH) + 1);
    }

    /** The provinces' outlines as one SVG document to reference (built once). */
    public Sprite sprite() {
        Sprite built = sprite;
        if (built == null) {
            StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"")
                    .append(viewBox())
                    .append("\"><defs>");
            for (Shape shape : shapes()) {
                svg.append("<path id=\"p-")
                        .append(shape.code())
                        .append("\" d=\"")
                        .append(shape.path())
                        .append("\"/>");
            }
            String text = svg.append("</defs></svg>").toString();
            built = new Sprite(
                    text,
                    FileContents.sha256(text.getBytes(StandardCharsets.UTF_8)).substring(0, 16));
            sprite = built;
        }
        return built;
    }

    /** The provinces in code order. */
    public List<Shape> shapes() {
        List<Shape> loaded = shapes;
        if (loaded == null) {
            loaded = load();
            shapes = loaded;
        }
        return loaded;
    }

    /**
     * The province (code, current edition) a point falls in, by its shipped simplified boundary; empty at sea or
     * abroad. Near a border the simplification may pick the neighbour: good for coarse statistics, not for addresses.
     */
    public java.util.Optional<String> provinceAt(double latitude, double longitude) {
        Map<String, List<double[][]>> loaded = rings;
        if (loaded == null) {
            loaded = loadRings();
            rings = loaded;
        }
        for (Map.Entry<String, List<double[][]>> province : loaded.entrySet()) {
            boolean inside = false;
            for (double[][] ring : province.getValue()) {
                if (contains(ring, longitude, latitude)) {
                    inside = !inside; // even-odd: a hole inside a polygon cancels it
                }
            }
            if (inside) {
                return java.util.Optional.of(province.getKey());
            }
        }
        return java.util.Optional.empty();
    }

    /** Ray casting over one ring of [longitude, latitude] points. */
    private static boolean contains(double[][] ring, double x, double y) {
        boolean inside = false;
        for (int i = 0, j = ring.length - 1; i < ring.length; j = i++) {
            double xi = ring[i][0];
            double yi = ring[i][1];
            double xj = ring[j][0];
            double yj = ring[j][1];
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                inside = !inside;
            }
        }
        return inside;
    }

    private Map<String, List<double[][]>> loadRings() {
        try (InputStream in = new ClassPathResource(GEOJSON).getInputStream()) {
            Map<String, List<double[][]>> result = new java.util.LinkedHashMap<>();
            for (JsonNode feature : json.readTree(in).get("features")) {
                JsonNode geometry = feature.get("geometry");
                List<JsonNode> polygons = new ArrayList<>();
                if ("Polygon".equals(geometry.get("type").asString())) {
                    polygons.add(geometry.get("coordinates"));
                } else {
                    geometry.get("coordinates").forEach(polygons::add);
                }
                List<double[][]> list = new ArrayList<>();
                for (JsonNode polygon : polygons) {
                    for (JsonNode ring : polygon) {
                        double[][] points = new double[ring.size()][];
                        for (int i = 0; i < ring.size(); i++) {
                            points[i] = new double[] {
                                ring.get(i).get(0).asDouble(),
                                ring.get(i).get(1).asDouble()
                            };
                        }
                        list.add(points);
                    }
                }
                result.put(feature.get("properties").get("code").asString(), list);
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The class of a value on a five-step scale (0 for none, then 1–5 by fifths of the largest value), for the map's
     * fill; the fragment {@code fragments/map :: choropleth} turns it into a colour.
     */
    public static int step(long value, long max) {
        if (value <= 0 || max <= 0) {
            return 0;
        }
        return (int) Math.min(5, 1 + (value - 1) * 5 / max);
    }

    /** The class of each province's value, by code; provinces without a value are 0. */
    public static Map<String, Integer> steps(Map<String, ? extends Number> values) {
        long max = values.values().stream().mapToLong(Number::longValue).max().orElse(0);
        Map<String, Integer> steps = new java.util.HashMap<>();
        values.forEach((code, value) -> steps.put(code, step(value.longValue(), max)));
        return steps;
    }

    private List<Shape> load() {
        try (InputStream in = new ClassPathResource(GEOJSON).getInputStream()) {
            JsonNode root = json.readTree(in);
            List<Shape> result = new ArrayList<>();
            for (JsonNode feature : root.get("features")) {
                JsonNode properties = feature.get("properties");
                JsonNode geometry = feature.get("geometry");
                List<JsonNode> polygons = new ArrayList<>();
                if ("Polygon".equals(geometry.get("type").asString())) {
                    polygons.add(geometry.get("coordinates"));
                } else {
                    geometry.get("coordinates").forEach(polygons::add);
                }
                StringBuilder path = new StringBuilder();
                double[] largest = null;
                double largestArea = -1;
                for (JsonNode polygon : polygons) {
                    for (JsonNode ring : polygon) {
                        double[] box = appendRing(path, ring);
                        double area = (box[2] - box[0]) * (box[3] - box[1]);
                        if (area > largestArea) {
                            largestArea = area;
                            largest = box;
                        }
                    }
                }
                double[] box = largest == null ? new double[4] : largest;
                result.add(new Shape(
                        properties.get("code").asString(),
                        properties.get("full_name").asString(),
                        path.toString().strip(),
                        round((box[0] + box[2]) / 2),
                        round((box[1] + box[3]) / 2)));
            }
            result.sort(Comparator.comparing(Shape::code));
            return List.copyOf(result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends one ring as a closed subpath; returns its bounding box (minX, minY, maxX, maxY). */
    private static double[] appendRing(StringBuilder path, JsonNode ring) {
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        double lastX = Double.NaN;
        double lastY = Double.NaN;
        int kept = 0;
        int n = ring.size();
        for (int i = 0; i < n; i++) {
            double px = round(x(ring.get(i).get(0).asDouble()));
            double py = round(y(ring.get(i).get(1).asDouble()));
            boolean last = i == n - 1;
            if (kept > 0 && !last && Math.hypot(px - lastX, py - lastY) < MIN_STEP) {
                continue;
            }
            if (last && kept > 2) {
                break; // the closing point repeats the first: Z closes the ring
            }
            path.append(kept == 0 ? "M" : "L")
                    .append(number(px))
                    .append(' ')
                    .append(number(py))
                    .append(' ');
            box[0] = Math.min(box[0], px);
            box[1] = Math.min(box[1], py);
            box[2] = Math.max(box[2], px);
            box[3] = Math.max(box[3], py);
            lastX = px;
            lastY = py;
            kept++;
        }
        path.append("Z ");
        return box;
    }

    private static double x(double longitude) {
        return (longitude - WEST) * LONGITUDE_FACTOR * SCALE;
    }

    private static double y(double latitude) {
        return (NORTH - latitude) * SCALE;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
