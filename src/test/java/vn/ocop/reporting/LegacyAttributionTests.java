package vn.ocop.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.ocop.geography.AdminUnit;
import vn.ocop.geography.UnitSuccession;

/** The rule attributing a current commune to one legacy commune (decision 0026), on a small made-up mapping. */
class LegacyAttributionTests {

    private static AdminUnit current(String code, String province) {
        return new AdminUnit("2025", code, "commune", code, "Xã " + code, "xã", "commune", province, province);
    }

    private static AdminUnit legacy(String code, String district, String province) {
        return new AdminUnit("legacy", code, "commune", code, "Xã " + code, "xã", "commune", district, province);
    }

    private static final AdminUnit DISTRICT = new AdminUnit(
            "legacy", "318", "district", "Bạch Long Vĩ", "Huyện Bạch Long Vĩ", "huyện", "district", "31", "31");

    private static UnitSuccession row(String legacyCode, AdminUnit current, String coverage) {
        return new UnitSuccession(legacyCode, "", current, coverage);
    }

    @Test
    void theCommuneKeepingItsCodeWinsThenWholeCommunesThenTheLowestCode() {
        AdminUnit a = current("10003", "08");
        AdminUnit b = current("10010", "08");
        AdminUnit c = current("10020", "08");
        AdminUnit island = current("11948", "31");
        Map<String, AdminUnit> legacyUnits = Map.of(
                "10001", legacy("10001", "101", "02"),
                "10003", legacy("10003", "102", "08"),
                "10005", legacy("10005", "103", "08"),
                "10007", legacy("10007", "101", "02"),
                "10011", legacy("10011", "103", "08"),
                "318", DISTRICT);
        List<UnitSuccession> rows = List.of(
                // a: made of 10001 (whole) and 10003 (whole), keeps 10003's code.
                row("10001", a, "full"),
                row("10003", a, "full"),
                // b: part of 10005 and the whole of 10007: the whole one wins.
                row("10005", b, "partial"),
                row("10007", b, "full"),
                // c: two parts: the lowest code; 10009 was merged away before the reform (no legacy unit).
                row("10011", c, "partial"),
                row("10005", c, "partial"),
                row("10009", c, "full"),
                row("318", island, "full"));
        Map<String, LegacyAttribution.Attribution> result =
                LegacyAttribution.attribute(List.of(a, b, c, island, current("99999", "08")), legacyUnits, rows);
        assertThat(result.get("10003").legacyCommune()).isEqualTo("10003");
        assertThat(result.get("10003").legacyProvince()).isEqualTo("08");
        assertThat(result.get("10010").legacyCommune()).isEqualTo("10007");
        assertThat(result.get("10010").legacyDistrict()).isEqualTo("101");
        assertThat(result.get("10010").legacyProvince()).isEqualTo("02");
        assertThat(result.get("10020").legacyCommune()).isEqualTo("10005");
        assertThat(result.get("11948").legacyCommune()).isNull();
        assertThat(result.get("11948").legacyDistrict()).isEqualTo("318");
        assertThat(result).doesNotContainKey("99999");
    }
}
