package vn.ocop.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ocop.geography.AdminUnit;
import vn.ocop.identity.CurrentUser;
import vn.ocop.producer.LegalType;
import vn.ocop.product.Classification;
import vn.ocop.reporting.Summary.CertifiedProducts;
import vn.ocop.reporting.Summary.Period;
import vn.ocop.shared.OcopClock;
import vn.ocop.shared.OcopException;

/**
 * The one query layer of the programme's figures: dashboards, report pages, exports, plan progress and the API all ask
 * it, so they cannot disagree. Reads only the reporting read model. Every public method checks that the user may read
 * the unit ({@link ReportUnits}): 403 otherwise, 404 for an unknown unit.
 */
@Service
@Transactional(readOnly = true)
public class ReportFigures {

    /** The star keys of certified products, always all present. */
    static final List<String> CERTIFIED_STARS = List.of("3", "4", "5");

    static final List<String> FLAGS = List.of("SME", "CRAFT_VILLAGE", "WOMEN_LED", "ETHNIC_MINORITY_AREA");

    /** Longest period a report covers (a five-year plan and then some). */
    static final int MAX_PERIOD_YEARS = 10;

    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    /** In force on a day (four parameters: the day): issued, not yet ended, not suspended. */
    private static final String IN_FORCE = inForce("");

    /**
     * {@link #IN_FORCE} with a join (e.g. the legacy attribution of its commune). Certificates whose producer is not
     * known yet ({@code legal_type} unset) are not counted anywhere, so every unit's figures add up to the nation's.
     */
    private static String inForce(String join) {
        return """

                  FROM report_certificate c""" + join + """

                 WHERE c.legal_type IS NOT NULL AND c.issued_on <= ? AND c.valid_until > ?
                   AND NOT EXISTS (SELECT 1 FROM report_suspension s
                                    WHERE s.certificate_id = c.id AND s.from_on <= ?
                                      AND (s.until_on IS NULL OR s.until_on > ?))""";
    }

    /**
     * A report's question: unit ({@code null} = the nation), edition ({@code current} or {@code legacy}, default
     * current), the day of the stocks (default today) and the period of the flows (default: 1 January of
     * {@code asOf}'s year to {@code asOf}).
     */
    public record Query(
            @Nullable String unit,
            @Nullable String edition,
            @Nullable LocalDate asOf,
            @Nullable LocalDate from,
            @Nullable LocalDate to) {}

    private final JdbcTemplate jdbc;
    private final ReportUnits units;
    private final Classification classification;
    private final Clock clock;

    ReportFigures(JdbcTemplate jdbc, ReportUnits units, Classification classification, Clock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.classification = classification;
        this.clock = clock;
    }

    /** The figures of a unit; see {@link Summary}. */
    public Summary summary(Query query, CurrentUser actor) {
        ReportUnits.Resolved unit = readable(query.unit(), query.edition(), actor);
        LocalDate asOf = asOf(query.asOf());
        return summary(unit, asOf, period(query.from(), query.to(), asOf));
    }

    /** The unit of a query, if the user may read it (403/404 otherwise). */
    public ReportUnit unit(@Nullable String code, @Nullable String edition, CurrentUser actor) {
        return readable(code, edition, actor).unit();
    }

    /** Whether the user may read any report (the menu and dashboard show the links only then). */
    public boolean readsReports(CurrentUser actor) {
        return units.readsReports(actor);
    }

    /** The unit a user's reports open on: their jurisdiction, or {@code null} (the nation) for nationwide roles. */
    public @Nullable String homeUnit(CurrentUser actor) {
        return units.homeUnit(actor);
    }

    /** The provinces of an edition whose reports the user may read, in Vietnamese order. */
    public List<ReportUnit> provinceChoices(@Nullable String edition, CurrentUser actor) {
        ReportUnits.Resolved nation = units.resolve(null, edition);
        List<ReportUnit> choices = new ArrayList<>();
        if (!units.readsReports(actor)) {
            return choices;
        }
        for (AdminUnit province : units.provinces(nation.unit().edition())) {
            ReportUnits.Resolved resolved =
                    units.resolve(province.code(), nation.unit().edition());
            if (units.mayRead(actor, resolved)) {
                choices.add(resolved.unit());
            }
        }
        return choices;
    }

