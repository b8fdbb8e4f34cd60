package vn.ocop.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.ocop.TestUsers.as;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.ocop.IntegrationTest;
import vn.ocop.TestUsers;
import vn.ocop.identity.CurrentUser;

/**
 * The API, the dashboard and the exports show the same figures, because they ask the same query layer: compared here
 * on the dataset of {@link ReportingDataset}. Also the API's shape: every star and legal type present, shares with four
 * decimals, and what the first fill from the other modules makes of the same data.
 */
@IntegrationTest
@org.junit.jupiter.api.parallel.Isolated("compares figures over all the data before and after emptying the read model")
class OneQueryLayerIntegrationTests {

    private static final Pattern ROW = Pattern.compile("data-key=\"([A-Z0-9_]+)\" data-count=\"(\\d+)\"");

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReadModelFill fill;

    @Autowired
    ReportFigures figures;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    private final CurrentUser officer = TestUsers.provinceOfficer(ReportingDataset.PROVINCE);

    @BeforeEach
    void dataset() {
        ReportingDataset.in(context);
    }

    @Test
    void apiDashboardAndExportsAgree() throws Exception {
        String json = mvc.perform(
                        get("/api/v1/reports/summary").param("unit", "44").with(as(officer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Map<String, Integer> apiStars = JsonPath.read(json, "$.certifiedProducts.byStar");
        Map<String, Integer> apiTypes = JsonPath.read(json, "$.producers.byLegalType");

        String dashboard = mvc.perform(get("/dashboard").with(as(officer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Map<String, Integer> pageRows = rows(dashboard);
        apiStars.forEach((star, n) ->
                assertThat(pageRows.get(star)).as("dashboard %s★", star).isEqualTo(n));
        apiTypes.forEach((type, n) ->
                assertThat(pageRows.get(type)).as("dashboard %s", type).isEqualTo(n));

        String report = mvc.perform(get("/reports").param("unit", "44").with(as(officer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Map<String, Integer> reportRows = rows(report);
        apiTypes.forEach((type, n) ->
                assertThat(reportRows.get(type)).as("report %s", type).isEqualTo(n));

        byte[] xlsx = mvc.perform(get("/reports/export")
                        .param("unit", "44")
                        .param("format", "xlsx")
                        .with(as(officer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            Map<String, Integer> sheetTypes = counts(book.findSheet("Chủ thể").orElseThrow());
            Map<String, Integer> sheetStars =
                    counts(book.findSheet("Theo hạng sao").orElseThrow());
            assertThat(sheetTypes)
                    .containsEntry("Hợp tác xã", apiTypes.get("COOPERATIVE"))
                    .containsEntry("Doanh nghiệp", apiTypes.get("ENTERPRISE"))
                    .containsEntry("Hộ kinh doanh", apiTypes.get("HOUSEHOLD_BUSINESS"))
                    .containsEntry("Tổ hợp tác", apiTypes.get("COOPERATIVE_GROUP"));
            assertThat(sheetStars)
                    .containsEntry("3 sao", apiStars.get("3"))
                    .containsEntry("4 sao", apiStars.get("4"))
                    .containsEntry("5 sao", apiStars.get("5"));
        }

        byte[] pdf = mvc.perform(get("/reports/export")
                        .param("unit", "44")
                        .param("format", "pdf")
                        .with(as(officer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("SỐ LIỆU CHƯƠNG TRÌNH MỖI XÃ MỘT SẢN PHẨM (OCOP)", "Tỉnh Quảng Trị");
            Integer coops = apiTypes.get("COOPERATIVE");
            assertThat(text).containsPattern("Hợp tác xã\\s+" + coops + "\\s");
        }
    }

    @Test
    void summaryJsonHasEveryKeyAndSharesWithFourDecimals() throws Exception {
        String json = mvc.perform(get("/api/v1/reports/summary")
                        .param("unit", "44")
                        .param("asOf", "2024-12-31")
                        .with(as(officer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((String) JsonPath.read(json, "$.unit.code")).isEqualTo("44");
        assertThat((String) JsonPath.read(json, "$.unit.name")).isEqualTo("Tỉnh Quảng Trị");
        assertThat((String) JsonPath.read(json, "$.unit.edition")).isEqualTo("current");
        assertThat((String) JsonPath.read(json, "$.asOf")).isEqualTo("2024-12-31");
        assertThat((Integer) JsonPath.read(json, "$.certifiedProducts.total")).isEqualTo(7);
        assertThat((Map<String, Object>) JsonPath.read(json, "$.certifiedProducts.byStar"))
                .containsOnlyKeys("3", "4", "5");
        assertThat((Map<String, Object>) JsonPath.read(json, "$.producers.byLegalType"))
                .containsOnlyKeys("COOPERATIVE", "COOPERATIVE_GROUP", "ENTERPRISE", "HOUSEHOLD_BUSINESS", "OTHER");
        // Shares as written in the JSON text: four decimals (3 of 7 = 42.8571 %).
        assertThat(json)
                .contains("\"3\":42.8571")
                .contains("\"COOPERATIVE\":50.0000")
                .contains("\"OTHER\":0.0000");
        mvc.perform(get("/api/v1/reports/summary").param("unit", "82").with(as(officer)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/reports/summary").with(as(officer))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/reports/summary").param("asOf", "31/12/2024").with(as(TestUsers.centralOffice())))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/reports/summary")
                        .param("unit", "44")
                        .param("edition", "legacy")
                        .with(as(officer)))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.unit.name")
                        .value("Tỉnh Quảng Bình"));
        mvc.perform(get("/api/v1/reports/summary")).andExpect(status().isUnauthorized());
    }

    /**
     * The first fill reads what the other modules keep today: every platform certificate with its life, and each
     * product's current rating. It gives today's figures exactly; an imported rating replaced by a later import before
     * the reporting module existed is not kept anywhere, so earlier days may differ there (decision 0026). Run in a
     * transaction rolled back at the end, so the other tests keep the model the events built.
     */
    @Test
    void theFirstFillFromTheOtherModulesGivesTodaysFiguresAsTheEventsDid() {
        // The dataset's units only: elsewhere other test classes change certificates behind the module's back to
        // check that their signatures catch it (a star, a status, certificates of an old signing key written by
        // SQL), which a fill reads as it finds it and no event ever told the read model.
        ReportFigures.Query[] queries = {
            new ReportFigures.Query(ReportingDataset.PROVINCE, null, null, java.time.LocalDate.of(2020, 1, 1), null),
            new ReportFigures.Query(ReportingDataset.PROVINCE, null, null, java.time.LocalDate.of(2024, 1, 1), null),
            new ReportFigures.Query(ReportingDataset.LEGACY_NORTH, "legacy", null, null, null),
            new ReportFigures.Query(ReportingDataset.LEGACY_SOUTH, "legacy", null, null, null)
        };
        CurrentUser central = TestUsers.centralOffice();
        transactions.executeWithoutResult(tx -> {
            List<Summary> byEvents = java.util.Arrays.stream(queries)
                    .map(q -> figures.summary(q, central))
                    .toList();
            // As on the first start with the reporting module: nothing yet but what the other modules publish.
            for (String table : List.of(
                    "report_suspension",
                    "report_certificate",
                    "report_rating",
                    "report_dossier_step",
                    "report_dossier",
                    "report_product",
                    "report_producer",
                    "report_fill")) {
                jdbc.sql("DELETE FROM " + table).update();
            }
            assertThat(fill.fillAll()).isPositive();
            assertThat(fill.fillAll()).as("filled once").isZero();
            for (int i = 0; i < queries.length; i++) {
                Summary again = figures.summary(queries[i], central);
                Summary before = byEvents.get(i);
                assertThat(again.certifiedProducts()).isEqualTo(before.certifiedProducts());
                assertThat(again.producers()).isEqualTo(before.producers());
                assertThat(again.craftVillages()).isEqualTo(before.craftVillages());
                assertThat(again.certificates().revoked())
                        .isEqualTo(before.certificates().revoked());
                assertThat(again.fiveStarProposals()).isEqualTo(before.fiveStarProposals());
                assertThat(again.dossiersByStage()).isEqualTo(before.dossiersByStage());
            }
            tx.setRollbackOnly();
        });
    }

    /** The rows of the figures tables of a page: key → count. */
    private static Map<String, Integer> rows(String html) {
        Map<String, Integer> rows = new HashMap<>();
        Matcher m = ROW.matcher(html);
        while (m.find()) {
            rows.putIfAbsent(m.group(1), Integer.valueOf(m.group(2)));
        }
        return rows;
    }

    /** Label → count of a sheet's rows below its header. */
    private static Map<String, Integer> counts(Sheet sheet) throws Exception {
        try (var rows = sheet.openStream()) {
            return rows.filter(r -> r.getCellCount() >= 2
                            && r.getCell(1) != null
                            && r.getCell(1).getType() == org.dhatim.fastexcel.reader.CellType.NUMBER)
                    .collect(Collectors.toMap(
                            (Row r) -> r.getCellText(0),
                            (Row r) -> r.getCell(1).asNumber().intValue(),
                            (a, b) -> a));
        }
    }
}
