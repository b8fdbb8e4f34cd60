package vn.ocop.reporting.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.ocop.reporting.PlanProgress;
import vn.ocop.reporting.ReportFigures;
import vn.ocop.reporting.Summary;

/**
 * Turns figures into what pages, the dashboard and the PDF show: labelled rows and charts in the reader's language.
 * Every chart is built from the same rows as the table beside it.
 */
@Component
class ReportModels {

    /** A labelled row of a table: a count and, where there is a denominator, its share. */
    record Row(String key, String label, long count, BigDecimal share) {}

    private final MessageSource messages;

    ReportModels(MessageSource messages) {
        this.messages = messages;
    }

    String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    List<Row> byStar(Summary s, Locale locale) {
        List<Row> rows = new ArrayList<>();
        s.certifiedProducts()
                .byStar()
                .forEach((star, n) -> rows.add(new Row(
                        star,
                        text("report.stars", locale, star),
                        n,
                        s.certifiedProducts().shareByStar().get(star))));
        return rows;
    }

    List<Row> producersByType(Summary s, Locale locale) {
        List<Row> rows = new ArrayList<>();
        s.producers()
                .byLegalType()
                .forEach((type, n) -> rows.add(new Row(
                        type,
                        text("legalType." + type, locale),
                        n,
                        s.producers().shareByLegalType().get(type))));
        return rows;
    }

    List<Row> producersByFlag(Summary s, Locale locale) {
        List<Row> rows = new ArrayList<>();
        s.producers()
                .byFlag()
                .forEach((flag, n) -> rows.add(new Row(
                        flag,
                        text("report.flag." + flag, locale),
                        n,
                        s.producers().shareByFlag().get(flag))));
        return rows;
    }

    List<Row> byGroup(Summary s) {
        long total = s.certifiedProducts().total();
        return s.certifiedProducts().byGroup().stream()
                .map(g -> new Row(
                        g.code(), g.code() + " " + g.name(), g.count(), ReportFigures.shareOf(g.count(), total)))
                .toList();
    }

    List<Row> dossiers(Summary s, Locale locale) {
        List<Row> rows = new ArrayList<>();
        long total =
                s.dossiersByStage().values().stream().mapToLong(Long::longValue).sum();
        s.dossiersByStage()
                .forEach((stage, n) -> rows.add(
                        new Row(stage, text("eval.status." + stage, locale), n, ReportFigures.shareOf(n, total))));
        return rows;
    }

    List<Row> evaluations(Summary s, Locale locale) {
        List<Row> rows = new ArrayList<>();
        long total = s.evaluations().products();
        s.evaluations()
                .byStar()
                .forEach((star, n) -> rows.add(
                        new Row(star, text("report.stars", locale, star), n, ReportFigures.shareOf(n, total))));
        return rows;
    }

    Charts.Chart chart(String title, List<Row> rows, Formats f, String tonePrefix, boolean shares) {
        List<Charts.Entry> entries = new ArrayList<>();
        for (Row r : rows) {
            entries.add(Charts.entry(
                    r.label(),
                    r.count(),
                    shares ? f.count(r.count()) + " (" + f.percent(r.share()) + ")" : f.count(r.count()),
                    tonePrefix.isEmpty() ? "" : Charts.tone(tonePrefix, r.key())));
        }
        return Charts.chart(title, entries, 0);
    }

    /** Achievement of each measured target, on a 0–100 % scale (a reached target fills the bar). */
    Charts.Chart achievement(String title, PlanProgress progress, Formats f) {
        List<Charts.Entry> entries = new ArrayList<>();
        for (PlanProgress.Line line : progress.targets()) {
            if (line.achievement() == null) {
                continue;
            }
            String label = line.typeName() + (line.groupName() == null ? "" : " — " + line.groupName());
            entries.add(Charts.entry(
                    label,
                    line.achievement(),
                    f.wholePercent(line.achievement()),
                    line.reached() ? "reached" : "short"));
        }
        return Charts.chart(title, entries, 100);
    }

    Charts.Columns trend(String title, ReportFigures.Trend trend, Formats f) {
        List<Charts.Entry> entries = new ArrayList<>();
        for (ReportFigures.YearLine y : trend.years()) {
            entries.add(Charts.entry(
                    Integer.toString(y.year()), y.certifiedProducts(), f.count(y.certifiedProducts()), ""));
        }
        return Charts.columns(title, entries);
    }

    /** Certified products per province, for the choropleth. */
    static Map<String, Long> mapValues(ReportFigures.Comparison comparison) {
        Map<String, Long> values = new LinkedHashMap<>();
        comparison.provinces().forEach(p -> values.put(p.code(), p.certifiedProducts()));
        return values;
    }
}
