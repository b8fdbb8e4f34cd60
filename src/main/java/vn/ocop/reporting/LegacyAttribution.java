package vn.ocop.reporting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ocop.geography.AdminEdition;
import vn.ocop.geography.AdminUnit;
import vn.ocop.geography.AdminUnits;
import vn.ocop.geography.UnitSuccession;

/**
 * Which legacy unit each current commune counts for in reports of the 63-province era (decision 0026). A current
 * commune often came from several legacy communes, sometimes of two legacy districts or provinces, and a legacy commune
 * split over several current ones is "partial" in each. Figures are attributed whole, never split: each current
 * commune counts for exactly one <em>principal</em> legacy commune, so legacy units add up to the whole and a merged
 * province equals the sum of the legacy provinces it came from. The principal is, in order:
 *
 * <ol>
 *   <li>the legacy commune with the same code (the commune the new one was named after keeps its code);
 *   <li>else the legacy commune that went into it wholly ({@code full}) with the lowest code;
 *   <li>else the lowest code among those that went into it in part;
 *   <li>for the island special zones made from a legacy district without communes, that district.
 * </ol>
 *
 * Its legacy district and province are the principal's. Computed from the geography module's mapping, in memory and
 * in {@code report_commune} for the queries.
 */
@Component
class LegacyAttribution {

    /** Where one current commune counts in the legacy scheme. */
    record Attribution(
            String commune,
            String province,
            @Nullable String legacyCommune,
            String legacyDistrict,
            String legacyProvince) {}

    private final AdminUnits units;
    private final JdbcTemplate jdbc;
    private volatile @Nullable Map<String, Attribution> byCommune;

    LegacyAttribution(AdminUnits units, JdbcTemplate jdbc) {
        this.units = units;
        this.jdbc = jdbc;
    }

    /** Every current commune's attribution, by commune code. */
    Map<String, Attribution> all() {
        Map<String, Attribution> all = byCommune;
        if (all == null) {
            all = attribute(
                    units.all(AdminEdition.CURRENT).stream()
                            .filter(unit -> !unit.isProvince())
                            .toList(),
                    units.byCode(AdminEdition.LEGACY),
                    units.legacySuccessions());
            byCommune = all;
        }
        return all;
    }

    /** The current communes that count for a legacy unit (province, district or commune), in code order. */
    List<String> communesOf(AdminUnit legacy) {
        return all().values().stream()
                .filter(a -> switch (legacy.level()) {
                    case "province" -> a.legacyProvince().equals(legacy.code());
                    case "district" -> a.legacyDistrict().equals(legacy.code());
                    default -> legacy.code().equals(a.legacyCommune());
                })
                .map(Attribution::commune)
                .sorted()
                .toList();
    }

    /** The current province a legacy province became part of (provinces were merged whole). */
    @Nullable
    String successorProvince(String legacyProvince) {
        return units.legacySuccessions().stream()
                .filter(s ->
                        s.legacyCode().equals(legacyProvince) && s.current().isProvince())
                .map(s -> s.current().code())
                .findFirst()
                .orElse(null);
    }

    /** Writes the attribution to {@code report_commune} (idempotent; several nodes may do it at once). */
    void store() {
        List<Object[]> rows = new ArrayList<>();
        for (Attribution a : all().values()) {
            rows.add(new Object[] {a.commune(), a.province(), a.legacyCommune(), a.legacyDistrict(), a.legacyProvince()
            });
        }
        jdbc.batchUpdate("""
                INSERT INTO report_commune (code, province_code, legacy_commune_code, legacy_district_code,
                                            legacy_province_code)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET province_code = excluded.province_code,
                       legacy_commune_code = excluded.legacy_commune_code,
                       legacy_district_code = excluded.legacy_district_code,
                       legacy_province_code = excluded.legacy_province_code
                 WHERE (report_commune.province_code, report_commune.legacy_commune_code,
                        report_commune.legacy_district_code, report_commune.legacy_province_code)
                       IS DISTINCT FROM (excluded.province_code, excluded.legacy_commune_code,
                                         excluded.legacy_district_code, excluded.legacy_province_code)""", rows);
    }

    /**
     * The rule of the class comment, pure: {@code communes} of the current edition, every legacy unit by code, and the
     * legacy → current mapping rows. A commune without any mapping row is left out.
     */
    static Map<String, Attribution> attribute(
            List<AdminUnit> communes, Map<String, AdminUnit> legacyUnits, List<UnitSuccession> successions) {
        Map<String, List<UnitSuccession>> sources = new HashMap<>();
        for (UnitSuccession s : successions) {
            AdminUnit legacy = legacyUnits.get(s.legacyCode());
            // Codes merged away before the reform (kept for old addresses) have no legacy unit to count for.
            if (legacy != null && !legacy.isProvince() && !s.current().isProvince()) {
                sources.computeIfAbsent(s.current().code(), c -> new ArrayList<>())
                        .add(s);
            }
        }
        Comparator<UnitSuccession> principalFirst = Comparator.comparing(
                        (UnitSuccession s) -> !s.legacyCode().equals(s.current().code()))
                .thenComparing(s -> !"full".equals(s.coverage()))
                .thenComparing(UnitSuccession::legacyCode);
        Map<String, Attribution> result = new HashMap<>();
        for (AdminUnit commune : communes) {
            List<UnitSuccession> candidates = sources.getOrDefault(commune.code(), List.of());
            if (candidates.isEmpty()) {
                continue;
            }
            AdminUnit principal = legacyUnits.get(
                    candidates.stream().min(principalFirst).orElseThrow().legacyCode());
            boolean district = "district".equals(principal.level());
            result.put(
                    commune.code(),
                    new Attribution(
                            commune.code(),
                            commune.provinceCode(),
                            district ? null : principal.code(),
                            district ? principal.code() : java.util.Objects.requireNonNull(principal.parentCode()),
                            principal.provinceCode()));
        }
        return Map.copyOf(result);
    }
}