    /** The communes (current scheme) of a province whose reports the user may read; empty for other units. */
    public List<ReportUnit> communeChoices(@Nullable String province, CurrentUser actor) {
        if (province == null || province.isBlank() || !units.readsReports(actor)) {
            return List.of();
        }
        AdminUnit unit = units.units()
                .find(vn.ocop.geography.AdminEdition.CURRENT, province.strip())
                .orElse(null);
        if (unit == null || !unit.isProvince()) {
            return List.of();
        }
        return units.units().children(vn.ocop.geography.AdminEdition.CURRENT, unit.code()).stream()
                .map(c -> new ReportUnit(c.code(), c.fullName(), ReportUnit.CURRENT, c.level()))
                .filter(c -> units.mayRead(actor, units.resolve(c.code(), null)))
                .toList();
    }

    /** The province (current scheme) a unit lies in; {@code null} for an unknown code. */
    public @Nullable String provinceOf(@Nullable String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return units.units()
                .find(vn.ocop.geography.AdminEdition.CURRENT, code.strip())
                .map(AdminUnit::provinceCode)
                .orElse(null);
    }

    /** Today, and the period of the flows when none is given, for pages that show their defaults. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The period a query means: its dates, or the defaults, checked. */
    public Period period(Query query) {
        LocalDate asOf = asOf(query.asOf());
        return period(query.from(), query.to(), asOf);
    }

    /** The day of the stocks a query means (default today), checked. */
    public LocalDate asOf(@Nullable LocalDate asOf) {
        LocalDate day = asOf == null ? today() : asOf;
        if (day.isBefore(EARLIEST) || day.isAfter(LATEST)) {
            throw new OcopException(ReportingError.INVALID_PERIOD, day, EARLIEST, LATEST);
        }
        return day;
    }

    Summary summary(ReportUnits.Resolved unit, LocalDate asOf, Period period) {
        Selection all = Selection.of(unit);
        Stocks stocks = stocks(all, asOf);
        long villages = craftVillageCount(all, asOf, false);
        return new Summary(
                unit.unit(),
                asOf,
                period,
                stocks.products(),
                stocks.producers(),
                new Summary.CraftVillages(
                        villages, stocks.villagesCertified(), share(stocks.villagesCertified(), villages)),
                certificates(all, period),
                evaluations(all, period),
                proposals(all, period),
                dossiersByStage(all, asOf),
                support(unit, period));
    }

    // --- stocks on a day ------------------------------------------------------------------------------------------

    /** The stocks of a day, counted in one pass over the certificates in force. */
    private record Stocks(CertifiedProducts products, Summary.Producers producers, long villagesCertified) {}

