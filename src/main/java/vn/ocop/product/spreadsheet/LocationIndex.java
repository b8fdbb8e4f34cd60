package vn.ocop.product.spreadsheet;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import vn.ocop.geography.AdminUnit;
import vn.ocop.geography.UnitSuccession;
import vn.ocop.product.SearchFolding;

/**
 * Finds the current commune a spreadsheet row means, from a province, an optional legacy district and a commune, each
 * given as a code or a name, of the current scheme (since 1/7/2025) or the legacy one (63 provinces). Built once from
 * the reference data and held in memory (it never changes between migrations), so a 20,000-row file needs no query
 * per row.
 *
 * <p>Rules, in order: a commune code of the current edition inside the given province; else a legacy commune code,
 * mapped to its successor (one successor: fine; split over several: the officer must choose); else names, compared
 * with accents, case and tone-mark placement ({@code hoà}/{@code hòa}) ignored, the type word ({@code Xã},
 * {@code Phường}…) optional, within the given province (current or legacy, and the provinces it merged with). A legacy
 * district narrows the legacy communes. When a folded name matches several units, the exact spelling and then the
 * type word decide; if they cannot, the row is refused and the candidates are listed.
 */
final class LocationIndex {

    /** The outcome for one row: the commune, or a message key with its arguments and the column to blame. */
    record Resolution(
            @Nullable AdminUnit commune,
            boolean fromLegacy,
            @Nullable RegistryColumn column,
            @Nullable String messageKey,
            List<String> arguments) {

        static Resolution ok(AdminUnit commune, boolean fromLegacy) {
            return new Resolution(commune, fromLegacy, null, null, List.of());
        }

        static Resolution error(RegistryColumn column, String key, String... arguments) {
            return new Resolution(null, false, column, key, List.of(arguments));
        }
    }

    private static final List<String> TYPE_WORDS = List.of(
            "thanh pho ",
            "tp. ",
            "tp ",
            "tinh ",
            "quan ",
            "huyen ",
            "thi xa ",
            "thi tran ",
            "xa ",
            "phuong ",
            "dac khu ");

    private final Map<String, AdminUnit> currentByCode = new HashMap<>();
    private final Map<String, AdminUnit> legacyByCode = new HashMap<>();
    private final Map<String, List<AdminUnit>> currentProvinceByName = new HashMap<>();
    private final Map<String, List<AdminUnit>> legacyProvinceByName = new HashMap<>();
    /** Key: province code + "|" + folded name (or full name). */
    private final Map<String, List<AdminUnit>> currentCommunes = new HashMap<>();

    private final Map<String, List<AdminUnit>> legacyCommunesByProvince = new HashMap<>();
    private final Map<String, List<AdminUnit>> legacyCommunesByDistrict = new HashMap<>();
    private final Map<String, List<AdminUnit>> legacyDistricts = new HashMap<>();
    private final Map<String, List<UnitSuccession>> successors = new HashMap<>();
    /** Current province code -> legacy province codes that went into it. */
    private final Map<String, Set<String>> predecessors = new HashMap<>();

    LocationIndex(Collection<AdminUnit> current, Collection<AdminUnit> legacy, Collection<UnitSuccession> mapping) {
        for (AdminUnit unit : current) {
            currentByCode.put(unit.code(), unit);
            if (unit.isProvince()) {
                for (String key : keys(unit)) {
                    currentProvinceByName
                            .computeIfAbsent(key, k -> new ArrayList<>())
                            .add(unit);
                }
            } else {
                for (String key : keys(unit)) {
                    currentCommunes
                            .computeIfAbsent(unit.provinceCode() + "|" + key, k -> new ArrayList<>())
                            .add(unit);
                }
            }
        }
        for (AdminUnit unit : legacy) {
            legacyByCode.put(unit.code(), unit);
            for (String key : keys(unit)) {
                switch (unit.level()) {
                    case "province" ->
                        legacyProvinceByName
                                .computeIfAbsent(key, k -> new ArrayList<>())
                                .add(unit);
                    case "district" ->
                        legacyDistricts
                                .computeIfAbsent(unit.provinceCode() + "|" + key, k -> new ArrayList<>())
                                .add(unit);
                    default -> {
                        legacyCommunesByProvince
                                .computeIfAbsent(unit.provinceCode() + "|" + key, k -> new ArrayList<>())
                                .add(unit);
                        legacyCommunesByDistrict
                                .computeIfAbsent(unit.parentCode() + "|" + key, k -> new ArrayList<>())
                                .add(unit);
                    }
                }
            }
        }
        for (UnitSuccession succession : mapping) {
            successors
                    .computeIfAbsent(succession.legacyCode(), k -> new ArrayList<>())
                    .add(succession);
            if (succession.current().isProvince() && succession.legacyCode().length() == 2) {
                predecessors
                        .computeIfAbsent(succession.current().code(), k -> new LinkedHashSet<>())
                        .add(succession.legacyCode());
            }
        }
    }

