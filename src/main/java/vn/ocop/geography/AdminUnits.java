package vn.ocop.geography;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.ocop.shared.OcopException;

/**
 * The geography module's API: look up units of an edition, walk the tree, answer "does unit A contain unit B" for
 * jurisdiction checks, and map legacy units to current ones. Read-only: units change only by migration.
 *
 * <p>No transaction of its own: most answers come from memory, the rest from single statements over data only
 * migrations change. (A read-only transaction per call cost a public scan two extra round trips to PostgreSQL for each
 * unit name it printed, and every jurisdiction check made outside a transaction the same.)
 */
@Service
public class AdminUnits {

    private static final String COLUMNS =
            "edition, code, level, name, full_name, unit_type, unit_type_en, parent_code, province_code";
    private static final RowMapper<AdminUnit> UNIT = (rs, n) -> new AdminUnit(
            rs.getString("edition"),
            rs.getString("code"),
            rs.getString("level"),
            rs.getString("name"),
            rs.getString("full_name"),
            rs.getString("unit_type"),
            rs.getString("unit_type_en"),
            rs.getString("parent_code"),
            rs.getString("province_code"));

    private final JdbcClient jdbc;
    private volatile @Nullable Map<String, String> currentParents;
    private final Map<String, List<AdminUnit>> allByEdition = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Map<String, AdminUnit>> byCodeByEdition = new java.util.concurrent.ConcurrentHashMap<>();
    // Lists answered from memory after the first call (units change only by migration): the public catalog's filters
    // list the provinces and a province's communes on every page. Only existing editions and levels are remembered.
    private final Map<String, List<AdminUnit>> listed = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, List<AdminUnit>> childrenOf = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Set<String> known = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile @Nullable List<UnitSuccession> successions;