    /**
     * Certified products by star, criteria set and legal type, the producers holding them by legal type and flag, and
     * their distinct craft villages: one statement, the certificates in force read once (from the index).
     */
    private Stocks stocks(Selection selection, LocalDate day) {
        StringBuilder inForce = new StringBuilder("""
                SELECT c.star, c.criteria_set_no, c.producer_id, c.legal_type, c.sme, c.craft_village, c.women_led,
                       c.ethnic_minority_area, c.village_key AS village""" + IN_FORCE);
        List<Object> params = inForceParams(day);
        selection.appendTo(inForce, params, "c.star");
        String sql = "WITH f AS MATERIALIZED (" + inForce + """
                )
                SELECT 'P' AS part, star, criteria_set_no, legal_type, false AS sme, false AS craft_village,
                       false AS women_led, false AS ethnic_minority_area, count(*) AS n
                  FROM f GROUP BY star, criteria_set_no, legal_type
                UNION ALL
                SELECT 'R', NULL, NULL, legal_type, sme, craft_village, women_led, ethnic_minority_area, count(*)
                  FROM (SELECT DISTINCT producer_id, legal_type, sme, craft_village, women_led, ethnic_minority_area
                          FROM f) producers
                 GROUP BY legal_type, sme, craft_village, women_led, ethnic_minority_area
                UNION ALL
                SELECT 'V', NULL, NULL, NULL, false, false, false, false, count(DISTINCT village) FROM f""";
        Map<String, Long> byStar = zeros(CERTIFIED_STARS);
        Map<String, Long> productsByType = zeros(legalTypes());
        Map<Integer, Long> bySet = new HashMap<>();
        Map<String, Long> producersByType = zeros(legalTypes());
        Map<String, Long> byFlag = zeros(FLAGS);
        long[] totals = {0, 0, 0};
        jdbc.query(
                sql,
                rs -> {
                    long n = rs.getLong("n");
                    switch (rs.getString("part")) {
                        case "P" -> {
                            totals[0] += n;
                            byStar.merge(Integer.toString(rs.getInt("star")), n, Long::sum);
                            productsByType.merge(rs.getString("legal_type"), n, Long::sum);
                            bySet.merge(rs.getInt("criteria_set_no"), n, Long::sum);
                        }
                        case "R" -> {
                            totals[1] += n;
                            producersByType.merge(rs.getString("legal_type"), n, Long::sum);
                            for (String flag : FLAGS) {
                                if (rs.getBoolean(flag.toLowerCase(java.util.Locale.ROOT))) {
                                    byFlag.merge(flag, n, Long::sum);
                                }
                            }
                        }
                        default -> totals[2] = n;
                    }
                },
                params.toArray());
        List<Summary.SetCount> sets = new ArrayList<>();
        Map<String, Summary.GroupCount> groups = new LinkedHashMap<>();
        for (Classification.CriteriaSetInfo set : classification.criteriaSets()) {
            long n = bySet.getOrDefault(set.setNo(), 0L);
            groups.merge(
                    set.groupCode(),
                    new Summary.GroupCount(set.groupCode(), set.groupName(), n),
                    (a, b) -> new Summary.GroupCount(a.code(), a.name(), a.count() + b.count()));
            if (n > 0) {
                sets.add(new Summary.SetCount(set.setNo(), set.setName(), set.groupCode(), n));
            }
        }
        return new Stocks(
                new CertifiedProducts(
                        totals[0],
                        byStar,
                        shares(byStar, totals[0]),
                        productsByType,
                        List.copyOf(groups.values()),
                        sets),
                new Summary.Producers(
                        totals[1],
                        producersByType,
                        shares(producersByType, totals[1]),
                        byFlag,
                        shares(byFlag, totals[1])),
                totals[2]);
    }

    /**
     * Distinct craft villages (by province and name, ignoring accents and case) named by the unit's producers that are
     * not dissolved; with {@code certifiedOnly}, those with a producer holding a certified product on {@code day}.
     */
    long craftVillageCount(Selection selection, LocalDate day, boolean certifiedOnly) {
        StringBuilder sql = new StringBuilder(
                "SELECT count(DISTINCT pr.village_key) FROM report_producer pr WHERE pr.village_key IS NOT NULL");
        List<Object> params = Selection.params();
        sql.append(" AND ").append(selection.unit().condition("pr.commune_code", "pr.province_code"));
        params.addAll(selection.unit().parameters());
        if (certifiedOnly) {
            StringBuilder inner = new StringBuilder("SELECT c.producer_id" + IN_FORCE);
            params.addAll(inForceParams(day));
            selection.appendTo(inner, params, "c.star");
            sql.append(" AND pr.id IN (").append(inner).append(")");
        }
        return count(sql.toString(), params);
    }

    private Map<String, Long> dossiersByStage(Selection selection, LocalDate day) {
        Map<String, Long> stages = zeros(List.of(
                "DRAFT",
                "SUBMITTED",
                "RETURNED",
                "FORWARDED",
                "UNDER_EVALUATION",
                "RATED",
                "KNOCKED_OUT",
                "WITHDRAWN"));
        StringBuilder sql = new StringBuilder("""
                SELECT s.status, count(*) AS n
                  FROM (SELECT DISTINCT ON (st.dossier_id) st.dossier_id, st.status
                          FROM report_dossier_step st WHERE st.at < ?
                         ORDER BY st.dossier_id, st.at DESC, st.status) s
                  JOIN report_dossier d ON d.id = s.dossier_id
                  JOIN report_product p ON p.id = d.product_id
                  JOIN report_producer pr ON pr.id = p.producer_id
                 WHERE TRUE""");
        List<Object> params = Selection.params();
        params.add(
                Timestamp.from(day.plusDays(1).atStartOfDay(OcopClock.VIETNAM).toInstant()));
        selection.appendTo(sql, params, null, "p.criteria_set_no", "pr");
        sql.append(" GROUP BY s.status");
        jdbc.query(
                sql.toString(),
                rs -> {
                    stages.put(rs.getString("status"), rs.getLong("n"));
                },
                params.toArray());
        return stages;
    }

