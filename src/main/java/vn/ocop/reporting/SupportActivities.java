package vn.ocop.reporting;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ocop.geography.AdminEdition;
import vn.ocop.geography.AdminUnit;
import vn.ocop.geography.GeographyError;
import vn.ocop.identity.AccessPolicy;
import vn.ocop.identity.Action;
import vn.ocop.identity.CurrentUser;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.producer.ProducerView;
import vn.ocop.product.ProductRegistry;
import vn.ocop.product.ProductView;
import vn.ocop.reporting.ReportingEvents.SupportActivityChanged;
import vn.ocop.reporting.Summary.Period;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.PageResult;
import vn.ocop.shared.db.SqlPage;

/**
 * Support given to producers, recorded by officers in their jurisdiction (a province, or a commune of it): kind, dates,
 * place, budget and its source, and the producers and products that benefited, each of which the officer must be able
 * to see. Reading follows the reports: whoever reads a unit's reports reads its activities. Every change is audited.
 */
@Service
@Transactional
public class SupportActivities {

    /** A beneficiary to record: a producer, and optionally one of its products. */
    public record BeneficiaryInput(
            @NotNull Long producerId, @Nullable Long productId) {}

    /**
     * What an officer records about an activity.
     *
     * @param unit the province or commune (current scheme) where it took place
     */
    public record Details(
            @NotNull SupportKind kind,
            @NotBlank @Size(max = 300) String title,
            @NotNull LocalDate heldOn,
            @Nullable LocalDate endsOn,
            @NotBlank @Size(max = 10) String unit,

            @Nullable @DecimalMin("0") @Digits(integer = 16, fraction = 0)
            BigDecimal budget,

            @Nullable FundingSource fundingSource,
            @Nullable @Size(max = 300) String fundingNote,
            @Nullable @Size(max = 5000) String description,
            @NotNull @Size(max = 500) List<@Valid @NotNull BeneficiaryInput> beneficiaries) {}

    /** Filters of the activity list; all optional. */
    public record Filter(
            @Nullable String unit,
            @Nullable SupportKind kind,
            @Nullable LocalDate from,
            @Nullable LocalDate to) {}

    /** One producer's support over a period, and what became of its supported products. */
    public record ProducerLine(
            long producerId,
            String producerName,
            String communeCode,
            int activities,
            List<SupportKind> kinds,
            int products,
            int certifiedAfter,
            int upgradedAfter) {}

    /**
     * Support over a period in a unit, per producer: products supported, and how many were then certified (a new
     * certificate) or upgraded, with the share of both among the products supported.
     */
    public record Report(
            ReportUnit unit,
            Period period,
            long activities,
            BigDecimal budget,
            Map<SupportKind, Long> activitiesByKind,
            List<ProducerLine> producers,
            long productsSupported,
            long certifiedAfter,
            long upgradedAfter,
            BigDecimal shareCertifiedOrUpgraded) {}

    private final JdbcTemplate jdbc;
    private final ReportUnits units;
    private final ReportFigures figures;
    private final AccessPolicy policy;
    private final ProducerRegistry producers;
    private final ProductRegistry products;
    private final ApplicationEventPublisher events;

    SupportActivities(
            JdbcTemplate jdbc,
            ReportUnits units,
            ReportFigures figures,
            AccessPolicy policy,
            ProducerRegistry producers,
            ProductRegistry products,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.units = units;
        this.figures = figures;
        this.policy = policy;
        this.producers = producers;
        this.products = products;
        this.events = events;
    }

    /** Whether the user may record activities somewhere (officers and the central office). */
    public boolean mayRecord(CurrentUser actor) {
        return units.readsReports(actor) && policy.allowsAction(actor, Action.EDIT_RECORDS);
    }

