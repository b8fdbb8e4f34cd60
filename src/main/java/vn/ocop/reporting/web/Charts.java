package vn.ocop.reporting.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Geometry of the server-side SVG charts ({@code reporting/charts} fragments): bars scaled to the largest value, with
 * the numbers already formatted. Every chart is drawn next to a table of the same numbers.
 */
public final class Charts {

    /** Width of the bar area in the SVG's coordinates (labels take the rest). */
    static final int BAR_AREA = 240;

    private Charts() {}

    /**
     * One bar.
     *
     * @param length the bar's length in SVG units ({@value #BAR_AREA} for the largest)
     * @param display the value as the reader writes it
     * @param tone a CSS class suffix for the colour ({@code star-3}, {@code reached}, …), may be empty
     */
    public record Bar(String label, String shortLabel, double value, double length, String display, String tone) {}

    /** A horizontal bar chart: its accessible title, bars and SVG height. */
    public record Chart(String title, List<Bar> bars, int height) {}

    /** A column chart (years along the bottom): its accessible title, columns and SVG width. */
    public record Columns(String title, List<Column> columns, int width) {}

    /**
     * One column.
     *
     * @param height the column's height in SVG units ({@value #COLUMN_AREA} for the largest)
     */
    public record Column(String label, double height, String display) {}

    /** Height of the column area in the SVG's coordinates. */
    static final int COLUMN_AREA = 150;

    /** An entry to draw. */
    public record Entry(String label, double value, String display, String tone) {}

    /** Bars scaled to the largest value (or to {@code scale} when given, e.g. 100 for percentages). */
    public static List<Bar> bars(List<Entry> entries, double scale) {
        double max = scale > 0
                ? scale
                : entries.stream().mapToDouble(Entry::value).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        for (Entry e : entries) {
            double length = max <= 0 ? 0 : Math.min(BAR_AREA, BAR_AREA * e.value() / max);
            bars.add(new Bar(
                    e.label(),
                    shorten(e.label(), 26),
                    e.value(),
                    Math.round(length * 10) / 10.0,
                    e.display(),
                    e.tone()));
        }
        return bars;
    }

    public static Entry entry(String label, Number value, String display, String tone) {
        return new Entry(label, value.doubleValue(), display, tone);
    }

    public static Entry entry(String label, BigDecimal value, String display, String tone) {
        return new Entry(label, value.doubleValue(), display, tone);
    }

    /** A bar chart of the entries, scaled as {@link #bars}. */
    public static Chart chart(String title, List<Entry> entries, double scale) {
        return new Chart(title, bars(entries, scale), Math.max(1, entries.size()) * 26 + 6);
    }

    /** Columns scaled to the largest value. */
    public static Columns columns(String title, List<Entry> entries) {
        double max = entries.stream().mapToDouble(Entry::value).max().orElse(0);
        List<Column> columns = new ArrayList<>();
        for (Entry e : entries) {
            double h = max <= 0 ? 0 : COLUMN_AREA * e.value() / max;
            columns.add(new Column(e.label(), Math.round(h * 10) / 10.0, e.display()));
        }
        return new Columns(title, columns, Math.max(1, entries.size()) * 56 + 16);
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1).strip() + "…";
    }

    static String tone(String prefix, Object key) {
        return (prefix + "-" + key).toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
