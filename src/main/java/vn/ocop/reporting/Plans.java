package vn.ocop.reporting;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.Role;
import vn.ocop.producer.LegalType;
import vn.ocop.product.Classification;
import vn.ocop.reporting.ReportingEvents.PlanAdopted;
import vn.ocop.reporting.ReportingEvents.TargetTypeAdded;
import vn.ocop.reporting.Summary.Period;
import vn.ocop.shared.OcopException;

/**
 * Programme plans: a province's (by its province officers) or the nation's (by the central office), for a year or a
 * multi-year period, with typed targets, optionally per product group. Amending adds a version and keeps the earlier
 * ones as they were. Reading a plan, and its progress, is reading the reports of its unit. Every change is audited.
 */
@Service
@Transactional
public class Plans {

    /** One target to set: a target type's code, optionally a product group, the planned value, a note. */
    public record TargetInput(
            @NotBlank @Size(max = 40) String type,
            @Nullable @Size(max = 10) String group,

            @NotNull @DecimalMin("0") @DecimalMax("99999999") @Digits(integer = 10, fraction = 4)
            BigDecimal planned,

            @Nullable @Size(max = 500) String note) {}

    /**
     * A new plan.
     *
     * @param unit a province code of the current scheme, or {@code null} for the national plan
     */
    public record NewPlan(
            @Nullable @Size(max = 10) String unit,
            @NotNull @Min(2018) @Max(2100) Integer firstYear,
            @NotNull @Min(2018) @Max(2100) Integer lastYear,
            @NotBlank @Size(max = 300) String title,
            @Nullable @Size(max = 100) String decision,
            @Nullable LocalDate adoptedOn,
            @NotEmpty @Size(max = 60) List<@Valid @NotNull TargetInput> targets) {}

    /** An amendment: the new version's title, decision, reason and complete targets; {@code lock} as read. */
    public record Amendment(
            @NotBlank @Size(max = 300) String title,
            @Nullable @Size(max = 100) String decision,
            @Nullable LocalDate adoptedOn,
            @NotBlank @Size(max = 2000) String reason,
            @NotEmpty @Size(max = 60) List<@Valid @NotNull TargetInput> targets,
            @NotNull Long lock) {}

    /** A new kind of target (see {@link TargetType}). */
    public record NewTargetType(
            @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z][A-Z0-9_]*")
            String code,

            @NotBlank @Size(max = 300) String nameVi,
            @NotBlank @Size(max = 300) String nameEn,

            @NotBlank @Pattern(regexp = "COUNT|SHARE|MIN_PER_UNIT")
            String kind,

            @NotNull Measure measure,
            @Nullable Measure denominator,
            @Nullable @Min(1) @Max(5) Integer minStar,
            @Nullable @Min(1) @Max(5) Integer maxStar,
            @Nullable List<@Pattern(regexp = "NEW|UPGRADE|REEVALUATION") String> certificateKinds,
            @Nullable LegalType legalType,

