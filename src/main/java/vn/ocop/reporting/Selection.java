package vn.ocop.reporting;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a figure counts, beyond its unit: stars, certificate kinds, the producer's legal type or flag, criteria sets (a
 * product group). Appends itself to a query's WHERE clause over the aliases the queries share: {@code pr} (producer),
 * {@code c} (certificate) or {@code p} (product) for the criteria set, and a star column.
 */
record Selection(
        ReportUnits.Resolved unit,
        @Nullable Integer minStar,
        @Nullable Integer maxStar,
        List<String> kinds,
        @Nullable String legalType,
        @Nullable String flag,
        List<Integer> criteriaSets) {

    static Selection of(ReportUnits.Resolved unit) {
        return new Selection(unit, null, null, List.of(), null, null, List.of());
    }

    /** The producer flags that can select producers, with their column. */
    static String flagColumn(String flag) {
        return switch (flag) {
            case "SME" -> "pr.sme";
            case "CRAFT_VILLAGE" -> "pr.craft_village";
            case "WOMEN_LED" -> "pr.women_led";
            case "ETHNIC_MINORITY_AREA" -> "pr.ethnic_minority_area";
            default -> throw new IllegalArgumentException("unknown producer flag " + flag);
        };
    }

    /**
     * Appends " AND …" conditions on certificates ({@code c}) and their producers ({@code pr}); {@code starColumn} is
     * where stars are, {@code null} when none apply.
     */
    void appendTo(StringBuilder sql, List<Object> params, @Nullable String starColumn) {
        appendTo(sql, params, starColumn, "c.criteria_set_no");
    }

    /** As {@link #appendTo(StringBuilder, List, String)}, the criteria set read from {@code setColumn}. */
    void appendTo(StringBuilder sql, List<Object> params, @Nullable String starColumn, String setColumn) {
        sql.append(" AND ").append(unit.condition("pr.commune_code", "pr.province_code"));
        params.addAll(unit.parameters());
        if (starColumn != null && minStar != null) {
            sql.append(" AND ").append(starColumn).append(" >= ?");
            params.add(minStar);
        }
        if (starColumn != null && maxStar != null) {
            sql.append(" AND ").append(starColumn).append(" <= ?");
            params.add(maxStar);
        }
        if (legalType != null) {
            sql.append(" AND pr.legal_type = ?");
            params.add(legalType);
        }
        if (flag != null) {
            sql.append(" AND ").append(flagColumn(flag));
        }
        if (!criteriaSets.isEmpty()) {
            sql.append(" AND ").append(setColumn).append(" = ANY (?)");
            params.add(criteriaSets.toArray(Integer[]::new));
        }
    }

    /** Appends " AND c.kind IN (…)" when kinds are selected. */
    void appendKinds(StringBuilder sql, List<Object> params) {
        if (!kinds.isEmpty()) {
            sql.append(" AND c.kind = ANY (?)");
            params.add(kinds.toArray(String[]::new));
        }
    }

    static List<Object> params() {
        return new ArrayList<>();
    }
}