    // --- flows over a period --------------------------------------------------------------------------------------

    private Summary.Certificates certificates(Selection selection, Period period) {
        StringBuilder sql = new StringBuilder("""
                SELECT c.kind, c.star, count(*) AS n
                  FROM report_certificate c
                 WHERE c.legal_type IS NOT NULL AND c.issued_on BETWEEN ? AND ?""");
        List<Object> params = Selection.params();
        params.add(period.from());
        params.add(period.to());
        selection.appendTo(sql, params, "c.star");
        sql.append(" GROUP BY 1, 2");
        Map<String, Long> byKind = zeros(List.of("NEW", "UPGRADE", "REEVALUATION"));
        Map<String, Long> byStar = zeros(CERTIFIED_STARS);
        jdbc.query(
                sql.toString(),
                rs -> {
                    byKind.merge(rs.getString("kind"), rs.getLong("n"), Long::sum);
                    byStar.merge(Integer.toString(rs.getInt("star")), rs.getLong("n"), Long::sum);
                },
                params.toArray());
        long issued = byKind.values().stream().mapToLong(Long::longValue).sum();
        return new Summary.Certificates(
                issued,
                byKind.get("NEW"),
                byKind.get("UPGRADE"),
                byKind.get("REEVALUATION"),
                byStar,
                ended(selection, period, "c.valid_until = c.expires_on + 1 AND c.expires_on BETWEEN ? AND ?"),
                ended(selection, period, "c.revoked_on BETWEEN ? AND ?"));
    }

    private long ended(Selection selection, Period period, String condition) {
        StringBuilder sql = new StringBuilder("""
                SELECT count(*)
                  FROM report_certificate c
                 WHERE c.legal_type IS NOT NULL AND""").append(' ').append(condition);
        List<Object> params = Selection.params();
        params.add(period.from());
        params.add(period.to());
        selection.appendTo(sql, params, "c.star");
        return count(sql.toString(), params);
    }

    private Summary.Evaluations evaluations(Selection selection, Period period) {
        Map<String, Long> byStar = zeros(List.of("1", "2", "3", "4", "5"));
        StringBuilder sql = new StringBuilder("SELECT r.star, count(*) AS n FROM (" + latestRatings());
        List<Object> params = Selection.params();
        params.add(period.from());
        params.add(period.to());
        Selection.of(selection.unit()).appendTo(sql, params, null, "p.criteria_set_no", "pr");
        sql.append(" ORDER BY r.product_id, r.rated_on DESC, r.id DESC) r GROUP BY r.star");
        long[] total = {0};
        jdbc.query(
                sql.toString(),
                rs -> {
                    byStar.put(Integer.toString(rs.getInt("star")), rs.getLong("n"));
                    total[0] += rs.getLong("n");
                },
                params.toArray());
        long reaching = byStar.get("3") + byStar.get("4") + byStar.get("5");
        return new Summary.Evaluations(total[0], byStar, reaching, share(reaching, total[0]));
    }

    /** Each product's latest rating in a period (two parameters: first and last day); to be closed with ORDER BY. */
    private static String latestRatings() {
        return """
                SELECT DISTINCT ON (r.product_id) r.product_id, r.star, r.id, r.rated_on, p.criteria_set_no
                  FROM report_rating r
                  JOIN report_product p ON p.id = r.product_id
                  JOIN report_producer pr ON pr.id = p.producer_id
                 WHERE r.rated_on BETWEEN ? AND ?""";
    }

    private long proposals(Selection selection, Period period) {
        StringBuilder sql = new StringBuilder("""
                SELECT count(*)
                  FROM report_dossier d
                  JOIN report_product p ON p.id = d.product_id
                  JOIN report_producer pr ON pr.id = p.producer_id
                 WHERE d.kind = 'PROPOSAL' AND d.created_on BETWEEN ? AND ?""");
        List<Object> params = Selection.params();
        params.add(period.from());
        params.add(period.to());
        selection.appendTo(sql, params, null, "p.criteria_set_no", "pr");
        return count(sql.toString(), params);
    }