    /** Records an activity in a unit the actor may edit. */
    public SupportActivityView record(Details details, CurrentUser actor) {
        AdminUnit unit = checkedUnit(details, actor);
        List<BeneficiaryInput> beneficiaries = checkedBeneficiaries(details.beneficiaries(), actor);
        Long id = jdbc.queryForObject(
                """
                INSERT INTO report_support_activity (kind, title, held_on, ends_on, unit_code, province_code, budget,
                                                     funding_source, funding_note, description, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
                Long.class,
                details.kind().name(),
                details.title().strip(),
                details.heldOn(),
                details.endsOn(),
                unit.code(),
                unit.provinceCode(),
                details.budget(),
                details.fundingSource() == null ? null : details.fundingSource().name(),
                blankToNull(details.fundingNote()),
                blankToNull(details.description()),
                actor.username());
        long activity = Objects.requireNonNull(id);
        insertBeneficiaries(activity, beneficiaries);
        events.publishEvent(
                new SupportActivityChanged(activity, "recorded", unit.code(), summary(details, beneficiaries)));
        return get(activity, actor);
    }

    /** Changes an activity (its unit may move within the actor's jurisdiction); a stale {@code version} is 409. */
    public SupportActivityView update(long id, Details details, long version, CurrentUser actor) {
        Row row = editable(id, actor);
        AdminUnit unit = checkedUnit(details, actor);
        List<BeneficiaryInput> beneficiaries = checkedBeneficiaries(details.beneficiaries(), actor);
        int updated = jdbc.update(
                """
                UPDATE report_support_activity
                   SET kind = ?, title = ?, held_on = ?, ends_on = ?, unit_code = ?, province_code = ?, budget = ?,
                       funding_source = ?, funding_note = ?, description = ?, updated_at = now(), version = version + 1
                 WHERE id = ? AND version = ?""",
                details.kind().name(),
                details.title().strip(),
                details.heldOn(),
                details.endsOn(),
                unit.code(),
                unit.provinceCode(),
                details.budget(),
                details.fundingSource() == null ? null : details.fundingSource().name(),
                blankToNull(details.fundingNote()),
                blankToNull(details.description()),
                id,
                version);
        if (updated == 0) {
            throw new ObjectOptimisticLockingFailureException("support activity", id);
        }
        jdbc.update("DELETE FROM report_support_beneficiary WHERE activity_id = ?", id);
        insertBeneficiaries(id, beneficiaries);
        events.publishEvent(new SupportActivityChanged(
                id, "changed", unit.code(), "was " + row.unitCode() + "; " + summary(details, beneficiaries)));
        return get(id, actor);
    }

    /** Adds beneficiaries to an activity (those already there are kept once); a stale {@code version} is 409. */
    public SupportActivityView addBeneficiaries(
            long id, List<BeneficiaryInput> added, long version, CurrentUser actor) {
        Row row = editable(id, actor);
        List<BeneficiaryInput> beneficiaries = checkedBeneficiaries(added, actor);
        bump(id, version);
        jdbc.batchUpdate(
                """
                INSERT INTO report_support_beneficiary (activity_id, producer_id, product_id) VALUES (?, ?, ?)
                ON CONFLICT DO NOTHING""",
                beneficiaries.stream()
                        .map(b -> new Object[] {id, b.producerId(), b.productId()})
                        .toList());
        events.publishEvent(new SupportActivityChanged(
                id, "changed", row.unitCode(), "beneficiaries added: " + describe(beneficiaries)));
        return get(id, actor);
    }

    /** Removes one beneficiary (a producer, or one of its products) from an activity; stale {@code version}: 409. */
    public SupportActivityView removeBeneficiary(
            long id, long producerId, @Nullable Long productId, long version, CurrentUser actor) {
        Row row = editable(id, actor);
        bump(id, version);
        jdbc.update(
                "DELETE FROM report_support_beneficiary WHERE activity_id = ? AND producer_id = ?"
                        + " AND product_id IS NOT DISTINCT FROM ?",
                id,
                producerId,
                productId);
        events.publishEvent(new SupportActivityChanged(
                id,
                "changed",
                row.unitCode(),
                "beneficiary removed: " + describe(List.of(new BeneficiaryInput(producerId, productId)))));
        return get(id, actor);
    }

    private void bump(long id, long version) {
        if (jdbc.update(
                        "UPDATE report_support_activity SET version = version + 1, updated_at = now()"
                                + " WHERE id = ? AND version = ?",
                        id,
                        version)
                == 0) {
            throw new ObjectOptimisticLockingFailureException("support activity", id);
        }
    }

    private static String describe(List<BeneficiaryInput> beneficiaries) {
        return String.join(
                ", ",
                beneficiaries.stream()
                        .map(b -> "producer " + b.producerId()
                                + (b.productId() == null ? "" : "/product " + b.productId()))
                        .toList());
    }

    /** Removes an activity recorded by mistake; a stale {@code version} is 409. */
    public void remove(long id, long version, CurrentUser actor) {
        Row row = editable(id, actor);
        jdbc.update("DELETE FROM report_support_beneficiary WHERE activity_id = ?", id);
        int deleted = jdbc.update("DELETE FROM report_support_activity WHERE id = ? AND version = ?", id, version);
        if (deleted == 0) {
            throw new ObjectOptimisticLockingFailureException("support activity", id);
        }
        events.publishEvent(new SupportActivityChanged(id, "removed", row.unitCode(), row.kind() + ": " + row.title()));
    }

    /** An activity; 404 when unknown, 403 when the actor may not read its unit's reports. */
    @Transactional(readOnly = true)
    public SupportActivityView get(long id, CurrentUser actor) {
        Row row = row(id);
        checkRead(row, actor);
        return view(row);
    }

    /** Whether the actor may change or remove the activity. */
    public boolean mayEdit(SupportActivityView activity, CurrentUser actor) {
        return mayRecord(actor)
                && policy.permits(actor, Action.EDIT_RECORDS, activity.unit().code());
    }

    /**
     * Activities in a unit (default: the actor's own), newest first, filtered by kind and dates (an activity counts
     * where it took place: a commune's figures do not include province-wide activities).
     */
    @Transactional(readOnly = true)
    public PageResult<SupportActivityView> list(Filter filter, int page, int size, CurrentUser actor) {
        String code = filter.unit() == null || filter.unit().isBlank() ? units.homeUnit(actor) : filter.unit();
        ReportUnits.Resolved unit = figures.readable(code, null, actor);
        StringBuilder where = new StringBuilder(" WHERE ").append(unit.condition("a.unit_code", "a.province_code"));
        List<Object> params = new ArrayList<>(unit.parameters());
        if (filter.kind() != null) {
            where.append(" AND a.kind = ?");
            params.add(filter.kind().name());
        }
        if (filter.from() != null) {
            where.append(" AND a.held_on >= ?");
            params.add(filter.from());
        }
        if (filter.to() != null) {
            where.append(" AND a.held_on <= ?");
            params.add(filter.to());
        }
        return SqlPage.of(
                        JdbcClient.create(jdbc),
                        "a.*",
                        "report_support_activity a",
                        where.toString(),
                        params,
                        "a.held_on DESC, a.id DESC",
                        page,
                        size,
                        SupportActivities::row)
                .map(this::view);
    }

    /**
     * Support over a period in a unit (current or legacy), per producer; see {@link Report}. Without a unit, of the
     * actor's own (the nation for nationwide roles), as the activity list.
     */
    @Transactional(readOnly = true)
    public Report report(ReportFigures.Query query, CurrentUser actor) {
        String code = query.unit() == null || query.unit().isBlank()
                ? (ReportUnit.LEGACY.equals(query.edition()) ? null : units.homeUnit(actor))
                : query.unit();
        ReportUnits.Resolved unit = figures.readable(code, query.edition(), actor);
        Period period = figures.period(query);
        String where = " WHERE a.held_on BETWEEN ? AND ? AND " + unit.condition("a.unit_code", "a.province_code");
        List<Object> params = new ArrayList<>(List.of(period.from(), period.to()));
        params.addAll(unit.parameters());
        Map<SupportKind, Long> byKind = new LinkedHashMap<>();
        for (SupportKind kind : SupportKind.values()) {
            byKind.put(kind, 0L);
        }
        BigDecimal[] budget = {BigDecimal.ZERO};
        long[] activities = {0};
        jdbc.query(
                "SELECT a.kind, count(*), coalesce(sum(a.budget), 0) FROM report_support_activity a" + where
                        + " GROUP BY a.kind",
                rs -> {
                    byKind.put(SupportKind.valueOf(rs.getString(1)), rs.getLong(2));
                    activities[0] += rs.getLong(2);
                    budget[0] = budget[0].add(rs.getBigDecimal(3));
                },
                params.toArray());
        // Per supported product: the first certificate from the first day of its first support on, new or upgrade.
        Map<Long, ProducerLine> lines = new LinkedHashMap<>();
        jdbc.query(
                """
                WITH b AS (SELECT b.producer_id, b.product_id, a.kind, a.held_on, a.id
                             FROM report_support_activity a
                             JOIN report_support_beneficiary b ON b.activity_id = a.id""" + where + """
                        ),
                     products AS (SELECT producer_id, product_id, min(held_on) AS first_support
                                    FROM b WHERE product_id IS NOT NULL GROUP BY 1, 2),
                     outcome AS (SELECT s.producer_id, s.product_id,
                                        (SELECT c.kind FROM report_certificate c
                                          WHERE c.product_id = s.product_id AND c.issued_on >= s.first_support
                                            AND c.kind IN ('NEW', 'UPGRADE')
                                          ORDER BY c.issued_on, c.id LIMIT 1) AS kind
                                   FROM products s)
                SELECT b.producer_id, coalesce(pr.name, '#' || b.producer_id) AS name,
                       coalesce(pr.commune_code, '') AS commune, count(DISTINCT b.id) AS activities,
                       string_agg(DISTINCT b.kind, ',') AS kinds,
                       (SELECT count(*) FROM outcome o WHERE o.producer_id = b.producer_id) AS products,
                       (SELECT count(*) FROM outcome o WHERE o.producer_id = b.producer_id AND o.kind = 'NEW')
                           AS certified,
                       (SELECT count(*) FROM outcome o WHERE o.producer_id = b.producer_id AND o.kind = 'UPGRADE')
                           AS upgraded
                  FROM b LEFT JOIN report_producer pr ON pr.id = b.producer_id
                 GROUP BY b.producer_id, pr.name, pr.commune_code
                 ORDER BY pr.name COLLATE vietnamese, b.producer_id""",
                rs -> {
                    List<SupportKind> kinds = new ArrayList<>();
                    for (String k : rs.getString("kinds").split(",")) {
                        kinds.add(SupportKind.valueOf(k));
                    }
                    lines.put(
                            rs.getLong("producer_id"),
                            new ProducerLine(
                                    rs.getLong("producer_id"),
                                    rs.getString("name"),
                                    rs.getString("commune"),
                                    rs.getInt("activities"),
                                    List.copyOf(new LinkedHashSet<>(kinds)),
                                    rs.getInt("products"),
                                    rs.getInt("certified"),
                                    rs.getInt("upgraded")));
                },
                params.toArray());
        long supported =
                lines.values().stream().mapToLong(ProducerLine::products).sum();
        long certified =
                lines.values().stream().mapToLong(ProducerLine::certifiedAfter).sum();
        long upgraded =
                lines.values().stream().mapToLong(ProducerLine::upgradedAfter).sum();
        return new Report(
                unit.unit(),
                period,
                activities[0],
                budget[0],
                byKind,
                List.copyOf(lines.values()),
                supported,
                certified,
                upgraded,
                ReportFigures.share(certified + upgraded, supported));
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private record Row(
            long id,
            String kind,
            String title,
            LocalDate heldOn,
            @Nullable LocalDate endsOn,
            String unitCode,
            String provinceCode,
            @Nullable BigDecimal budget,
            @Nullable String fundingSource,
            @Nullable String fundingNote,
            @Nullable String description,
            String createdBy,
            java.time.Instant createdAt,
            long version) {}

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getString("kind"),
                rs.getString("title"),
                rs.getObject("held_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class),
                rs.getString("unit_code"),
                rs.getString("province_code"),
                rs.getBigDecimal("budget"),
                rs.getString("funding_source"),
                rs.getString("funding_note"),
                rs.getString("description"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getLong("version"));
    }

    private Row row(long id) {
        return jdbc.query("SELECT * FROM report_support_activity WHERE id = ?", SupportActivities::row, id).stream()
                .findFirst()
                .orElseThrow(() -> new OcopException(ReportingError.ACTIVITY_NOT_FOUND, id));
    }

    private void checkRead(Row row, CurrentUser actor) {
        if (!units.readsReports(actor) || !units.mayRead(actor, units.resolve(row.unitCode(), null))) {
            throw OcopException.forbidden();
        }
    }

    private Row editable(long id, CurrentUser actor) {
        Row row = row(id);
        if (!mayRecord(actor)) {
            throw OcopException.forbidden();
        }
        policy.check(actor, Action.EDIT_RECORDS, row.unitCode());
        return row;
    }

    private SupportActivityView view(Row row) {
        List<SupportActivityView.Beneficiary> beneficiaries = jdbc.query(
                """
                SELECT b.producer_id, coalesce(pr.name, '#' || b.producer_id) AS producer_name, b.product_id,
                       p.name AS product_name,
                       (SELECT c.kind || '|' || c.star || '|' || c.issued_on FROM report_certificate c
                         WHERE b.product_id IS NOT NULL AND c.product_id = b.product_id AND c.issued_on >= ?
                           AND c.kind IN ('NEW', 'UPGRADE')
                         ORDER BY c.issued_on, c.id LIMIT 1) AS outcome
                  FROM report_support_beneficiary b
                  LEFT JOIN report_producer pr ON pr.id = b.producer_id
                  LEFT JOIN report_product p ON p.id = b.product_id
                 WHERE b.activity_id = ?
                 ORDER BY pr.name COLLATE vietnamese, b.producer_id, p.name COLLATE vietnamese, b.product_id""",
                (rs, n) -> {
                    String outcome = rs.getString("outcome");
                    String[] o = outcome == null ? null : outcome.split("\\|");
                    return new SupportActivityView.Beneficiary(
                            rs.getLong("producer_id"),
                            rs.getString("producer_name"),
                            rs.getObject("product_id", Long.class),
                            rs.getString("product_name"),
                            o == null
                                    ? null
                                    : new SupportActivityView.Outcome(
                                            o[0], Integer.parseInt(o[1]), LocalDate.parse(o[2])));
                },
                row.heldOn(),
                row.id());
        return new SupportActivityView(
                row.id(),
                SupportKind.valueOf(row.kind()),
                row.title(),
                row.heldOn(),
                row.endsOn(),
                units.resolve(row.unitCode(), null).unit(),
                row.budget(),
                row.fundingSource() == null ? null : FundingSource.valueOf(row.fundingSource()),
                row.fundingNote(),
                row.description(),
                beneficiaries,
                row.createdBy(),
                row.createdAt(),
                row.version());
    }

    private AdminUnit checkedUnit(Details details, CurrentUser actor) {
        if (!mayRecord(actor)) {
            throw OcopException.forbidden();
        }
        String code = details.unit().strip();
        AdminUnit unit = units.units()
                .find(AdminEdition.CURRENT, code)
                .orElseThrow(() -> new OcopException(
                        GeographyError.UNIT_NOT_FOUND, code.length() > 10 ? code.substring(0, 10) : code, "current"));
        policy.check(actor, Action.EDIT_RECORDS, unit.code());
        if (details.endsOn() != null && details.endsOn().isBefore(details.heldOn())) {
            throw new OcopException(ReportingError.INVALID_PERIOD, details.heldOn(), details.endsOn(), 1);
        }
        figures.asOf(details.heldOn());
        return unit;
    }

    /** Each beneficiary visible to the actor, a product its producer's; duplicates dropped. */
    private List<BeneficiaryInput> checkedBeneficiaries(List<BeneficiaryInput> input, CurrentUser actor) {
        List<BeneficiaryInput> clean = new ArrayList<>();
        for (BeneficiaryInput b : input) {
            ProducerView producer = producers.get(b.producerId(), actor);
            if (b.productId() != null) {
                ProductView product = products.get(b.productId(), actor);
                if (product.producerId() != producer.id()) {
                    throw new OcopException(ReportingError.PRODUCT_NOT_OF_PRODUCER, product.id(), producer.id());
                }
            }
            BeneficiaryInput normalized = new BeneficiaryInput(producer.id(), b.productId());
            if (!clean.contains(normalized)) {
                clean.add(normalized);
            }
        }
        return clean;
    }

    private void insertBeneficiaries(long activity, List<BeneficiaryInput> beneficiaries) {
        jdbc.batchUpdate(
                "INSERT INTO report_support_beneficiary (activity_id, producer_id, product_id) VALUES (?, ?, ?)",
                beneficiaries.stream()
                        .map(b -> new Object[] {activity, b.producerId(), b.productId()})
                        .toList());
    }

    private static String summary(Details d, List<BeneficiaryInput> beneficiaries) {
        return d.kind() + " " + d.heldOn() + " in " + d.unit().strip() + ": "
                + d.title().strip() + ", budget="
                + (d.budget() == null ? "-" : d.budget().toPlainString()) + ", beneficiaries=" + beneficiaries.size();
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
