package vn.ocop.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ocop.evaluation.criteria.CriteriaSetDefinition;
import vn.ocop.evaluation.criteria.CriteriaSetParser;
import vn.ocop.evaluation.criteria.CriterionDefinition;
import vn.ocop.evaluation.criteria.OptionDefinition;
import vn.ocop.evaluation.criteria.ScoringEngine;
import vn.ocop.evaluation.criteria.ScoringResult;
import vn.ocop.evaluation.criteria.StarBands;
import vn.ocop.identity.AccessPolicy;
import vn.ocop.identity.Action;
import vn.ocop.identity.CurrentUser;
import vn.ocop.shared.AuditableEvent;
import vn.ocop.shared.OcopException;

/**
 * The criteria versions and their sets (versioned data), self-assessment against a set, import of a new version and
 * comparison of versions. Definitions never change once stored, so parsed sets are cached by (version, set).
 */
@Service
@Transactional(readOnly = true)
public class CriteriaSets {

    private final JdbcClient jdbc;
    private final AccessPolicy policy;
    private final ApplicationEventPublisher events;
    private final Map<String, CriteriaSetDefinition> definitions = new ConcurrentHashMap<>();
    private final Map<String, StarBands> bands = new ConcurrentHashMap<>();

    CriteriaSets(JdbcClient jdbc, AccessPolicy policy, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.events = events;
    }

    public List<CriteriaVersion> versions() {
        return jdbc.sql("""
                        SELECT v.code, v.decision, v.effective_from, v.effective_to, v.status, v.note,
                               (SELECT count(*) FROM criteria_set s WHERE s.version = v.code) AS set_count
                          FROM criteria_version v
                         ORDER BY (v.status = 'CURRENT') DESC, v.effective_from DESC NULLS LAST""")
                .query((rs, n) -> new CriteriaVersion(
                        rs.getString("code"),
                        rs.getString("decision"),
                        rs.getObject("effective_from", LocalDate.class),
                        rs.getObject("effective_to", LocalDate.class),
                        rs.getString("status"),
                        rs.getString("note"),
                        rs.getInt("set_count")))
                .list();
    }

    /** The version new evaluations use. */
    public String currentVersion() {
        return jdbc.sql("SELECT code FROM criteria_version WHERE status = 'CURRENT'")
                .query(String.class)
                .single();
    }

    /** The sets of a version in set order; {@code EVAL-001} (404) for an unknown version. */
    public List<CriteriaSetSummary> sets(String version) {
        requireVersion(version);
        List<Integer> numbers = jdbc.sql("SELECT set_no FROM criteria_set WHERE version = ? ORDER BY set_no")
                .param(version)
                .query(Integer.class)
                .list();
        return numbers.stream()
                .map(no -> {
                    CriteriaSetDefinition set = set(version, no);
                    return new CriteriaSetSummary(
                            version,
                            no,
                            set.name(),
                            set.maxPoints(),
                            (int) set.criteria().count(),
                            (int) set.criteria()
                                    .filter(CriterionDefinition::mandatory)
                                    .count());
                })
                .toList();
    }

    /** One set in full; {@code EVAL-001}/{@code EVAL-002} (404) when unknown. */
    public CriteriaSetDefinition set(String version, int setNo) {
        return definitions.computeIfAbsent(version + "/" + setNo, key -> {
            requireVersion(version);
            String json = jdbc.sql("SELECT definition::text FROM criteria_set WHERE version = ? AND set_no = ?")
                    .params(version, setNo)
                    .query(String.class)
                    .optional()
                    .orElseThrow(() -> new OcopException(EvaluationError.UNKNOWN_SET, setNo, version));
            return CriteriaSetParser.parse(json);
        });
    }

    public StarBands bands(String version) {
        return bands.computeIfAbsent(version, v -> {
            requireVersion(v);
            return new StarBands(jdbc.sql(
                            "SELECT star, min_inclusive, max_exclusive FROM star_band WHERE version = ? ORDER BY star")
                    .param(v)
                    .query((rs, n) -> new StarBands.Band(
                            rs.getInt(1),
                            rs.getBigDecimal(2),
                            rs.getBigDecimal(3).min(new BigDecimal("100"))))
                    .list());
        });
    }

    /**
     * Stateless self-assessment: the result of these choices (criterion code → option index) against a set, with
     * subtotals, star, caps and what is missing for the next star. {@code EVAL-003} for an unknown criterion or option.
     */
    public ScoringResult assess(String version, int setNo, Map<String, Integer> choices) {
        CriteriaSetDefinition set = set(version, setNo);
        try {
            return ScoringEngine.score(set, bands(version), choices, null);
        } catch (IllegalArgumentException e) {
            throw new OcopException(EvaluationError.INVALID_CHOICE, e.getMessage());
        }
    }