    private Summary.Support support(ReportUnits.Resolved unit, Period period) {
        String sql = """
                WITH a AS (SELECT a.id, a.budget FROM report_support_activity a
                            WHERE a.held_on BETWEEN ? AND ? AND %s)
                SELECT (SELECT count(*) FROM a) AS activities,
                       (SELECT coalesce(sum(budget), 0) FROM a) AS budget,
                       (SELECT count(DISTINCT producer_id) FROM report_support_beneficiary
                         WHERE activity_id IN (SELECT id FROM a)) AS producers,
                       (SELECT count(DISTINCT product_id) FROM report_support_beneficiary
                         WHERE activity_id IN (SELECT id FROM a)) AS products""".formatted(unit.condition("a.unit_code", "a.province_code"));
        List<Object> params = Selection.params();
        params.add(period.from());
        params.add(period.to());
        params.addAll(unit.parameters());
        return Objects.requireNonNull(jdbc.queryForObject(
                sql,
                (rs, n) -> new Summary.Support(
                        rs.getLong("activities"),
                        rs.getBigDecimal("budget"),
                        rs.getLong("producers"),
                        rs.getLong("products")),
                params.toArray()));
    }

    // --- single measures, for plan targets ------------------------------------------------------------------------

    /** Products with a certificate in force on {@code day} matching the selection. */
    long certifiedProductCount(Selection selection, LocalDate day) {
        StringBuilder sql = new StringBuilder("SELECT count(*)" + IN_FORCE);
        List<Object> params = inForceParams(day);
        selection.appendTo(sql, params, "c.star");
        return count(sql.toString(), params);
    }

    /** Producers with a certificate in force on {@code day} matching the selection (legal type, flag, group). */
    long certifiedProducerCount(Selection selection, LocalDate day) {
        StringBuilder sql = new StringBuilder("SELECT count(DISTINCT c.producer_id)" + IN_FORCE);
        List<Object> params = inForceParams(day);
        selection.appendTo(sql, params, "c.star");
        return count(sql.toString(), params);
    }

    /** Certificates issued in the period matching the selection (stars, kinds, group, producer). */
    long issuedCount(Selection selection, Period period) {
        StringBuilder sql = new StringBuilder("""
                SELECT count(*)
                  FROM report_certificate c
                 WHERE c.legal_type IS NOT NULL AND c.issued_on BETWEEN ? AND ?""");
        List<Object> params = Selection.params();
        params.add(period.from());
        params.add(period.to());
        selection.appendTo(sql, params, "c.star");
        selection.appendKinds(sql, params);
        return count(sql.toString(), params);
    }

    /** Products evaluated in the period whose latest result there matches the selection's stars. */
    long evaluatedCount(Selection selection, Period period) {
        StringBuilder sql = new StringBuilder("SELECT count(*) FROM (" + latestRatings());
        List<Object> params = Selection.params();
        params.add(period.from());
        params.add(period.to());
        new Selection(selection.unit(), null, null, List.of(), null, null, selection.criteriaSets())
                .appendTo(sql, params, null, "p.criteria_set_no", "pr");
        sql.append(" ORDER BY r.product_id, r.rated_on DESC, r.id DESC) r WHERE TRUE");
        if (selection.minStar() != null) {
            sql.append(" AND r.star >= ?");
            params.add(selection.minStar());
        }
        if (selection.maxStar() != null) {
            sql.append(" AND r.star <= ?");
            params.add(selection.maxStar());
        }
        return count(sql.toString(), params);
    }

    long proposalCount(Selection selection, Period period) {
        return proposals(selection, period);
    }

    /** Support activities held in the period in the unit. */
    long supportActivityCount(ReportUnits.Resolved unit, Period period) {
        return support(unit, period).activities();
    }

    /** Producers supported by activities held in the period in the unit. */
    long supportedProducerCount(ReportUnits.Resolved unit, Period period) {
        return support(unit, period).producers();
    }