    AdminUnits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<AdminEdition> editions() {
        return jdbc.sql("""
                        SELECT code, name_vi, name_en, valid_from, valid_to, legal_basis, is_current
                          FROM admin_edition ORDER BY is_current DESC, valid_to DESC NULLS FIRST""")
                .query((rs, n) -> new AdminEdition(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, java.time.LocalDate.class),
                        rs.getObject(5, java.time.LocalDate.class),
                        rs.getString(6),
                        rs.getBoolean(7)))
                .list();
    }

    /**
     * The unit, or empty when the edition has no unit with this code. Answered from memory (units change only by
     * migration): every request of an officer asks for its jurisdiction's unit.
     */
    public Optional<AdminUnit> find(String edition, String code) {
        return Optional.ofNullable(byCode(edition).get(code));
    }

    /**
     * The full name of a unit of the current edition ("Phường Cao Lãnh"), or the code itself when there is none: what
     * pages and documents print for a stored unit code.
     */
    public String currentName(String code) {
        return find(AdminEdition.CURRENT, code).map(AdminUnit::fullName).orElse(code);
    }

    /** The unit of the current edition; throws {@code GEO-001} (404) when there is none. */
    public AdminUnit getCurrent(String code) {
        return find(AdminEdition.CURRENT, code)
                .orElseThrow(() -> new OcopException(GeographyError.UNIT_NOT_FOUND, code, AdminEdition.CURRENT));
    }

    /** Units of one level of an edition in Vietnamese alphabetical order; throws on an unknown edition or level. */
    public List<AdminUnit> list(String edition, String level) {
        requireLevel(edition, level);
        return listed.computeIfAbsent(
                edition + "/" + level,
                key -> List.copyOf(jdbc.sql("SELECT " + COLUMNS + " FROM admin_unit WHERE edition = ? AND level = ?"
                                + " ORDER BY name COLLATE vietnamese, code")
                        .params(edition, level)
                        .query(UNIT)
                        .list()));
    }

    /** Direct children of a unit in Vietnamese alphabetical order; throws {@code GEO-001} for an unknown parent. */
    public List<AdminUnit> children(String edition, String code) {
        requireEdition(edition);
        if (find(edition, code).isEmpty()) {
            throw new OcopException(GeographyError.UNIT_NOT_FOUND, code, edition);
        }
        return childrenOf.computeIfAbsent(
                edition + "/" + code,
                key -> List.copyOf(
                        jdbc.sql("SELECT " + COLUMNS + " FROM admin_unit WHERE edition = ? AND parent_code = ?"
                                        + " ORDER BY name COLLATE vietnamese, code")
                                .params(edition, code)
                                .query(UNIT)
                                .list()));
    }

    /**
     * Units whose name matches the text ignoring accents and case ("ba dinh" finds "Ba Đình"), best matches first.
     *
     * @param level restricts to one level, or {@code null} for all
     */
    public List<AdminUnit> search(String edition, String text, @Nullable String level, int limit) {
        requireEdition(edition);
        return jdbc.sql("SELECT " + COLUMNS + " FROM admin_unit WHERE edition = :edition"
                        + " AND (CAST(:level AS text) IS NULL OR level = :level)"
                        + " AND (ocop_fold(name) LIKE '%' || ocop_fold(:text) || '%' OR code = :text)"
                        + " ORDER BY (ocop_fold(name) = ocop_fold(:text)) DESC, level, name COLLATE vietnamese"
                        + " LIMIT :limit")
                .param("edition", edition)
                .param("level", level)
                .param("text", text.strip())
                .param("limit", Math.max(1, Math.min(limit, 100)))
                .query(UNIT)
                .list();
    }

    /**
     * Whether {@code unitCode} is {@code ancestorCode} or lies inside it, in the current edition. Unknown codes are
     * contained in nothing. This backs every jurisdiction check, so it answers from memory.
     */
    public boolean contains(String ancestorCode, String unitCode) {
        Map<String, String> parents = currentParents();
        if (!parents.containsKey(ancestorCode)) {
            return false;
        }
        String code = unitCode;
        int depth = 0;
        while (code != null && !code.isEmpty() && depth++ < 10) {
            if (code.equals(ancestorCode)) {
                return true;
            }
            code = parents.get(code);
        }
        return false;
    }

    /**
     * The current units a legacy unit went into. A legacy commune maps directly; a legacy district maps through its
     * communes (or directly for the island districts that became special zones); a legacy province maps to its
     * successor province. Throws {@code GEO-004} when the code has no successor.
     */
    public List<UnitSuccession> successorsOf(String legacyCode) {
        List<UnitSuccession> direct = jdbc.sql("""
                        SELECT m.legacy_code, coalesce(l.full_name, '') AS legacy_name, m.coverage,
                               u.edition, u.code, u.level, u.name, u.full_name, u.unit_type, u.unit_type_en,
                               u.parent_code, u.province_code
                          FROM admin_unit_mapping m
                          JOIN admin_unit u ON u.edition = m.new_edition AND u.code = m.new_code
                          LEFT JOIN admin_unit l ON l.edition = m.legacy_edition AND l.code = m.legacy_code
                         WHERE m.legacy_edition = 'legacy' AND m.legacy_code = ?
                         ORDER BY m.coverage, u.name COLLATE vietnamese""")
                .param(legacyCode)
                .query((rs, n) -> new UnitSuccession(
                        rs.getString("legacy_code"),
                        rs.getString("legacy_name"),
                        UNIT.mapRow(rs, n),
                        rs.getString("coverage")))
                .list();
        if (!direct.isEmpty()) {
            return direct;
        }
        List<UnitSuccession> viaCommunes = jdbc.sql("""
                        SELECT d.code AS legacy_code, d.full_name AS legacy_name,
                               CASE WHEN bool_and(m.coverage = 'full')
                                     AND NOT EXISTS (SELECT 1 FROM admin_unit_mapping o
                                                      JOIN admin_unit oc ON oc.edition = 'legacy'
                                                                        AND oc.code = o.legacy_code
                                                     WHERE o.new_code = u.code AND oc.parent_code <> d.code)
                                    THEN 'full' ELSE 'partial' END AS coverage,
                               u.edition, u.code, u.level, u.name, u.full_name, u.unit_type, u.unit_type_en,
                               u.parent_code, u.province_code
                          FROM admin_unit d
                          JOIN admin_unit c ON c.edition = 'legacy' AND c.parent_code = d.code
                          JOIN admin_unit_mapping m ON m.legacy_edition = 'legacy' AND m.legacy_code = c.code
                          JOIN admin_unit u ON u.edition = m.new_edition AND u.code = m.new_code
                         WHERE d.edition = 'legacy' AND d.code = ? AND d.level = 'district'
                         GROUP BY d.code, d.full_name, u.edition, u.code, u.level, u.name, u.full_name,
                                  u.unit_type, u.unit_type_en, u.parent_code, u.province_code
                         ORDER BY u.name COLLATE vietnamese""")
                .param(legacyCode)
                .query((rs, n) -> new UnitSuccession(
                        rs.getString("legacy_code"),
                        rs.getString("legacy_name"),
                        UNIT.mapRow(rs, n),
                        rs.getString("coverage")))
                .list();
        if (viaCommunes.isEmpty()) {
            throw new OcopException(GeographyError.NO_SUCCESSOR, legacyCode);
        }
        return viaCommunes;
    }

    /**
     * Every unit of an edition (provinces, districts, communes), ordered by code; for bulk matching such as a
     * spreadsheet import, which must not query per row. Answered from memory after the first call (units change
     * only by migration). Empty for an unknown edition.
     */
    public List<AdminUnit> all(String edition) {
        return allByEdition.computeIfAbsent(
                edition,
                e -> List.copyOf(jdbc.sql("SELECT " + COLUMNS + " FROM admin_unit WHERE edition = ? ORDER BY code")
                        .param(e)
                        .query(UNIT)
                        .list()));
    }

    /** Every unit of an edition by code, from memory (see {@link #all}); for looking up many units at once. */
    public Map<String, AdminUnit> byCode(String edition) {
        return byCodeByEdition.computeIfAbsent(
                edition,
                e -> all(e).stream()
                        .collect(java.util.stream.Collectors.toUnmodifiableMap(AdminUnit::code, unit -> unit)));
    }

    /**
     * Every direct legacy → current mapping row (legacy provinces, communes, and the island districts that became
     * special zones): the rows {@link #successorsOf} answers for one code, all at once, for bulk matching. A legacy
     * code that was split has one {@code partial} row per current unit. Answered from memory after the first call.
     */
    public List<UnitSuccession> legacySuccessions() {
        List<UnitSuccession> all = successions;
        if (all == null) {
            all = List.copyOf(jdbc.sql("""
                            SELECT m.legacy_code, coalesce(l.full_name, '') AS legacy_name, m.coverage,
                                   u.edition, u.code, u.level, u.name, u.full_name, u.unit_type, u.unit_type_en,
                                   u.parent_code, u.province_code
                              FROM admin_unit_mapping m
                              JOIN admin_unit u ON u.edition = m.new_edition AND u.code = m.new_code
                              LEFT JOIN admin_unit l ON l.edition = m.legacy_edition AND l.code = m.legacy_code
                             WHERE m.legacy_edition = 'legacy'
                             ORDER BY m.legacy_code, m.coverage, u.code""")
                    .query((rs, n) -> new UnitSuccession(
                            rs.getString("legacy_code"),
                            rs.getString("legacy_name"),
                            UNIT.mapRow(rs, n),
                            rs.getString("coverage")))
                    .list());
            successions = all;
        }
        return all;
    }

    private void requireEdition(String edition) {
        if (known.contains(edition)) {
            return;
        }
        Integer count = jdbc.sql("SELECT count(*) FROM admin_edition WHERE code = ?")
                .param(edition)
                .query(Integer.class)
                .single();
        if (count == 0) {
            throw new OcopException(GeographyError.UNKNOWN_EDITION, edition);
        }
        known.add(edition);
    }

    private void requireLevel(String edition, String level) {
        requireEdition(edition);
        if (known.contains(edition + "/" + level)) {
            return;
        }
        Integer count = jdbc.sql("SELECT count(*) FROM admin_level WHERE edition = ? AND code = ?")
                .params(edition, level)
                .query(Integer.class)
                .single();
        if (count == 0) {
            throw new OcopException(GeographyError.UNKNOWN_LEVEL, level, edition);
        }
        known.add(edition + "/" + level);
    }

    /** Parent code by unit code for the current edition; a province maps to the empty string. */
    private Map<String, String> currentParents() {
        Map<String, String> parents = currentParents;
        if (parents == null) {
            Map<String, String> loaded = new HashMap<>();
            jdbc.sql("SELECT code, coalesce(parent_code, '') FROM admin_unit WHERE edition = ?")
                    .param(AdminEdition.CURRENT)
                    .query(rs -> {
                        loaded.put(rs.getString(1), rs.getString(2));
                    });
            parents = Map.copyOf(loaded);
            currentParents = parents;
        }
        return parents;
    }
}
