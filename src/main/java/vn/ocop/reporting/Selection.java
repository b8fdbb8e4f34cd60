package vn.ocop.reporting;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a figure counts, beyond its unit: stars, certificate kinds, the producer's legal type or flag, criteria sets (a
 * product group). Appends itself to a query's WHERE clause: over certificates ({@code c}, which carry their producer's
 * facts), or over another table joined to products ({@code p}) and producers ({@code pr}).
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

    /** The column of a producer flag that can select producers. */
    static String flagColumn(String flag) {
        return switch (flag) {
            case "SME" -> "sme";
            case "CRAFT_VILLAGE" -> "craft_village";
            case "WOMEN_LED" -> "women_led";
            case "ETHNIC_MINORITY_AREA" -> "ethnic_minority_area";
            default -> throw new IllegalArgumentException("unknown producer flag " + flag);
        };
    }

    /**
     * Appends " AND …" conditions on certificates ({@code c}), which carry their producer's facts; {@code starColumn}
     * is where stars are, {@code null} when none apply.
     */
    void appendTo(StringBuilder sql, List<Object> params, @Nullable String starColumn) {
        appendTo(sql, params, starColumn, "c.criteria_set_no", "c");
    }

    /**
     * As {@link #appendTo(StringBuilder, List, String)}, the criteria set read from {@code setColumn} and the
     * producer's facts (place, legal type, flags) from the table aliased {@code producer}.
     */
    void appendTo(
            StringBuilder sql, List<Object> params, @Nullable String starColumn, String setColumn, String producer) {
        sql.append(" AND ").append(unit.condition(producer + ".commune_code", producer + ".province_code"));
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
            sql.append(" AND ").append(producer).append(".legal_type = ?");
            params.add(legalType);
        }
        if (flag != null) {
            sql.append(" AND ").append(producer).append('.').append(flagColumn(flag));
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
