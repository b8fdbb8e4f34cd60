package vn.ocop.product.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.ocop.geography.AdminUnit;
import vn.ocop.geography.UnitSuccession;

/**
 * Location rules on a small extract of the real reference data: Hà Giang (legacy 02) merged into Tuyên Quang (08);
 * its city's wards became Phường Hà Giang 1 and 2, Phường Quang Trung being split between both.
 */
class LocationIndexTests {

    static final AdminUnit TUYEN_QUANG = current("08", "Tuyên Quang", "Tỉnh Tuyên Quang", "tỉnh", null, "08");
    static final AdminUnit HA_GIANG_1 = current("00694", "Hà Giang 1", "Phường Hà Giang 1", "phường", "08", "08");
    static final AdminUnit HA_GIANG_2 = current("00691", "Hà Giang 2", "Phường Hà Giang 2", "phường", "08", "08");
    static final AdminUnit DONG_THAP = current("82", "Đồng Tháp", "Tỉnh Đồng Tháp", "tỉnh", null, "82");
    static final AdminUnit MY_THO = current("28249", "Mỹ Tho", "Phường Mỹ Tho", "phường", "82", "82");
    static final AdminUnit MY_THO_XA = current("28250", "Mỹ Thọ", "Xã Mỹ Thọ", "xã", "82", "82");
    static final AdminUnit HOA_LOC = current("28300", "Hòa Lộc", "Xã Hòa Lộc", "xã", "82", "82");

    static final AdminUnit HA_GIANG = legacy("02", "province", "Hà Giang", "Tỉnh Hà Giang", "tỉnh", null, "02");
    static final AdminUnit TQ_OLD = legacy("08", "province", "Tuyên Quang", "Tỉnh Tuyên Quang", "tỉnh", null, "08");
    static final AdminUnit HG_CITY =
            legacy("024", "district", "Hà Giang", "Thành phố Hà Giang", "thành phố", "02", "02");
    static final AdminUnit VI_XUYEN = legacy("030", "district", "Vị Xuyên", "Huyện Vị Xuyên", "huyện", "02", "02");
    static final AdminUnit TRAN_PHU = legacy("00691", "commune", "Trần Phú", "Phường Trần Phú", "phường", "024", "02");
    static final AdminUnit QUANG_TRUNG =
            legacy("00688", "commune", "Quang Trung", "Phường Quang Trung", "phường", "024", "02");
    static final AdminUnit NGOC_HA = legacy("00692", "commune", "Ngọc Hà", "Phường Ngọc Hà", "phường", "024", "02");
    static final AdminUnit TRAN_PHU_VX = legacy("00970", "commune", "Trần Phú", "Xã Trần Phú", "xã", "030", "02");

    final LocationIndex index = new LocationIndex(
            List.of(TUYEN_QUANG, HA_GIANG_1, HA_GIANG_2, DONG_THAP, MY_THO, MY_THO_XA, HOA_LOC),
            List.of(HA_GIANG, TQ_OLD, HG_CITY, VI_XUYEN, TRAN_PHU, QUANG_TRUNG, NGOC_HA, TRAN_PHU_VX),
            List.of(
                    new UnitSuccession("02", "Tỉnh Hà Giang", TUYEN_QUANG, "full"),
                    new UnitSuccession("08", "Tỉnh Tuyên Quang", TUYEN_QUANG, "full"),
                    new UnitSuccession("00691", "Phường Trần Phú", HA_GIANG_2, "full"),
                    new UnitSuccession("00692", "Phường Ngọc Hà", HA_GIANG_2, "full"),
                    new UnitSuccession("00688", "Phường Quang Trung", HA_GIANG_1, "partial"),
                    new UnitSuccession("00688", "Phường Quang Trung", HA_GIANG_2, "partial"),
                    new UnitSuccession("00970", "Xã Trần Phú", HA_GIANG_1, "full")));

    @Test
    void currentCodeInsideTheProvinceIsTakenAsIs() {
        assertThat(resolve("08", "", "00691")).isEqualTo("00691");
        assertThat(resolve("Tuyên Quang", "", "691")).isEqualTo("00691");
        assertThat(index.resolve("Tuyên Quang", "", "00691").fromLegacy()).isFalse();
    }

    @Test
    void legacyCodeWithALegacyProvinceMapsToItsSuccessor() {
        assertThat(resolve("02", "", "00692")).isEqualTo("00691");
        assertThat(index.resolve("02", "", "00692").fromLegacy()).isTrue();
    }