    Resolution resolve(String province, String district, String commune) {
        Set<String> currentProvinces = new LinkedHashSet<>();
        Set<String> legacyProvinces = new LinkedHashSet<>();
        matchProvince(province.strip(), currentProvinces, legacyProvinces);
        if (currentProvinces.isEmpty() && legacyProvinces.isEmpty()) {
            return Resolution.error(RegistryColumn.PROVINCE, "import.issue.unknownProvince", province.strip());
        }
        boolean onlyLegacyProvince = currentProvinces.isEmpty();
        // Where the commune may be, in each scheme: the provinces named, and those they merged with or into.
        Set<String> searchCurrent = new LinkedHashSet<>(currentProvinces);
        legacyProvinces.forEach(code -> successorProvince(code).ifPresentOrElse(searchCurrent::add, () -> {}));
        Set<String> searchLegacy = new LinkedHashSet<>(legacyProvinces);
        currentProvinces.forEach(code -> searchLegacy.addAll(predecessors.getOrDefault(code, Set.of())));

        String input = commune.strip();
        if (digits(input, 5)) {
            return byCode(pad(input, 5), province.strip(), searchCurrent, searchLegacy);
        }
        String districtInput = district.strip();
        if (!districtInput.isEmpty() || onlyLegacyProvince) {
            Resolution legacyFirst = byLegacyName(input, districtInput, searchLegacy, province.strip());
            if (legacyFirst.commune() != null || !"import.issue.unknownCommune".equals(legacyFirst.messageKey())) {
                return legacyFirst;
            }
            Resolution current = byCurrentName(input, searchCurrent, province.strip());
            return current.commune() != null ? current : legacyFirst;
        }
        Resolution current = byCurrentName(input, searchCurrent, province.strip());
        if (current.commune() != null || !"import.issue.unknownCommune".equals(current.messageKey())) {
            return current;
        }
        Resolution legacyName = byLegacyName(input, "", searchLegacy, province.strip());
        return legacyName.commune() != null || !"import.issue.unknownCommune".equals(legacyName.messageKey())
                ? legacyName
                : current;
    }

    private void matchProvince(String input, Set<String> current, Set<String> legacy) {
        if (digits(input, 2)) {
            String code = pad(input, 2);
            AdminUnit unit = currentByCode.get(code);
            if (unit != null && unit.isProvince()) {
                current.add(code);
            }
            AdminUnit old = legacyByCode.get(code);
            if (old != null && "province".equals(old.level())) {
                legacy.add(code);
            }
            return;
        }
        for (String key : inputKeys(input)) {
            currentProvinceByName.getOrDefault(key, List.of()).forEach(u -> current.add(u.code()));
            legacyProvinceByName.getOrDefault(key, List.of()).forEach(u -> legacy.add(u.code()));
            if (!current.isEmpty() || !legacy.isEmpty()) {
                return;
            }
        }
    }

    private java.util.Optional<String> successorProvince(String legacyProvince) {
        return successors.getOrDefault(legacyProvince, List.of()).stream()
                .map(s -> s.current().code())
                .findFirst();
    }

