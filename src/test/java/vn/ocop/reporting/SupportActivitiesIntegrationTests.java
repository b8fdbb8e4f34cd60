package vn.ocop.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.ocop.TestUsers.as;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.ocop.IntegrationTest;
import vn.ocop.TestUsers;
import vn.ocop.identity.CurrentUser;

/**
 * Support activities on the dataset of {@link ReportingDataset}: recorded in the officer's jurisdiction with
 * beneficiaries it may see, and followed by what became of the supported products (certified, upgraded).
 */
@IntegrationTest
class SupportActivitiesIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    SupportActivities activities;

    @Autowired
    ReportFigures figures;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private final CurrentUser officer = TestUsers.provinceOfficer(ReportingDataset.PROVINCE);
    private ReportingDataset data;

    @BeforeEach
    void dataset() {
        data = ReportingDataset.in(context);
    }

    private SupportActivities.Details training(String unit, List<SupportActivities.BeneficiaryInput> who) {
        return new SupportActivities.Details(
                SupportKind.PACKAGING_LABEL,
                "Thiết kế bao bì cho sản phẩm thổ cẩm",
                LocalDate.of(2024, 11, 5),
                LocalDate.of(2024, 11, 7),
                unit,
                new BigDecimal("45000000"),
                FundingSource.PROVINCE_BUDGET,
                null,
                "Hỗ trợ 3 chủ thể",
                who);
    }

    @Test
    void supportedProductsAreFollowedToTheirUpgrade() {
        // Packaging help in November 2024 for the household's scarf (upgraded to 4★ on 01/02/2025) and for the
        // rice cooperative as a whole.
        SupportActivityView recorded = activities.record(
                training(
                        data.communeB,
                        List.of(
                                new SupportActivities.BeneficiaryInput(data.household, data.c1),
                                new SupportActivities.BeneficiaryInput(data.riceCooperative, null),
                                new SupportActivities.BeneficiaryInput(data.household, data.c1))),
                officer);
        assertThat(recorded.beneficiaries()).hasSize(2);
        SupportActivityView.Beneficiary scarf = recorded.beneficiaries().stream()
                .filter(b -> b.productId() != null)
                .findFirst()
                .orElseThrow();
        assertThat(scarf.productName()).isEqualTo("Khăn thổ cẩm");
        assertThat(scarf.outcome()).isEqualTo(new SupportActivityView.Outcome("UPGRADE", 4, LocalDate.of(2025, 2, 1)));

        SupportActivities.Report report = activities.report(
                new ReportFigures.Query(
                        data.communeB, null, null, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)),
                officer);
        assertThat(report.activities()).isEqualTo(1);
        assertThat(report.budget()).isEqualByComparingTo("45000000");
        assertThat(report.productsSupported()).isEqualTo(1);
        assertThat(report.upgradedAfter()).isEqualTo(1);
        assertThat(report.shareCertifiedOrUpgraded()).isEqualByComparingTo("100");
        // Without a unit, an officer's report is of their own province (the API's default, as the activity list's).
        SupportActivities.Report own = activities.report(
                new ReportFigures.Query(null, null, null, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)),
                officer);
        assertThat(own.unit().code()).isEqualTo(ReportingDataset.PROVINCE);
        assertThat(own.activities()).isGreaterThanOrEqualTo(1);
        assertThat(report.producers())
                .extracting(SupportActivities.ProducerLine::producerName)
                .contains("Hộ Dệt thổ cẩm Quảng Trị", "HTX Gạo Quảng Trị");
        // The unit's summary counts it too; the legacy province of commune B as well.
        Summary summary = figures.summary(
                new ReportFigures.Query(
                        data.communeB, null, LocalDate.of(2024, 12, 31), LocalDate.of(2024, 1, 1), null),
                officer);
        assertThat(summary.support().activities()).isEqualTo(1);
        assertThat(summary.support().producers()).isEqualTo(2);
        assertThat(figures.summary(
                                new ReportFigures.Query(
                                        ReportingDataset.LEGACY_SOUTH,
                                        "legacy",
                                        LocalDate.of(2024, 12, 31),
                                        LocalDate.of(2024, 1, 1),
                                        null),
                                officer)
                        .support()
                        .activities())
                .isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE object_type = 'support-activity' AND object_id = ?")
                        .param(Long.toString(recorded.id()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void officersRecordInTheirJurisdictionForProducersTheyMaySee() {
        assertThatThrownBy(() -> activities.record(training("82", List.of()), officer))
                .hasMessageContaining("COMMON-004");
        CurrentUser commune = TestUsers.communeOfficer(data.communeA);
        assertThatThrownBy(() -> activities.record(training(data.communeB, List.of()), commune))
                .hasMessageContaining("COMMON-004");
        assertThatThrownBy(() -> activities.record(
                        training(data.communeA, List.of(new SupportActivities.BeneficiaryInput(data.household, null))),
                        commune))
                .as("a producer of another commune")
                .hasMessageContaining("COMMON-004");
        assertThatThrownBy(() -> activities.record(
                        training(
                                data.communeA,
                                List.of(new SupportActivities.BeneficiaryInput(data.cooperative, data.c1))),
                        commune))
                .as("a product of another producer")
                .hasMessageContaining("COMMON-004");
        assertThatThrownBy(() -> activities.record(
                        training("44", List.of(new SupportActivities.BeneficiaryInput(data.cooperative, data.c1))),
                        officer))
                .hasMessageContaining("RPT-011");
        assertThatThrownBy(() -> activities.record(training("44", List.of()), TestUsers.councilMember("44")))
                .hasMessageContaining("COMMON-004");
        SupportActivityView mine = activities.record(training(data.communeA, List.of()), commune);
        assertThatThrownBy(() -> activities.get(mine.id(), TestUsers.communeOfficer(data.communeB)))
                .hasMessageContaining("COMMON-004");
        assertThat(activities.get(mine.id(), officer).unit().code()).isEqualTo(data.communeA);
    }

    @Test
    void apiRecordsChangesAndRemovesWithVersions() throws Exception {
        String body = """
                {"kind": "TRADE_FAIR", "title": "Hội chợ OCOP miền Trung", "heldOn": "2025-04-10",
                 "unit": "44", "budget": 120000000, "fundingSource": "SPONSORS",
                 "beneficiaries": [{"producerId": %d}]}""".formatted(data.enterprise);
        String created = mvc.perform(post("/api/v1/support-activities")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body)
                        .with(as(officer)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.unit.name").value("Tỉnh Quảng Trị"))
                .andExpect(jsonPath("$.beneficiaries[0].producerName").value("Công ty Mè xửng Quảng Trị"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) com.jayway.jsonpath.JsonPath.read(created, "$.id")).longValue();
        mvc.perform(get("/api/v1/support-activities").param("unit", "44").with(as(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id == " + id + ")].kind").value("TRADE_FAIR"));
        mvc.perform(post("/api/v1/support-activities")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"kind": "TRAINING", "title": "x", "heldOn": "2025-04-12", "endsOn": "2025-04-01",
                                 "unit": "44", "beneficiaries": []}""")
                        .with(as(officer)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("RPT-002"));
        mvc.perform(post("/api/v1/support-activities")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"kind": "PARTY", "title": "x", "heldOn": "2025-04-12", "unit": "44",
                                 "beneficiaries": []}""")
                        .with(as(officer)))
                .andExpect(status().isBadRequest());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                "/api/v1/support-activities/" + id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 0, \"details\": " + body.replace("120000000", "150000000") + "}")
                        .with(as(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.budget").value(150000000))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(delete("/api/v1/support-activities/" + id)
                        .param("version", "0")
                        .with(as(officer)))
                .andExpect(status().isConflict());
        mvc.perform(delete("/api/v1/support-activities/" + id)
                        .param("version", "1")
                        .with(as(TestUsers.provinceOfficer("82"))))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/support-activities/" + id)
                        .param("version", "1")
                        .with(as(officer)))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/support-activities/" + id).with(as(officer)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("RPT-010"));
    }
}