    /** Differences of one set between two versions, by criterion code. */
    public CriteriaComparison compare(String fromVersion, String toVersion, int setNo) {
        CriteriaSetDefinition from = set(fromVersion, setNo);
        CriteriaSetDefinition to = set(toVersion, setNo);
        List<String> removed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<CriteriaComparison.Change> changed = new ArrayList<>();
        from.criteria().forEach(old -> {
            CriterionDefinition now = to.criterion(old.code()).orElse(null);
            if (now == null) {
                removed.add(old.code() + " " + old.name());
                return;
            }
            List<String> what = new ArrayList<>();
            if (old.maxPoints().compareTo(now.maxPoints()) != 0) {
                what.add("max " + old.maxPoints().toPlainString() + " → "
                        + now.maxPoints().toPlainString());
            }
            if (!points(old).equals(points(now))) {
                what.add("options " + points(old) + " → " + points(now));
            }
            if (!markers(old).equals(markers(now))) {
                what.add("markers " + markers(old) + " → " + markers(now));
            }
            if (!what.isEmpty()) {
                changed.add(new CriteriaComparison.Change(old.code(), now.name(), String.join("; ", what)));
            }
        });
        to.criteria()
                .filter(c -> from.criterion(c.code()).isEmpty())
                .forEach(c -> added.add(c.code() + " " + c.name()));
        return new CriteriaComparison(fromVersion, toVersion, setNo, removed, added, changed);
    }

    /**
     * Imports a new version as a DRAFT from criteria-set JSON documents (the format of the shipped data). Every set
     * is parsed and checked first; nothing is stored unless all pass. Only system administrators.
     */
    @Transactional
    public CriteriaVersion importVersion(
            String code,
            String decision,
            @Nullable LocalDate effectiveFrom,
            List<String> documents,
            CurrentUser actor) {
        policy.check(actor, Action.MANAGE_REFERENCE_DATA, null);
        if (!code.matches("[0-9A-Za-z.-]{1,20}")) {
            throw new OcopException(EvaluationError.UNREADABLE_CRITERIA_FILE, code);
        }
        if (jdbc.sql("SELECT count(*) FROM criteria_version WHERE code = ?")
                        .param(code)
                        .query(Long.class)
                        .single()
                > 0) {
            throw new OcopException(EvaluationError.VERSION_EXISTS, code);
        }
        List<CriteriaSetDefinition> parsed = new ArrayList<>();
        for (String document : documents) {
            CriteriaSetDefinition set;
            try {
                set = CriteriaSetParser.parse(document);
            } catch (IllegalArgumentException e) {
                throw new OcopException(EvaluationError.UNREADABLE_CRITERIA_FILE, e.getMessage());
            }
            if (!code.equals(set.version())) {
                throw new OcopException(EvaluationError.UNREADABLE_CRITERIA_FILE, "version " + set.version());
            }
            CriteriaValidation.check(set);
            parsed.add(set);
        }
        if (parsed.isEmpty()
                || parsed.stream().map(CriteriaSetDefinition::setNo).distinct().count() != parsed.size()) {
            throw new OcopException(EvaluationError.UNREADABLE_CRITERIA_FILE, "no sets, or a set twice");
        }
        jdbc.sql("INSERT INTO criteria_version (code, decision, effective_from, status, imported_by)"
                        + " VALUES (?, ?, ?, 'DRAFT', ?)")
                .params(code, decision, effectiveFrom, actor.username())
                .update();
        for (int i = 0; i < parsed.size(); i++) {
            CriteriaSetDefinition set = parsed.get(i);
            jdbc.sql("INSERT INTO criteria_set (version, set_no, name, knockout, max_points, definition)"
                            + " VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb))")
                    .params(code, set.setNo(), set.name(), set.knockout(), set.maxPoints(), documents.get(i))
                    .update();
        }
        jdbc.sql("INSERT INTO star_band (version, star, min_inclusive, max_exclusive)"
                        + " SELECT ?, star, min_inclusive, max_exclusive FROM star_band WHERE version = ?")
                .params(code, currentVersion())
                .update();
        events.publishEvent(new CriteriaVersionImported(code, parsed.size(), decision));
        return versions().stream()
                .filter(v -> v.code().equals(code))
                .findFirst()
                .orElseThrow();
    }

    /** A criteria version was imported (as a draft). */
    public record CriteriaVersionImported(String code, int sets, String decision) implements AuditableEvent {
        @Override
        public String auditAction() {
            return "criteria.version-imported";
        }

        @Override
        public String auditObjectType() {
            return "criteria-version";
        }

        @Override
        public String auditObjectId() {
            return code;
        }

        @Override
        public String auditSummary() {
            return sets + " sets; " + decision;
        }
    }

    private void requireVersion(String version) {
        if (jdbc.sql("SELECT count(*) FROM criteria_version WHERE code = ?")
                        .param(version)
                        .query(Long.class)
                        .single()
                == 0) {
            throw new OcopException(EvaluationError.UNKNOWN_VERSION, version);
        }
    }

    private static List<String> points(CriterionDefinition c) {
        return c.options().stream()
                .map(OptionDefinition::points)
                .map(BigDecimal::toPlainString)
                .toList();
    }

    private static List<String> markers(CriterionDefinition c) {
        return c.options().stream()
                .filter(o -> o.minStarMarker() != null)
                .map(o -> o.minStarMarker() + "★≥" + o.points().toPlainString())
                .filter(Objects::nonNull)
                .toList();
    }
}