    private Resolution byCode(String code, String provinceInput, Set<String> searchCurrent, Set<String> searchLegacy) {
        AdminUnit current = currentByCode.get(code);
        if (current != null && !current.isProvince() && searchCurrent.contains(current.provinceCode())) {
            return Resolution.ok(current, false);
        }
        List<UnitSuccession> next = successors.getOrDefault(code, List.of());
        AdminUnit legacy = legacyByCode.get(code);
        boolean legacyInProvince = legacy != null && searchLegacy.contains(legacy.provinceCode())
                || legacy == null
                        && next.stream()
                                .anyMatch(
                                        s -> searchCurrent.contains(s.current().provinceCode()));
        if (!next.isEmpty() && legacyInProvince) {
            return successor(code, legacy == null ? code : legacy.fullName(), next);
        }
        if (current != null && !current.isProvince()) {
            return Resolution.error(
                    RegistryColumn.COMMUNE,
                    "import.issue.communeNotInProvince",
                    current.fullName() + " (" + code + ")",
                    provinceName(current.provinceCode()),
                    provinceInput);
        }
        return Resolution.error(RegistryColumn.COMMUNE, "import.issue.unknownCommuneCode", code);
    }

    private Resolution byCurrentName(String input, Set<String> provinces, String provinceInput) {
        List<AdminUnit> found = find(currentCommunes, provinces, input);
        if (found.isEmpty()) {
            return Resolution.error(RegistryColumn.COMMUNE, "import.issue.unknownCommune", input, provinceInput);
        }
        List<AdminUnit> chosen = narrow(found, input);
        if (chosen.size() > 1) {
            return Resolution.error(RegistryColumn.COMMUNE, "import.issue.ambiguousName", input, describe(chosen));
        }
        return Resolution.ok(chosen.get(0), false);
    }

    private Resolution byLegacyName(String input, String district, Set<String> provinces, String provinceInput) {
        List<AdminUnit> found;
        if (!district.isEmpty()) {
            List<AdminUnit> districts = digits(district, 3)
                    ? java.util.Optional.ofNullable(legacyByCode.get(pad(district, 3)))
                            .filter(d -> "district".equals(d.level()) && provinces.contains(d.provinceCode()))
                            .map(List::of)
                            .orElse(List.of())
                    : find(legacyDistricts, provinces, district);
            if (districts.isEmpty()) {
                return Resolution.error(
                        RegistryColumn.LEGACY_DISTRICT, "import.issue.unknownDistrict", district, provinceInput);
            }
            found = find(
                    legacyCommunesByDistrict,
                    districts.stream().map(AdminUnit::code).collect(Collectors.toSet()),
                    input);
        } else {
            found = find(legacyCommunesByProvince, provinces, input);
        }
        if (found.isEmpty()) {
            return Resolution.error(RegistryColumn.COMMUNE, "import.issue.unknownCommune", input, provinceInput);
        }
        List<AdminUnit> chosen = narrow(found, input);
        if (chosen.size() > 1) {
            return Resolution.error(
                    RegistryColumn.COMMUNE, "import.issue.ambiguousLegacyName", input, describeLegacy(chosen));
        }
        AdminUnit legacy = chosen.get(0);
        List<UnitSuccession> next = successors.getOrDefault(legacy.code(), List.of());
        if (next.isEmpty()) {
            return Resolution.error(RegistryColumn.COMMUNE, "import.issue.unknownCommune", input, provinceInput);
        }
        return successor(legacy.code(), legacy.fullName(), next);
    }

    private Resolution successor(String code, String legacyName, List<UnitSuccession> next) {
        List<AdminUnit> targets = next.stream()
                .map(UnitSuccession::current)
                .filter(u -> !u.isProvince())
                .distinct()
                .toList();
        if (targets.size() == 1) {
            return Resolution.ok(targets.get(0), true);
        }
        if (targets.isEmpty()) {
            return Resolution.error(RegistryColumn.COMMUNE, "import.issue.unknownCommuneCode", code);
        }
        return Resolution.error(
                RegistryColumn.COMMUNE,
                "import.issue.ambiguousLegacy",
                legacyName + " (" + code + ")",
                describe(targets));
    }

