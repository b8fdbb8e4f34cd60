package vn.ocop.product;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The product classification tree as versioned data: version {@code 26-2026} (Decision 26/2026/QĐ-TTg, Phụ lục I: 6
 * sectors → 17 groups → 26 criteria sets), plus the 1048/2019 sectors kept as legacy classes for historic records.
 */
@Service
public class Classification {

    public static final String CURRENT_VERSION = "26-2026";

    /** One criteria set with its place in the tree. */
    public record CriteriaSetInfo(
            String version,
            int setNo,
            String path,
            String sectorCode,
            String sectorName,
            String groupCode,
            String groupName,
            String setName,
            String leadMinistry) {}

    /** A 1048/2019 sector. */
    public record LegacyClass(String code, String name) {}

    private final JdbcClient jdbc;
    private volatile @Nullable Map<Integer, CriteriaSetInfo> current;
    private volatile @Nullable Map<String, String> setNames;

    Classification(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The 26 criteria sets of the current version, in set order. */
    public List<CriteriaSetInfo> criteriaSets() {
        return List.copyOf(currentSets().values().stream()
                .sorted(java.util.Comparator.comparingInt(CriteriaSetInfo::setNo))
                .toList());
    }

    public Optional<CriteriaSetInfo> criteriaSet(int setNo) {
        return Optional.ofNullable(currentSets().get(setNo));
    }

    /**
     * The name of a criteria set of any classification version, from memory (the tree changes only by migration);
     * empty text when unknown.
     */
    public String setName(String version, int setNo) {
        Map<String, String> names = setNames;
        if (names == null) {
            names = jdbc
                    .sql("SELECT version, set_no, set_name FROM product_classification")
                    .query((rs, n) -> Map.entry(rs.getString(1) + "/" + rs.getInt(2), rs.getString(3)))
                    .list()
                    .stream()
                    .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
            setNames = names;
        }
        return names.getOrDefault(version + "/" + setNo, "");
    }

    public List<LegacyClass> legacyClasses() {
        return jdbc.sql("SELECT code, name FROM legacy_product_class ORDER BY code")
                .query(LegacyClass.class)
                .list();
    }

    private Map<Integer, CriteriaSetInfo> currentSets() {
        Map<Integer, CriteriaSetInfo> sets = current;
        if (sets == null) {
            sets = jdbc.sql("""
                            SELECT version, set_no, path, sector_code, sector_name, group_code, group_name, set_name,
                                   lead_ministry
                              FROM product_classification WHERE version = ? ORDER BY set_no""").param(CURRENT_VERSION).query(CriteriaSetInfo.class).list().stream()
                    .collect(Collectors.toUnmodifiableMap(CriteriaSetInfo::setNo, Function.identity()));
            current = sets;
        }
        return sets;
    }
}
