package vn.ocop.geography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.ocop.IntegrationTest;
import vn.ocop.shared.OcopException;

/** The administrative-unit tree on real PostgreSQL: both schemes, the legacy mapping, search and sort order. */
@IntegrationTest
class GeographyIntegrationTests {

    @Autowired
    AdminUnits units;

    @Autowired
    MockMvc mvc;

    @Test
    void currentSchemeHas34ProvincesAnd3321Communes() {
        assertThat(units.list(AdminEdition.CURRENT, "province")).hasSize(34);
        assertThat(units.list(AdminEdition.CURRENT, "commune")).hasSize(3321);
    }

    @Test
    void legacySchemeHas63Provinces696DistrictsAnd10035Communes() {
        assertThat(units.list(AdminEdition.LEGACY, "province")).hasSize(63);
        assertThat(units.list(AdminEdition.LEGACY, "district")).hasSize(696);
        assertThat(units.list(AdminEdition.LEGACY, "commune")).hasSize(10035);
    }

    @Test
    void everyCurrentProvinceHasTheCommuneCountOfTheOfficialList() throws Exception {
        // provinces-2025.csv states each province's commune count; the loaded tree must agree for all 34.
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(
                getClass().getResourceAsStream("/db/data/admin-units/provinces-2025.csv"),
                java.nio.charset.StandardCharsets.UTF_8))) {
            List<String[]> rows =
                    lines.lines().skip(1).map(line -> line.split(",")).toList();
            assertThat(rows).hasSize(34);
            for (String[] row : rows) {
                assertThat(units.children(AdminEdition.CURRENT, row[0]))
                        .as("communes of %s", row[2])
                        .hasSize(Integer.parseInt(row[8]));
            }
        }
    }

    @Test
    void mergedLegacyProvinceMapsToItsSuccessor() {
        // Hà Giang (02) was merged into Tuyên Quang (08) on 1/7/2025 (Resolution 202/2025/QH15).
        List<UnitSuccession> successors = units.successorsOf("02");
        assertThat(successors).singleElement().satisfies(s -> {
            assertThat(s.current().code()).isEqualTo("08");
            assertThat(s.current().fullName()).isEqualTo("Tỉnh Tuyên Quang");
            assertThat(s.coverage()).isEqualTo("full");
            assertThat(s.legacyName()).isEqualTo("Tỉnh Hà Giang");
        });
        // Bà Rịa - Vũng Tàu (77) and Bình Dương (74) went into Hồ Chí Minh City (79).
        assertThat(units.successorsOf("77")).extracting(s -> s.current().code()).containsExactly("79");
        assertThat(units.successorsOf("74")).extracting(s -> s.current().code()).containsExactly("79");
    }

    @Test
    void legacyCommuneAndDistrictMapToCurrentCommunes() {
        // Legacy 00004 Phường Trúc Bạch lies in today's Phường Ba Đình (00004): same code, different unit.
        assertThat(units.successorsOf("00004"))
                .extracting(s -> s.current().fullName())
                .contains("Phường Ba Đình");
        // A legacy district maps through its communes; every successor lies in Hà Nội.
        List<UnitSuccession> baDinhDistrict = units.successorsOf("001");
        assertThat(baDinhDistrict).isNotEmpty();
        assertThat(baDinhDistrict)
                .allSatisfy(s -> assertThat(s.current().provinceCode()).isEqualTo("01"));
        assertThatThrownBy(() -> units.successorsOf("99999"))
                .isInstanceOf(OcopException.class)
                .extracting(e -> ((OcopException) e).errorCode())
                .isEqualTo(GeographyError.NO_SUCCESSOR);
    }

    @Test
    void searchIgnoresAccentsCaseAndTheLetterD() {
        assertThat(units.search(AdminEdition.CURRENT, "ba dinh", "commune", 20))
                .extracting(AdminUnit::fullName)
                .contains("Phường Ba Đình");
        assertThat(units.search(AdminEdition.CURRENT, "DONG THAP", "province", 5))
                .extracting(AdminUnit::code)
                .containsExactly("82");
        assertThat(units.search(AdminEdition.CURRENT, "đồng tháp", "province", 5))
                .extracting(AdminUnit::code)
                .containsExactly("82");
    }

    @Test
    void namesSortInVietnameseAlphabeticalOrder() {
        // Vietnamese order: ... Cà Mau, Cao Bằng, Cần Thơ, ... Đà Nẵng, Đắk Lắk, Điện Biên, Đồng Nai, Đồng Tháp, Gia
        // Lai ...
        // A byte-order sort would put every Đ name after all plain Latin names.
        List<String> names = units.list(AdminEdition.CURRENT, "province").stream()
                .map(AdminUnit::name)
                .toList();
        assertThat(names.indexOf("Đà Nẵng")).isGreaterThan(names.indexOf("Cà Mau"));
        assertThat(names.indexOf("Đồng Tháp")).isLessThan(names.indexOf("Gia Lai"));
        assertThat(names.indexOf("Điện Biên")).isLessThan(names.indexOf("Đồng Nai"));
        assertThat(names.get(0)).isEqualTo("An Giang");
    }

    @Test
    void containmentFollowsTheCurrentTree() {
        assertThat(units.contains("01", "00004")).isTrue(); // Ba Đình ward is in Hà Nội
        assertThat(units.contains("00004", "00004")).isTrue();
        assertThat(units.contains("79", "00004")).isFalse();
        assertThat(units.contains("00004", "01")).isFalse(); // a commune does not contain its province
        assertThat(units.contains("01", "no-such-unit")).isFalse();
    }

    @Test
    void apiListsProvincesOfBothSchemesAndChildren() throws Exception {
        mvc.perform(get("/api/v1/admin-units").param("level", "province"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(34));
        mvc.perform(get("/api/v1/admin-units").param("edition", "legacy"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(63));
        mvc.perform(get("/api/v1/admin-units/01/children"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(126))
                .andExpect(jsonPath("$[0].provinceCode").value("01"));
        mvc.perform(get("/api/v1/admin-units/legacy/02/successors"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].current.code").value("08"));
    }

    @Test
    void apiAnswersUnknownUnitsAndEditionsWithProblems() throws Exception {
        mvc.perform(get("/api/v1/admin-units/99/children"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("GEO-001"));
        mvc.perform(get("/api/v1/admin-units").param("edition", "1900"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("GEO-002"));
        mvc.perform(get("/api/v1/admin-units").param("level", "district"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("GEO-003"));
        mvc.perform(get("/api/v1/admin-units").param("q", "x").param("limit", "abc"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("COMMON-010"));
    }

    @Test
    void browsePageRendersTheTreeInVietnamese() throws Exception {
        mvc.perform(get("/admin-units").param("province", "82"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("Tỉnh Đồng Tháp")));
        mvc.perform(get("/admin-units").param("province", "nope")).andExpect(status().isNotFound());
    }
}