    private static List<AdminUnit> find(Map<String, List<AdminUnit>> index, Set<String> parents, String input) {
        for (String key : inputKeys(input)) {
            Set<AdminUnit> found = new LinkedHashSet<>();
            for (String parent : parents) {
                found.addAll(index.getOrDefault(parent + "|" + key, List.of()));
            }
            if (!found.isEmpty()) {
                return List.copyOf(found);
            }
        }
        return List.of();
    }

    /** Several units fold to the same name: keep those spelt exactly alike, then those of the type written. */
    private static List<AdminUnit> narrow(List<AdminUnit> found, String input) {
        if (found.size() < 2) {
            return found;
        }
        String written = toneKey(input);
        List<AdminUnit> exact = found.stream()
                .filter(u -> toneKey(u.fullName()).equals(written)
                        || toneKey(u.name()).equals(written))
                .toList();
        List<AdminUnit> candidates = exact.isEmpty() ? found : exact;
        if (candidates.size() > 1) {
            String folded = SearchFolding.fold(input);
            List<AdminUnit> typed = candidates.stream()
                    .filter(u -> folded.startsWith(SearchFolding.fold(u.type()) + " "))
                    .toList();
            if (!typed.isEmpty()) {
                candidates = typed;
            }
        }
        return candidates;
    }

    private String provinceName(String code) {
        AdminUnit unit = currentByCode.get(code);
        return unit == null ? code : unit.fullName();
    }

    private static String describe(List<AdminUnit> units) {
        return units.stream().map(u -> u.fullName() + " (" + u.code() + ")").collect(Collectors.joining(", "));
    }

    private String describeLegacy(List<AdminUnit> units) {
        return units.stream()
                .map(u -> {
                    AdminUnit district = u.parentCode() == null ? null : legacyByCode.get(u.parentCode());
                    return u.fullName() + " (" + u.code() + (district == null ? "" : ", " + district.fullName()) + ")";
                })
                .collect(Collectors.joining(", "));
    }

    private static List<String> keys(AdminUnit unit) {
        return List.of(SearchFolding.fold(unit.name()), SearchFolding.fold(unit.fullName()));
    }

    /** The folded input, then the same without a leading type word ("Xã ", "Tỉnh "…). */
    private static List<String> inputKeys(String input) {
        String folded = SearchFolding.fold(input.replace('\u00a0', ' '));
        List<String> keys = new ArrayList<>();
        keys.add(folded);
        for (String word : TYPE_WORDS) {
            if (folded.startsWith(word) && folded.length() > word.length()) {
                keys.add(folded.substring(word.length()).strip());
                break;
            }
        }
        return keys;
    }

    /**
     * Lower case with accents kept, but each syllable's tone mark moved to its end, so the two tone-mark placements
     * in use ({@code hoà}/{@code hòa}, {@code thuỷ}/{@code thủy}) compare equal while {@code Thọ} and {@code Tho}
     * do not.
     */
    static String toneKey(String text) {
        String decomposed = Normalizer.normalize(text.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder key = new StringBuilder();
        StringBuilder tones = new StringBuilder();
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            boolean tone = c == '\u0300' || c == '\u0301' || c == '\u0303' || c == '\u0309' || c == '\u0323';
            if (tone) {
                tones.append(c);
            } else if (Character.isWhitespace(c)) {
                key.append(tones).append(' ');
                tones.setLength(0);
            } else {
                key.append(c);
            }
        }
        return key.append(tones).toString().replaceAll("\\s+", " ").strip();
    }

    /** Whether the text is 1 to {@code max} ASCII digits (a code, possibly without its leading zeros). */
    static boolean digits(String text, int max) {
        if (text.isEmpty() || text.length() > max) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    static String pad(String digits, int length) {
        return digits.length() >= length ? digits : "0".repeat(length - digits.length()) + digits;
    }

    /** The current-edition unit with this code, for display. */
    @Nullable
    AdminUnit current(String code) {
        return currentByCode.get(code);
    }
}