            @Nullable @Pattern(regexp = "SME|CRAFT_VILLAGE|WOMEN_LED|ETHNIC_MINORITY_AREA")
            String producerFlag) {}

    private final JdbcTemplate jdbc;
    private final ReportUnits units;
    private final ReportFigures figures;
    private final Classification classification;
    private final ApplicationEventPublisher events;

    Plans(
            JdbcTemplate jdbc,
            ReportUnits units,
            ReportFigures figures,
            Classification classification,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.units = units;
        this.figures = figures;
        this.classification = classification;
        this.events = events;
    }

    // --- target types ---------------------------------------------------------------------------------------------

    /** The kinds of target, in their order; {@code activeOnly} for choosing new targets. */
    @Transactional(readOnly = true)
    public List<TargetType> targetTypes(boolean activeOnly) {
        return jdbc.query(
                "SELECT * FROM report_target_type" + (activeOnly ? " WHERE active" : "") + " ORDER BY position, code",
                Plans::targetType);
    }

    /** Whether the user may add kinds of target (the central office and administrators). */
    public boolean mayManageTargetTypes(CurrentUser actor) {
        return actor.role() == Role.SYSTEM_ADMIN || actor.role() == Role.CENTRAL_OFFICE;
    }

    /** Adds a kind of target, checked to hold together; {@code RPT-013} otherwise, {@code RPT-014} if the code is taken. */
    public TargetType addTargetType(NewTargetType t, CurrentUser actor) {
        if (!mayManageTargetTypes(actor)) {
            throw OcopException.forbidden();
        }
        List<String> kinds =
                t.certificateKinds() == null ? List.of() : List.copyOf(new HashSet<>(t.certificateKinds()));
        boolean share = TargetType.SHARE.equals(t.kind());
        if (share != (t.denominator() != null)
                || (TargetType.MIN_PER_UNIT.equals(t.kind()) && !Measure.PER_COMMUNE.contains(t.measure()))
                || (t.minStar() != null && t.maxStar() != null && t.minStar() > t.maxStar())
                || (!kinds.isEmpty() && t.measure() != Measure.CERTIFICATES_ISSUED)) {
            throw new OcopException(ReportingError.TARGET_TYPE_INVALID, t.code());
        }
        Integer position =
                jdbc.queryForObject("SELECT coalesce(max(position), 0) + 10 FROM report_target_type", Integer.class);
        try {
            jdbc.update(
                    """
                    INSERT INTO report_target_type (code, name_vi, name_en, kind, measure, denominator, min_star, max_star,
                                                    certificate_kinds, legal_type, producer_flag, position)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    t.code(),
                    t.nameVi().strip(),
                    t.nameEn().strip(),
                    t.kind(),
                    t.measure().name(),
                    t.denominator() == null ? null : t.denominator().name(),
                    t.minStar(),
                    t.maxStar(),
                    kinds.isEmpty()
                            ? null
                            : String.join(",", kinds.stream().sorted().toList()),
                    t.legalType() == null ? null : t.legalType().name(),
                    t.producerFlag(),
                    position);
        } catch (DuplicateKeyException e) {
            throw new OcopException(ReportingError.TARGET_TYPE_TAKEN, t.code());
        }
        events.publishEvent(new TargetTypeAdded(
                t.code(), t.kind() + " " + t.measure() + ": " + t.nameVi().strip()));
        return targetTypes(false).stream()
                .filter(type -> type.code().equals(t.code()))
                .findFirst()
                .orElseThrow();
    }

    // --- plans ----------------------------------------------------------------------------------------------------

    /** Whether the user may adopt or amend plans of this unit ({@code null}: the nation). */
    public boolean mayPlan(CurrentUser actor, @Nullable String unit) {
        return switch (actor.role()) {
            case SYSTEM_ADMIN -> true;
            case CENTRAL_OFFICE -> unit == null;
            case PROVINCE_OFFICER -> unit != null && unit.equals(actor.jurisdictionCode());
            default -> false;
        };
    }

    /** The unit a user adopts plans for: the nation for nationwide roles, the province for a province officer. */
    public @Nullable String planningUnit(CurrentUser actor) {
        return actor.role() == Role.PROVINCE_OFFICER ? actor.jurisdictionCode() : null;
    }

    /** Adopts a plan (version 1). */
    public PlanView adopt(NewPlan plan, CurrentUser actor) {
        String unit = planUnit(plan.unit());
        if (!mayPlan(actor, unit)) {
            throw OcopException.forbidden();
        }
        if (plan.lastYear() < plan.firstYear()
                || plan.lastYear() - plan.firstYear() >= ReportFigures.MAX_PERIOD_YEARS) {
            throw new OcopException(
                    ReportingError.INVALID_PERIOD, plan.firstYear(), plan.lastYear(), ReportFigures.MAX_PERIOD_YEARS);
        }
        List<TargetInput> targets = checked(plan.targets());
        Long id = jdbc.queryForObject(
                "INSERT INTO report_plan (unit_code, first_year, last_year, created_by) VALUES (?, ?, ?, ?) RETURNING id",
                Long.class,
                unit,
                plan.firstYear(),
                plan.lastYear(),
                actor.username());
        long planId = Objects.requireNonNull(id);
        insertVersion(planId, 1, plan.title(), plan.decision(), plan.adoptedOn(), null, targets, actor);
        events.publishEvent(new PlanAdopted(
                planId,
                1,
                unit,
                "%s %d-%d, %d targets: %s"
                        .formatted(
                                unit == null ? "nation" : unit,
                                plan.firstYear(),
                                plan.lastYear(),
                                targets.size(),
                                plan.title().strip())));
        return get(planId, null, actor);
    }

    /** Amends a plan: a new version with its complete targets; a stale {@code lock} is 409. */
    public PlanView amend(long planId, Amendment amendment, CurrentUser actor) {
        PlanRow plan = row(planId);
        if (!mayPlan(actor, plan.unit())) {
            throw OcopException.forbidden();
        }
        List<TargetInput> targets = checked(amendment.targets());
        int next = plan.currentVersion() + 1;
        int updated = jdbc.update(
                "UPDATE report_plan SET current_version = ?, version = version + 1 WHERE id = ? AND version = ?",
                next,
                planId,
                amendment.lock());
        if (updated == 0) {
            throw new ObjectOptimisticLockingFailureException("plan", planId);
        }
        insertVersion(
                planId,
                next,
                amendment.title(),
                amendment.decision(),
                amendment.adoptedOn(),
                amendment.reason().strip(),
                targets,
                actor);
        events.publishEvent(new PlanAdopted(
                planId,
                next,
                plan.unit(),
                "version " + next + ", " + targets.size() + " targets: "
                        + amendment.reason().strip()));
        return get(planId, null, actor);
    }

    /** A plan with the given version's targets ({@code null}: the current one); 404 unknown, 403 another's. */
    @Transactional(readOnly = true)
    public PlanView get(long planId, @Nullable Integer version, CurrentUser actor) {
        PlanRow plan = readable(planId, actor);
        int shown = version == null ? plan.currentVersion() : version;
        List<PlanView.Version> versions = jdbc.query(
                "SELECT * FROM report_plan_version WHERE plan_id = ? ORDER BY number",
                (rs, n) -> new PlanView.Version(
                        rs.getInt("number"),
                        rs.getString("title"),
                        rs.getString("decision"),
                        rs.getObject("adopted_on", LocalDate.class),
                        rs.getString("reason"),
                        rs.getString("created_by"),
                        rs.getTimestamp("created_at").toInstant()),
                planId);
        PlanView.Version v = versions.stream()
                .filter(x -> x.number() == shown)
                .findFirst()
                .orElseThrow(() -> new OcopException(ReportingError.PLAN_NOT_FOUND, planId + " v" + shown));
        Map<String, TargetType> types = typesByCode();
        Locale locale = LocaleContextHolder.getLocale();
        List<PlanView.Target> targets = jdbc.query(
                "SELECT * FROM report_plan_target WHERE plan_id = ? AND version_number = ? ORDER BY position",
                (rs, n) -> {
                    TargetType type = types.get(rs.getString("target_type"));
                    String group = rs.getString("group_code");
                    return new PlanView.Target(
                            rs.getInt("position"),
                            type.code(),
                            type.name(locale),
                            type.kind(),
                            group,
                            group == null ? null : groupName(group),
                            plain(rs.getBigDecimal("planned")),
                            rs.getString("note"));
                },
                planId,
                shown);
        return new PlanView(
                planId,
                units.resolve(plan.unit(), null).unit(),
                plan.firstYear(),
                plan.lastYear(),
                plan.currentVersion(),
                shown,
                v.title(),
                v.decision(),
                v.adoptedOn(),
                targets,
                versions,
                plan.lock());
    }

    /**
     * The plans of a unit ({@code null}: the user's own: the nation for nationwide roles, the jurisdiction for
     * officers), newest period first, each with its current version. 403 for a unit the user may not read.
     */
    @Transactional(readOnly = true)
    public List<PlanView> list(@Nullable String unit, CurrentUser actor) {
        String code = unit == null || unit.isBlank() ? units.homeUnit(actor) : unit.strip();
        ReportUnits.Resolved resolved = figures.readable(code, null, actor);
        List<Long> ids = jdbc.queryForList(
                "SELECT id FROM report_plan WHERE unit_code IS NOT DISTINCT FROM ?"
                        + " ORDER BY last_year DESC, first_year DESC, id DESC",
                Long.class,
                resolved.unit().code());
        return ids.stream().map(id -> get(id, null, actor)).toList();
    }

    /**
     * The plan for the unit that covers the given year, the most specific first (a yearly plan before a multi-year
     * one, the latest adopted among equals); empty when none or when the user may not read the unit.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<PlanView> covering(@Nullable String unit, int year, CurrentUser actor) {
        ReportUnits.Resolved resolved = units.resolve(unit, null);
        if (!units.mayRead(actor, resolved)) {
            return java.util.Optional.empty();
        }
        return jdbc.queryForList("""
                        SELECT id FROM report_plan
                         WHERE unit_code IS NOT DISTINCT FROM ? AND first_year <= ? AND last_year >= ?
                         ORDER BY last_year - first_year, id DESC LIMIT 1""", Long.class, resolved.unit().code(), year, year).stream()
                .findFirst()
                .map(id -> get(id, null, actor));
    }

    /**
     * Each target of a plan's version ({@code null}: current) against what was achieved by {@code asOf} (default
     * today; at most the plan's last day), from the same figures as every report.
     */
    @Transactional(readOnly = true)
    public PlanProgress progress(long planId, @Nullable Integer version, @Nullable LocalDate asOf, CurrentUser actor) {
        PlanView plan = get(planId, version, actor);
        ReportUnits.Resolved unit = units.resolve(plan.unit().code(), null);
        LocalDate start = LocalDate.of(plan.firstYear(), 1, 1);
        LocalDate end = LocalDate.of(plan.lastYear(), 12, 31);
        LocalDate day = figures.asOf(asOf);
        if (day.isAfter(end)) {
            day = end;
        }
        Period period = day.isBefore(start) ? new Period(start, start) : new Period(start, day);
        Map<String, TargetType> types = typesByCode();
        List<PlanProgress.Line> lines = new ArrayList<>();
        for (PlanView.Target target : plan.targets()) {
            lines.add(line(target, types.get(target.type()), unit, day, period));
        }
        return new PlanProgress(
                plan.id(),
                plan.shownVersion(),
                plan.title(),
                plan.unit(),
                plan.firstYear(),
                plan.lastYear(),
                day,
                period,
                lines);
    }

    private PlanProgress.Line line(
            PlanView.Target target, TargetType type, ReportUnits.Resolved unit, LocalDate day, Period period) {
        Selection selection = new Selection(
                unit,
                type.minStar(),
                type.maxStar(),
                type.certificateKinds(),
                type.legalType(),
                type.producerFlag(),
                target.group() == null ? List.of() : setsOf(target.group()));
        BigDecimal actual = null;
        Long numerator = null;
        Long denominator = null;
        BigDecimal achievement = null;
        if (type.measure().measured()
                && (type.denominator() == null || type.denominator().measured())) {
            switch (type.kind()) {
                case TargetType.SHARE -> {
                    numerator = measure(type.measure(), selection, unit, day, period);
                    denominator = measure(
                            Objects.requireNonNull(type.denominator()),
                            new Selection(unit, null, null, List.of(), null, null, selection.criteriaSets()),
                            unit,
                            day,
                            period);
                    actual = ReportFigures.share(numerator, denominator);
                    achievement = ratio(actual, target.planned());
                }
                case TargetType.MIN_PER_UNIT -> {
                    Map<String, Long> perCommune =
                            figures.perCommune(selection, day, type.measure() == Measure.PRODUCERS_CERTIFIED);
                    List<String> communes = units.communesOf(unit);
                    long reaching = communes.stream()
                            .filter(c -> BigDecimal.valueOf(perCommune.getOrDefault(c, 0L))
                                            .compareTo(target.planned())
                                    >= 0)
                            .count();
                    numerator = reaching;
                    denominator = (long) communes.size();
                    actual = BigDecimal.valueOf(reaching);
                    achievement = ReportFigures.share(reaching, communes.size());
                }
                default -> {
                    long count = measure(type.measure(), selection, unit, day, period);
                    actual = BigDecimal.valueOf(count);
                    achievement = ratio(actual, target.planned());
                }
            }
        }
        return new PlanProgress.Line(
                target.position(),
                target.type(),
                target.typeName(),
                type.kind(),
                target.group(),
                target.groupName(),
                target.planned(),
                actual,
                numerator,
                denominator,
                achievement);
    }

    private long measure(
            Measure measure, Selection selection, ReportUnits.Resolved unit, LocalDate day, Period period) {
        return switch (measure) {
            case CERTIFIED_PRODUCTS -> figures.certifiedProductCount(selection, day);
            case CERTIFICATES_ISSUED -> figures.issuedCount(selection, period);
            case EVALUATED_PRODUCTS -> figures.evaluatedCount(selection, period);
            case FIVE_STAR_PROPOSALS -> figures.proposalCount(selection, period);
            case PRODUCERS_CERTIFIED -> figures.certifiedProducerCount(selection, day);
            case CRAFT_VILLAGES -> figures.craftVillageCount(selection, day, false);
            case CRAFT_VILLAGES_CERTIFIED -> figures.craftVillageCount(selection, day, true);
            case SUPPORT_ACTIVITIES -> figures.supportActivityCount(unit, period);
            case SUPPORTED_PRODUCERS -> figures.supportedProducerCount(unit, period);
            case POINTS_OF_SALE, STAMPED_PRODUCTS -> throw new IllegalStateException(measure + " is not measured");
        };
    }

    /** {@code actual} as a percentage of {@code planned}, 4 decimals; {@code null} when nothing is planned. */
    static @Nullable BigDecimal ratio(BigDecimal actual, BigDecimal planned) {
        if (planned.signum() == 0) {
            return null;
        }
        return actual.multiply(BigDecimal.valueOf(100)).divide(planned, 4, java.math.RoundingMode.HALF_UP);
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private record PlanRow(
            long id, @Nullable String unit, int firstYear, int lastYear, int currentVersion, long lock) {}

    private PlanRow row(long planId) {
        return jdbc
                .query(
                        "SELECT * FROM report_plan WHERE id = ?",
                        (rs, n) -> new PlanRow(
                                rs.getLong("id"),
                                rs.getString("unit_code"),
                                rs.getInt("first_year"),
                                rs.getInt("last_year"),
                                rs.getInt("current_version"),
                                rs.getLong("version")),
                        planId)
                .stream()
                .findFirst()
                .orElseThrow(() -> new OcopException(ReportingError.PLAN_NOT_FOUND, planId));
    }

    private PlanRow readable(long planId, CurrentUser actor) {
        PlanRow plan = row(planId);
        if (!units.readsReports(actor)) {
            throw OcopException.forbidden();
        }
        units.checkRead(actor, units.resolve(plan.unit(), null));
        return plan;
    }

    /** The unit of a new plan: {@code null} for the nation, else a current province ({@code RPT-005}). */
    private @Nullable String planUnit(@Nullable String unit) {
        if (unit == null || unit.isBlank()) {
            return null;
        }
        ReportUnits.Resolved resolved = units.resolve(unit, null);
        if (!"province".equals(resolved.unit().level())) {
            throw new OcopException(ReportingError.PLAN_UNIT, unit.strip());
        }
        return resolved.unit().code();
    }

    private List<TargetInput> checked(List<TargetInput> targets) {
        Map<String, TargetType> types = typesByCode();
        Set<String> seen = new HashSet<>();
        List<TargetInput> clean = new ArrayList<>();
        for (TargetInput t : targets) {
            TargetType type = types.get(t.type().strip());
            if (type == null || !type.active()) {
                throw new OcopException(ReportingError.UNKNOWN_TARGET_TYPE, limit(t.type()));
            }
            String group =
                    t.group() == null || t.group().isBlank() ? null : t.group().strip();
            if (group != null && setsOf(group).isEmpty()) {
                throw new OcopException(ReportingError.UNKNOWN_GROUP, limit(group));
            }
            if (group != null && !type.measure().byGroup()) {
                throw new OcopException(ReportingError.GROUP_NOT_APPLICABLE, type.code());
            }
            if (type.share() && t.planned().compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new OcopException(
                        ReportingError.SHARE_TOO_HIGH, t.planned().toPlainString());
            }
            if (!type.share() && t.planned().stripTrailingZeros().scale() > 0) {
                throw new OcopException(ReportingError.TARGETS_INVALID, type.code());
            }
            if (!seen.add(type.code() + "|" + group)) {
                throw new OcopException(ReportingError.TARGETS_INVALID, type.code());
            }
            clean.add(new TargetInput(type.code(), group, t.planned(), blankToNull(t.note())));
        }
        if (clean.isEmpty()) {
            throw new OcopException(ReportingError.TARGETS_INVALID, "-");
        }
        return clean;
    }

    private void insertVersion(
            long planId,
            int number,
            String title,
            @Nullable String decision,
            @Nullable LocalDate adoptedOn,
            @Nullable String reason,
            List<TargetInput> targets,
            CurrentUser actor) {
        jdbc.update("""
                INSERT INTO report_plan_version (plan_id, number, title, decision, adopted_on, reason, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", planId, number, title.strip(), blankToNull(decision), adoptedOn, reason, actor.username());
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            TargetInput t = targets.get(i);
            rows.add(new Object[] {planId, number, i + 1, t.type(), t.group(), t.planned(), t.note()});
        }
        jdbc.batchUpdate("""
                INSERT INTO report_plan_target (plan_id, version_number, position, target_type, group_code, planned,
                                                note)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    private Map<String, TargetType> typesByCode() {
        return targetTypes(false).stream().collect(Collectors.toMap(TargetType::code, Function.identity()));
    }

    /** The criteria sets of a product group of the current classification; empty for an unknown group. */
    List<Integer> setsOf(String group) {
        return classification.criteriaSets().stream()
                .filter(s -> s.groupCode().equals(group))
                .map(Classification.CriteriaSetInfo::setNo)
                .toList();
    }

    /** The product groups of the current classification (code → name), in order. */
    public Map<String, String> groups() {
        Map<String, String> groups = new java.util.LinkedHashMap<>();
        classification.criteriaSets().forEach(s -> groups.putIfAbsent(s.groupCode(), s.groupName()));
        return groups;
    }

    private @Nullable String groupName(String group) {
        return groups().get(group);
    }

    private static TargetType targetType(ResultSet rs, int n) throws SQLException {
        String kinds = rs.getString("certificate_kinds");
        String denominator = rs.getString("denominator");
        return new TargetType(
                rs.getString("code"),
                rs.getString("name_vi"),
                rs.getString("name_en"),
                rs.getString("kind"),
                Measure.valueOf(rs.getString("measure")),
                denominator == null ? null : Measure.valueOf(denominator),
                rs.getObject("min_star", Integer.class),
                rs.getObject("max_star", Integer.class),
                kinds == null ? List.of() : List.of(kinds.split(",")),
                rs.getString("legal_type"),
                rs.getString("producer_flag"),
                rs.getInt("position"),
                rs.getBoolean("active"));
    }

    /** 40.0000 as 40, 8.5000 as 8.5 (never 4E+1). */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String limit(String s) {
        return s.length() > 40 ? s.substring(0, 40) : s;
    }
}