    /** Per current commune of the unit: certified products (or producers) in force on {@code day}. */
    Map<String, Long> perCommune(Selection selection, LocalDate day, boolean producers) {
        StringBuilder sql = new StringBuilder("SELECT c.commune_code, "
                + (producers ? "count(DISTINCT c.producer_id)" : "count(*)") + " AS n" + IN_FORCE);
        List<Object> params = inForceParams(day);
        selection.appendTo(sql, params, "c.star");
        sql.append(" GROUP BY c.commune_code");
        Map<String, Long> counts = new HashMap<>();
        jdbc.query(
                sql.toString(),
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                },
                params.toArray());
        return counts;
    }

    // --- comparison and trend -------------------------------------------------------------------------------------

    /** One unit's line in a comparison of provinces. */
    public record ProvinceLine(
            String code,
            String name,
            long certifiedProducts,
            Map<String, Long> byStar,
            long producers,
            long cooperatives,
            BigDecimal cooperativeShare,
            long issued) {}

    /** Every province of an edition side by side, and the nation (the sum of the lines, by construction). */
    public record Comparison(
            String edition, LocalDate asOf, Period period, List<ProvinceLine> provinces, ProvinceLine nation) {}

    /**
     * The provinces of an edition compared on {@code asOf} and over the period: for nationwide roles only (a province
     * officer compares its communes on its own report). Legacy provinces are counted through the commune mapping.
     */
    public Comparison provinces(Query query, CurrentUser actor) {
        ReportUnits.Resolved nation = readable(null, query.edition(), actor);
        LocalDate asOf = asOf(query.asOf());
        Period period = period(query.from(), query.to(), asOf);
        boolean legacy = nation.unit().legacy();
        String key = legacy ? "rc.legacy_province_code" : "c.province_code";
        String join = legacy ? " JOIN report_commune rc ON rc.code = c.commune_code" : "";
        Map<String, long[]> stars = new HashMap<>();
        jdbc.query(
                "SELECT " + key + ", c.star, count(*)" + inForce(join) + " GROUP BY 1, 2",
                rs -> {
                    long[] line = stars.computeIfAbsent(rs.getString(1), k -> new long[3]);
                    line[rs.getInt(2) - 3] += rs.getLong(3);
                },
                inForceParams(asOf).toArray());
        Map<String, long[]> producers = new HashMap<>();
        jdbc.query(
                "SELECT " + key + ", count(DISTINCT c.producer_id),"
                        + " count(DISTINCT c.producer_id) FILTER (WHERE c.legal_type = 'COOPERATIVE')"
                        + inForce(join) + " GROUP BY 1",
                rs -> {
                    producers.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                },
                inForceParams(asOf).toArray());
        Map<String, Long> issued = new HashMap<>();
        jdbc.query(
                "SELECT " + key + ", count(*) FROM report_certificate c" + join
                        + " WHERE c.legal_type IS NOT NULL AND c.issued_on BETWEEN ? AND ? GROUP BY 1",
                rs -> {
                    issued.put(rs.getString(1), rs.getLong(2));
                },
                period.from(),
                period.to());
        List<ProvinceLine> lines = new ArrayList<>();
        long[] totalStars = new long[3];
        long totalProducers = 0;
        long totalCooperatives = 0;
        long totalIssued = 0;
        for (AdminUnit province : units.provinces(nation.unit().edition())) {
            long[] s = stars.getOrDefault(province.code(), new long[3]);
            long[] pr = producers.getOrDefault(province.code(), new long[2]);
            long is = issued.getOrDefault(province.code(), 0L);
            lines.add(line(province.code(), province.fullName(), s, pr[0], pr[1], is));
            for (int i = 0; i < 3; i++) {
                totalStars[i] += s[i];
            }
            totalProducers += pr[0];
            totalCooperatives += pr[1];
            totalIssued += is;
        }
        return new Comparison(
                nation.unit().edition(),
                asOf,
                period,
                lines,
                line("", ReportUnits.NATION_NAME, totalStars, totalProducers, totalCooperatives, totalIssued));
    }

    private static ProvinceLine line(
            String code, String name, long[] stars, long producers, long cooperatives, long issued) {
        Map<String, Long> byStar = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            byStar.put(CERTIFIED_STARS.get(i), stars[i]);
        }
        return new ProvinceLine(
                code,
                name,
                stars[0] + stars[1] + stars[2],
                byStar,
                producers,
                cooperatives,
                share(cooperatives, producers),
                issued);
    }

    /** One year of a trend: stocks at its end (or on {@code asOf} for the current year), flows within it. */
    public record YearLine(
            int year,
            LocalDate stockOn,
            long certifiedProducts,
            Map<String, Long> byStar,
            long producers,
            long issued,
            long newlyCertified,
            long upgraded,
            long reevaluated) {}

    /** A unit's figures year by year. */
    public record Trend(ReportUnit unit, List<YearLine> years) {}

    /** The unit's figures for each year from {@code firstYear} to {@code asOf}'s year (at most ten years). */
    public Trend trend(Query query, int firstYear, CurrentUser actor) {
        ReportUnits.Resolved unit = readable(query.unit(), query.edition(), actor);
        LocalDate asOf = asOf(query.asOf());
        int first = Math.max(firstYear, asOf.getYear() - MAX_PERIOD_YEARS + 1);
        List<YearLine> years = new ArrayList<>();
        Selection all = Selection.of(unit);
        for (int year = first; year <= asOf.getYear(); year++) {
            LocalDate end = year == asOf.getYear() ? asOf : LocalDate.of(year, 12, 31);
            Stocks stock = stocks(all, end);
            Summary.Certificates flow = certificates(all, new Period(LocalDate.of(year, 1, 1), end));
            years.add(new YearLine(
                    year,
                    end,
                    stock.products().total(),
                    stock.products().byStar(),
                    stock.producers().withCertifiedProducts(),
                    flow.issued(),
                    flow.newlyCertified(),
                    flow.upgraded(),
                    flow.reevaluated()));
        }
        return new Trend(unit.unit(), years);
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    ReportUnits.Resolved readable(@Nullable String code, @Nullable String edition, CurrentUser actor) {
        if (!units.readsReports(actor)) {
            throw OcopException.forbidden();
        }
        ReportUnits.Resolved unit = units.resolve(code, edition);
        units.checkRead(actor, unit);
        return unit;
    }

    Period period(@Nullable LocalDate from, @Nullable LocalDate to, LocalDate asOf) {
        LocalDate end = to == null ? asOf : to;
        LocalDate start = from == null ? end.withDayOfYear(1) : from;
        if (start.isAfter(end)
                || start.isBefore(EARLIEST)
                || end.isAfter(LATEST)
                || ChronoUnit.YEARS.between(start, end) >= MAX_PERIOD_YEARS) {
            throw new OcopException(ReportingError.INVALID_PERIOD, start, end, MAX_PERIOD_YEARS);
        }
        return new Period(start, end);
    }

    private long count(String sql, List<Object> params) {
        Long n = jdbc.queryForObject(sql, Long.class, params.toArray());
        return n == null ? 0 : n;
    }

    private static List<Object> inForceParams(LocalDate day) {
        List<Object> params = Selection.params();
        params.add(day);
        params.add(day);
        params.add(day);
        params.add(day);
        return params;
    }

    static List<String> legalTypes() {
        return java.util.Arrays.stream(LegalType.values()).map(Enum::name).toList();
    }

    private static Map<String, Long> zeros(List<String> keys) {
        Map<String, Long> map = new LinkedHashMap<>();
        keys.forEach(k -> map.put(k, 0L));
        return map;
    }

    private static Map<String, BigDecimal> shares(Map<String, Long> counts, long total) {
        Map<String, BigDecimal> shares = new LinkedHashMap<>();
        counts.forEach((k, v) -> shares.put(k, share(v, total)));
        return shares;
    }

    /** {@code part} as a percentage of {@code whole} with 4 decimals, half up; 0 when the whole is 0. */
    public static BigDecimal shareOf(long part, long whole) {
        return share(part, whole);
    }

    static BigDecimal share(long part, long whole) {
        if (whole == 0) {
            return BigDecimal.ZERO.setScale(4);
        }
        return BigDecimal.valueOf(part)
                .multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    static <T> T require(@Nullable T value) {
        return Objects.requireNonNull(value);
    }
}