    @Test
    void namesIgnoreAccentsCaseTypeWordsAndToneMarkPlacement() {
        assertThat(resolve("tuyen quang", "", "phuong ha giang 1")).isEqualTo("00694");
        assertThat(resolve("Tỉnh Tuyên Quang", "", "Hà Giang 2")).isEqualTo("00691");
        assertThat(resolve("Đồng Tháp", "", "Xã Hoà Lộc")).isEqualTo("28300");
    }

    @Test
    void legacyNamesMapThroughTheMappingAndADistrictNarrowsThem() {
        assertThat(resolve("Hà Giang", "", "Phường Trần Phú")).isEqualTo("00691");
        assertThat(resolve("Hà Giang", "Huyện Vị Xuyên", "Trần Phú")).isEqualTo("00694");
        assertThat(resolve("Tuyên Quang", "Thành phố Hà Giang", "Ngọc Hà")).isEqualTo("00691");
        assertThat(message("Hà Giang", "", "Trần Phú")).startsWith("import.issue.ambiguousLegacyName");
    }

    @Test
    void aSplitLegacyCommuneIsAmbiguousAndListsTheCandidates() {
        LocationIndex.Resolution split = index.resolve("Hà Giang", "", "Quang Trung");
        assertThat(split.commune()).isNull();
        assertThat(split.messageKey()).isEqualTo("import.issue.ambiguousLegacy");
        assertThat(split.arguments())
                .containsExactly("Phường Quang Trung (00688)", "Phường Hà Giang 1 (00694), Phường Hà Giang 2 (00691)");
        assertThat(index.resolve("02", "", "00688").messageKey()).isEqualTo("import.issue.ambiguousLegacy");
    }

    @Test
    void spellingAndTypeWordSeparateNamesThatFoldAlike() {
        assertThat(resolve("Đồng Tháp", "", "Phường Mỹ Tho")).isEqualTo("28249");
        assertThat(resolve("Đồng Tháp", "", "Xã Mỹ Thọ")).isEqualTo("28250");
        assertThat(resolve("Đồng Tháp", "", "Mỹ Thọ")).isEqualTo("28250");
        assertThat(message("Đồng Tháp", "", "my tho")).startsWith("import.issue.ambiguousName");
    }

    @Test
    void unknownOrMisplacedUnitsBlameTheRightColumn() {
        assertThat(index.resolve("Atlantis", "", "Hà Giang 1").column()).isEqualTo(RegistryColumn.PROVINCE);
        assertThat(index.resolve("Tuyên Quang", "", "Không Có").column()).isEqualTo(RegistryColumn.COMMUNE);
        assertThat(message("Đồng Tháp", "", "00691")).startsWith("import.issue.communeNotInProvince");
        assertThat(message("Tuyên Quang", "", "99999")).startsWith("import.issue.unknownCommuneCode");
        assertThat(index.resolve("Hà Giang", "Huyện Không Có", "Trần Phú").column())
                .isEqualTo(RegistryColumn.LEGACY_DISTRICT);
    }

    @Test
    void toneKeyTreatsBothPlacementsAlikeButKeepsTheMarks() {
        assertThat(LocationIndex.toneKey("Hoà Lộc")).isEqualTo(LocationIndex.toneKey("Hòa Lộc"));
        assertThat(LocationIndex.toneKey("Thuỷ")).isEqualTo(LocationIndex.toneKey("Thủy"));
        assertThat(LocationIndex.toneKey("Mỹ Thọ")).isNotEqualTo(LocationIndex.toneKey("Mỹ Tho"));
    }

    private String resolve(String province, String district, String commune) {
        LocationIndex.Resolution r = index.resolve(province, district, commune);
        assertThat(r.commune()).as(r.messageKey() + " " + r.arguments()).isNotNull();
        return r.commune().code();
    }

    private String message(String province, String district, String commune) {
        LocationIndex.Resolution r = index.resolve(province, district, commune);
        assertThat(r.commune()).isNull();
        return r.messageKey() + " " + r.arguments();
    }

    static AdminUnit current(String code, String name, String full, String type, String parent, String province) {
        return new AdminUnit(
                "2025", code, parent == null ? "province" : "commune", name, full, type, type, parent, province);
    }

    static AdminUnit legacy(
            String code, String level, String name, String full, String type, String parent, String province) {
        return new AdminUnit("legacy", code, level, name, full, type, type, parent, province);
    }
}
