package vn.ocop.product.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.ocop.TestUsers.as;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.ocop.IntegrationTest;
import vn.ocop.TestUsers;
import vn.ocop.identity.CurrentUser;

/**
 * The spreadsheet import on real PostgreSQL through the API: staging and all-or-nothing confirmation, idempotent
 * re-import, legacy locations, jurisdiction, bad files, CSV, and export → import round trips.
 */
@IntegrationTest
@org.junit.jupiter.api.parallel.Isolated(
        "counts every producer, product, audit event and import batch before and after")
class RegistryImportIntegrationTests {

    private static final AtomicLong TAX = new AtomicLong(820_000_000L);
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private final CurrentUser admin = TestUsers.admin();

    static String taxCode() {
        return "0" + TAX.incrementAndGet();
    }

    @Test
    void importsCertifiedHistoryOnceAndReimportingTheSameFileChangesNothing() throws Exception {
        String coop = taxCode();
        String firm = taxCode();
        Map<RegistryColumn, Object> certified =
                Sheets.product(coop, "HTX Nước mắm Gành Hào", "Nước mắm cá cơm 40 độ đạm");
        certified.put(RegistryColumn.STAR, 4);
        certified.put(RegistryColumn.CERTIFICATE_NUMBER, "1234/QĐ-UBND");
        certified.put(RegistryColumn.ISSUED_ON, "31/01/2024");
        certified.put(RegistryColumn.LEVEL, "Tỉnh");
        Map<RegistryColumn, Object> dated = Sheets.product(firm, "Công ty TNHH Sen Tháp Mười", "Trà tim sen");
        dated.put(RegistryColumn.LEGAL_TYPE, "Doanh nghiệp");
        dated.put(RegistryColumn.CRITERIA_SET, 12);
        dated.put(RegistryColumn.STAR, 3);
        dated.put(RegistryColumn.CERTIFICATE_NUMBER, "55/QĐ-UBND");
        dated.put(RegistryColumn.ISSUED_ON, LocalDate.of(2023, 6, 15)); // a real xlsx date cell
        dated.put(RegistryColumn.OCOP_CODE, "82-29869-901-2023");
        byte[] file = Sheets.xlsx(List.of(
                Sheets.header(),
                Sheets.row(certified),
                Sheets.row(Sheets.product(coop, "HTX Nước mắm Gành Hào", "Nước mắm nhĩ")),
                Sheets.row(dated)));
        // Historic 3–4★ ratings are the province's to record (RatingAuthority): its OCOP officer imports them.
        CurrentUser dongThap = TestUsers.provinceOfficer("82");
        long producers = count("producer");
        long products = count("product");
        long audit = count("audit_event");

        String id = upload(file, "lich-su.xlsx", dongThap)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.batch.status").value("STAGED"))
                .andExpect(jsonPath("$.batch.totalRows").value(3))
                .andExpect(jsonPath("$.batch.errorCount").value(0))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String batch = JsonPath.read(id, "$.batch.id");
        assertThat(count("producer"))
                .as("nothing is written before confirmation")
                .isEqualTo(producers);

        mvc.perform(post("/api/v1/registry/import/" + batch + "/confirm").with(as(dongThap)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.batch.status").value("APPLIED"))
                .andExpect(jsonPath("$.batch.producersCreated").value(2))
                .andExpect(jsonPath("$.batch.productsCreated").value(3))
                .andExpect(jsonPath("$.rows.total").value(3));
        assertThat(count("producer")).isEqualTo(producers + 2);
        assertThat(count("product")).isEqualTo(products + 3);
        Map<String, Object> rated = jdbc.sql("""
                        SELECT p.star, p.ocop_code, p.certificate_expires_on, p.certificate_level, p.commune_code,
                               p.province_code, p.search_text, p.rating_source
                          FROM product p JOIN producer pr ON pr.id = p.producer_id
                         WHERE pr.tax_code = ? AND p.name = 'Nước mắm cá cơm 40 độ đạm'""").param(coop).query().singleRow();
        assertThat(rated.get("star")).isEqualTo(4);
        assertThat((String) rated.get("ocop_code")).matches("82-29869-\\d{3}-2024");
        assertThat(rated.get("certificate_expires_on").toString()).isEqualTo("2027-01-31");
        assertThat(rated.get("certificate_level")).isEqualTo("PROVINCE");
        assertThat(rated.get("commune_code")).isEqualTo("29869");
        assertThat(rated.get("province_code")).isEqualTo("82");
        assertThat((String) rated.get("search_text"))
                .startsWith("nuoc mam ca com 40 do dam htx nuoc mam ganh hao 82-29869-");
        assertThat(rated.get("rating_source")).isEqualTo("IMPORTED");
        assertThat(jdbc.sql("""
                        SELECT p.ocop_code FROM product p JOIN producer pr ON pr.id = p.producer_id
                         WHERE pr.tax_code = ?""").param(firm).query(String.class).single()).isEqualTo("82-29869-901-2023");
        // One audit entry per created record and rating, plus one for the batch.
        assertThat(count("audit_event") - audit).isEqualTo(2 + 3 + 2 + 1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'registry.imported' AND object_id = ?")
                        .param(batch)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // The same file again: matched by tax code, OCOP code or producer + name, nothing created or changed.
        long auditAfterFirst = count("audit_event");
        String again = JsonPath.read(
                upload(file, "lich-su.xlsx", dongThap)
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.batch.id");
        mvc.perform(post("/api/v1/registry/import/" + again + "/confirm").with(as(dongThap)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.batch.producersCreated").value(0))
                .andExpect(jsonPath("$.batch.producersUpdated").value(0))
                .andExpect(jsonPath("$.batch.producersUnchanged").value(2))
                .andExpect(jsonPath("$.batch.productsCreated").value(0))
                .andExpect(jsonPath("$.batch.productsUpdated").value(0))
                .andExpect(jsonPath("$.batch.productsUnchanged").value(3));
        assertThat(count("producer")).isEqualTo(producers + 2);
        assertThat(count("product")).isEqualTo(products + 3);
        assertThat(count("audit_event") - auditAfterFirst)
                .as("only the batch entry")
                .isEqualTo(1);

        // A batch applies once.
        mvc.perform(post("/api/v1/registry/import/" + again + "/confirm").with(as(dongThap)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("IMP-007"));
    }

    @Test
    void aFileOfSeveralStagedChunksAppliesEveryRowToItsOwnProductAndLeavesNoStagedData() throws Exception {
        String known = taxCode();
        String first = upload(
                        Sheets.csv(
                                List.of(Sheets.header(), Sheets.row(Sheets.product(known, "HTX Cũ", "Mứt gừng"))),
                                false),
                        "cu.csv",
                        admin)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        mvc.perform(post("/api/v1/registry/import/" + JsonPath.read(first, "$.batch.id") + "/confirm")
                        .with(as(admin)))
                .andExpect(status().isOk());
        // 2,501 rows, staged as three chunks of at most 1,000; a blank row shifts the spreadsheet row numbers; the
        // known producer's existing product comes last and is matched by name.
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Sheets.header());
        String[] producers = {known, taxCode(), taxCode()};
        for (int i = 0; i < 2_500; i++) {
            if (i == 1_200) {
                rows.add(new ArrayList<Object>(
                        Collections.nCopies(Sheets.header().size(), "")));
            }
            String tax = producers[i % 3];
            rows.add(Sheets.row(Sheets.product(tax, tax.equals(known) ? "HTX Cũ" : "HTX " + tax, "Bánh số " + i)));
        }
        rows.add(Sheets.row(Sheets.product(known, "HTX Cũ", "Mứt gừng")));
        long products = count("product");
        String batch = JsonPath.read(
                upload(Sheets.csv(rows, false), "lon.csv", admin)
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.batch.status").value("STAGED"))
                        .andExpect(jsonPath("$.batch.totalRows").value(2_501))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.batch.id");
        assertThat(stagedChunks(batch)).isEqualTo(3);

        mvc.perform(post("/api/v1/registry/import/" + batch + "/confirm").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.batch.producersCreated").value(2))
                .andExpect(jsonPath("$.batch.producersUnchanged").value(1))
                .andExpect(jsonPath("$.batch.productsCreated").value(2_500))
                .andExpect(jsonPath("$.batch.productsUnchanged").value(1))
                .andExpect(jsonPath("$.rows.total").value(2_501));
        // Rows 2-1201 hold products 0-1199, row 1202 is blank, rows 1203-2502 hold products 1200-2499.
        mvc.perform(get("/api/v1/registry/import/" + batch + "?page=240&size=5").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows.items[0].row").value(1_203))
                .andExpect(jsonPath("$.rows.items[0].productName").value("Bánh số 1200"))
                .andExpect(jsonPath("$.rows.items[0].outcome").value("CREATED"));
        mvc.perform(get("/api/v1/registry/import/" + batch + "?page=500&size=5").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows.items[0].row").value(2_503))
                .andExpect(jsonPath("$.rows.items[0].productName").value("Mứt gừng"))
                .andExpect(jsonPath("$.rows.items[0].outcome").value("UNCHANGED"));
        assertThat(count("product")).isEqualTo(products + 2_500);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM import_row r JOIN product p ON p.id = r.product_id
                         WHERE r.batch_id = ?::uuid
                           AND p.name = 'Bánh số ' || (r.row_no - 2 - (r.row_no > 1202)::int)""").param(batch).query(Long.class).single())
                .as("every row's outcome names the product of that row")
                .isEqualTo(2_500);
        assertThat(stagedChunks(batch))
                .as("staged data is dropped once applied")
                .isZero();
    }

    @Test
    void mixedGoodAndBadRowsAreAllReportedWithRowAndColumnAndNothingIsWritten() throws Exception {
        String good = taxCode();
        String other = taxCode();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Sheets.header());
        rows.add(Sheets.row(Sheets.product(good, "HTX Tốt", "Sản phẩm tốt 1"))); // row 2
        Map<RegistryColumn, Object> badTax = Sheets.product("12345", "HTX Mã sai", "Sản phẩm 3");
        rows.add(Sheets.row(badTax)); // row 3
        Map<RegistryColumn, Object> badSet = Sheets.product(taxCode(), "HTX Bộ sai", "Sản phẩm 4");
        badSet.put(RegistryColumn.CRITERIA_SET, "27");
        badSet.put(RegistryColumn.PRICE_MIN, 200000);
        badSet.put(RegistryColumn.PRICE_MAX, 100000);
        rows.add(Sheets.row(badSet)); // row 4
        Map<RegistryColumn, Object> uncertified = Sheets.product(taxCode(), "HTX Thiếu GCN", "Sản phẩm 5");
        uncertified.put(RegistryColumn.STAR, 4);
        rows.add(Sheets.row(uncertified)); // row 5
        Map<RegistryColumn, Object> nowhere = Sheets.product(taxCode(), "HTX Không xã", "Sản phẩm 6");
        nowhere.put(RegistryColumn.COMMUNE, "Xã Không Có Thật");
        rows.add(Sheets.row(nowhere)); // row 6
        Map<RegistryColumn, Object> missing = Sheets.product(taxCode(), "HTX Thiếu tên", "Sản phẩm 7");
        missing.remove(RegistryColumn.PRODUCT_NAME);
        missing.put(RegistryColumn.LEGAL_TYPE, "Công ty ma");
        missing.put(RegistryColumn.ISSUED_ON, "31/02/2024");
        missing.put(RegistryColumn.LINKS, "shopee.vn/abc");
        rows.add(Sheets.row(missing)); // row 7
        rows.add(Sheets.row(Sheets.product(good, "HTX Tốt", "Sản phẩm tốt 1"))); // row 8: duplicate of row 2
        rows.add(Sheets.row(Sheets.product(good, "HTX Tên khác", "Sản phẩm tốt 2"))); // row 9: name conflict
        Map<RegistryColumn, Object> formula = Sheets.product(other, "HTX Công thức", "Sản phẩm 10");
        formula.put(RegistryColumn.PRICE_MAX, new Sheets.Formula("A1*2"));
        rows.add(Sheets.row(formula)); // row 10
        long producers = count("producer");
        long products = count("product");

        String body = upload(Sheets.xlsx(rows), "hon-hop.xlsx", admin)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.batch.status").value("REJECTED"))
                .andExpect(jsonPath("$.batch.totalRows").value(9))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String batch = JsonPath.read(body, "$.batch.id");
        List<Map<String, Object>> issues = JsonPath.read(body, "$.issues.items");
        assertThat(issues)
                .extracting(i -> i.get("row") + " " + i.get("column"))
                .contains(
                        "3 Mã số thuế chủ thể",
                        "4 Bộ tiêu chí (số 1–26)",
                        "4 Giá cao nhất (đồng)",
                        "5 Số giấy chứng nhận/quyết định",
                        "6 Xã/Phường",
                        "7 Tên sản phẩm",
                        "7 Loại hình chủ thể",
                        "7 Ngày cấp (dd/mm/yyyy)",
                        "7 Liên kết TMĐT",
                        "8 Tên sản phẩm",
                        "9 Tên chủ thể",
                        "10 Giá cao nhất (đồng)");
        assertThat(issues).extracting(i -> (Integer) i.get("row")).doesNotContain(2);
        assertThat(issues)
                .filteredOn(i -> Integer.valueOf(10).equals(i.get("row")))
                .extracting(i -> (String) i.get("message"))
                .anyMatch(m -> m.contains("Công thức không được chấp nhận"));
        assertThat(issues)
                .filteredOn(i -> Integer.valueOf(3).equals(i.get("row")))
                .extracting(i -> (String) i.get("message"))
                .containsExactly("Mã số thuế \"12345\" không hợp lệ: phải gồm 10 hoặc 13 chữ số.");

        mvc.perform(post("/api/v1/registry/import/" + batch + "/confirm").with(as(admin)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("IMP-006"));
        assertThat(count("producer")).isEqualTo(producers);
        assertThat(count("product")).isEqualTo(products);
        assertThat(stagedChunks(batch)).isZero();

        // The report downloads as a spreadsheet with every issue.
        byte[] report = mvc.perform(get("/api/v1/registry/import/" + batch + "/issues?format=csv")
                        .with(as(admin)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String csv = new String(report, StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFDòng,Cột,Mức độ,Nội dung").contains("Công thức không được chấp nhận");
    }

    @Test
    void legacyProvinceDistrictAndCommuneNamesAndCodesMapToCurrentCommunes() throws Exception {
        String byName = taxCode();
        String byCode = taxCode();
        String byDistrict = taxCode();
        Map<RegistryColumn, Object> a = Sheets.product(byName, "HTX Chè Shan tuyết Hà Giang", "Chè Shan tuyết");
        a.put(RegistryColumn.PROVINCE, "Hà Giang"); // legacy province 02, now part of Tuyên Quang (08)
        a.put(RegistryColumn.COMMUNE, "Phường Trần Phú"); // legacy 00691 -> Phường Hà Giang 2
        Map<RegistryColumn, Object> b = Sheets.product(byCode, "HTX Mật ong bạc hà", "Mật ong bạc hà");
        b.put(RegistryColumn.PROVINCE, "02");
        b.put(RegistryColumn.COMMUNE, "00692"); // legacy Phường Ngọc Hà -> Phường Hà Giang 2
        Map<RegistryColumn, Object> c = Sheets.product(byDistrict, "HTX Thắng cố", "Thắng cố");
        c.put(RegistryColumn.PROVINCE, "Tuyên Quang");
        c.put(RegistryColumn.LEGACY_DISTRICT, "Thành phố Hà Giang");
        c.put(RegistryColumn.COMMUNE, "nguyen trai"); // legacy 00694, no accents -> Phường Hà Giang 1
        upload(
                        Sheets.xlsx(List.of(Sheets.header(), Sheets.row(a), Sheets.row(b), Sheets.row(c))),
                        "ha-giang.xlsx",
                        admin)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.batch.status").value("STAGED"))
                .andExpect(jsonPath("$.batch.legacyMappedRows").value(3))
                .andDo(result -> mvc.perform(post("/api/v1/registry/import/"
                                        + JsonPath.read(result.getResponse().getContentAsString(), "$.batch.id")
                                        + "/confirm")
                                .with(as(admin)))
                        .andExpect(status().isOk()));
        assertThat(locationOf(byName)).isEqualTo("00691 08");
        assertThat(locationOf(byCode)).isEqualTo("00691 08");
        assertThat(locationOf(byDistrict)).isEqualTo("00694 08");

        // Legacy Phường Quang Trung (00688) was split between Hà Giang 1 and Hà Giang 2: the officer must choose.
        Map<RegistryColumn, Object> split = Sheets.product(taxCode(), "HTX Tách", "Sản phẩm tách");
        split.put(RegistryColumn.PROVINCE, "Hà Giang");
        split.put(RegistryColumn.COMMUNE, "Quang Trung");
        Map<RegistryColumn, Object> unknown = Sheets.product(taxCode(), "HTX Không rõ", "Sản phẩm không rõ");
        unknown.put(RegistryColumn.PROVINCE, "Tỉnh Không Có");
        String body = upload(
                        Sheets.xlsx(List.of(Sheets.header(), Sheets.row(split), Sheets.row(unknown))),
                        "tach.xlsx",
                        admin)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.batch.status").value("REJECTED"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Map<String, Object>> issues = JsonPath.read(body, "$.issues.items");
        assertThat(issues)
                .filteredOn(i -> Integer.valueOf(2).equals(i.get("row")))
                .extracting(i -> (String) i.get("message"))
                .singleElement()
                .satisfies(m -> assertThat(m)
                        .contains("Phường Quang Trung (00688)")
                        .contains("Phường Hà Giang 1 (00694)")
                        .contains("Phường Hà Giang 2 (00691)"));
        assertThat(issues)
                .filteredOn(i -> Integer.valueOf(3).equals(i.get("row")))
                .extracting(i -> (String) i.get("column"))
                .containsExactly("Tỉnh/Thành phố");
    }

    @Test
    void communeOfficerCannotImportRowsOfAnotherCommune() throws Exception {
        CurrentUser caoLanh = TestUsers.communeOfficer("29869");
        Map<RegistryColumn, Object> elsewhere = Sheets.product(taxCode(), "HTX Sa Đéc", "Hoa kiểng Sa Đéc");
        elsewhere.put(RegistryColumn.COMMUNE, "Phường Sa Đéc");
        String body = upload(
                        Sheets.xlsx(List.of(
                                Sheets.header(),
                                Sheets.row(Sheets.product(taxCode(), "HTX Cao Lãnh", "Xoài cát Hòa Lộc")),
                                Sheets.row(elsewhere))),
                        "xa.xlsx",
                        caoLanh)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.batch.status").value("REJECTED"))
                .andExpect(jsonPath("$.batch.errorCount").value(1))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<String>>read(body, "$.issues.items[*].message"))
                .containsExactly("Xã/phường Phường Sa Đéc (29905) nằm ngoài địa bàn bạn quản lý.");
        // Another officer cannot see or confirm the batch.
        String batch = JsonPath.read(body, "$.batch.id");
        mvc.perform(get("/api/v1/registry/import/" + batch).with(as(TestUsers.communeOfficer("29905"))))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("IMP-008"));
        // Producers and council members do not import.
        upload(Sheets.xlsx(List.of(Sheets.header())), "x.xlsx", TestUsers.producerAccount(1))
                .andExpect(status().isForbidden());
    }

    @Test
    void badFilesGetAClearErrorAndLeaveNothingBehind() throws Exception {
        long batches = count("import_batch");
        long producers = count("producer");
        byte[] random = new byte[64 * 1024];
        new Random(7).nextBytes(random);
        upload(random, "ngau-nhien.xlsx", admin)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("IMP-001"));
        upload("%PDF-1.7\n%âãÏÓ\n1 0 obj <<>> endobj\n".getBytes(StandardCharsets.ISO_8859_1), "bao-cao.pdf", admin)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("IMP-001"));
        byte[] docx = zip(Map.of("word/document.xml", "<w:document/>", "[Content_Types].xml", "<Types/>"));
        upload(docx, "van-ban.xlsx", admin)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("IMP-001"));
        upload(Sheets.xlsx(List.of(List.of("Họ tên", "Tuổi"), List.of("An", 3))), "sai-cot.xlsx", admin)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("IMP-002"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Mã số thuế chủ thể*")));
        byte[] junk = new byte[10 * 1024 * 1024];
        new Random(11).nextBytes(junk);
        upload(junk, "rac.xlsx", admin)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("IMP-001"));
        upload(new byte[10 * 1024 * 1024 + 1], "qua-lon.csv", admin)
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.code").value("IMP-003"));
        upload(new byte[0], "rong.xlsx", admin)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("IMP-004"));
        upload(Sheets.xlsx(List.of(Sheets.header())), "chi-tieu-de.xlsx", admin)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("IMP-004"));
        upload(Sheets.csv(List.of(Sheets.header()), true), "chi-tieu-de.csv", admin)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("IMP-004"));
        // A zip bomb: 300 MB of one character in a single cell packs into well under 1 MB.
        upload(bomb(), "bom.xlsx", admin)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("IMP-010"));
        // Latin-1 text is not UTF-8.
        upload("Mã số thuế".getBytes(StandardCharsets.ISO_8859_1), "latin1.csv", admin)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("IMP-001"));
        assertThat(count("import_batch")).isEqualTo(batches);
        assertThat(count("producer")).isEqualTo(producers);
    }

    @Test
    void csvWithByteOrderMarkAndVietnameseTextImports() throws Exception {
        String tax = taxCode();
        Map<RegistryColumn, Object> row =
                Sheets.product(tax, "Hộ kinh doanh Bánh pía Sóc Trăng", "Bánh pía sầu riêng trứng muối");
        row.put(RegistryColumn.LEGAL_TYPE, "ho kinh doanh");
        row.put(RegistryColumn.PRICE_MIN, "45.000");
        row.put(RegistryColumn.DESCRIPTION, "Nhân đậu xanh, sầu riêng; \"đặc sản\", nhiều dòng\nthứ hai");
        List<Object> header = Sheets.header();
        header.add("Ghi chú nội bộ"); // unknown column: a warning, ignored
        List<Object> data = Sheets.row(row);
        data.add("bỏ qua");
        String body = upload(Sheets.csv(List.of(header, data), true), "banh-pia.csv", admin)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.batch.status").value("STAGED"))
                .andExpect(jsonPath("$.batch.format").value("CSV"))
                .andExpect(jsonPath("$.batch.warningCount").value(1))
                .andReturn()
                .getResponse()
                .getContentAsString();
        mvc.perform(post("/api/v1/registry/import/" + JsonPath.read(body, "$.batch.id") + "/confirm")
                        .with(as(admin)))
                .andExpect(status().isOk());
        Map<String, Object> stored = jdbc.sql("""
                        SELECT pr.name AS producer, pr.legal_type, p.name, p.price_min, p.description
                          FROM product p JOIN producer pr ON pr.id = p.producer_id WHERE pr.tax_code = ?""").param(tax).query().singleRow();
        assertThat(stored.get("producer")).isEqualTo("Hộ kinh doanh Bánh pía Sóc Trăng");
        assertThat(stored.get("legal_type")).isEqualTo("HOUSEHOLD_BUSINESS");
        assertThat(stored.get("name")).isEqualTo("Bánh pía sầu riêng trứng muối");
        assertThat(stored.get("price_min").toString()).isEqualTo("45000");
        assertThat(stored.get("description")).isEqualTo("Nhân đậu xanh, sầu riêng; \"đặc sản\", nhiều dòng\nthứ hai");
    }

    @Test
    void exportsReimportWithoutChangesInBothFormats() throws Exception {
        // The province's officer records the ratings; the administrator then re-imports the exports: ratings the
        // products already have are not new records and need no authority.
        CurrentUser dongThap = TestUsers.provinceOfficer("82");
        String tax = taxCode();
        Map<RegistryColumn, Object> certified = Sheets.product(tax, "HTX Vòng tròn", "Khô cá lóc vòng tròn");
        certified.put(RegistryColumn.STAR, 4);
        certified.put(RegistryColumn.CERTIFICATE_NUMBER, "99/QĐ-UBND");
        certified.put(RegistryColumn.ISSUED_ON, "2024-03-01");
        certified.put(RegistryColumn.DESCRIPTION, "=2+3 trong xlsx là chữ, không phải công thức");
        certified.put(RegistryColumn.SME, "Có");
        certified.put(RegistryColumn.CRAFT_VILLAGE, "Làng nghề khô cá Vòng Tròn");
        certified.put(RegistryColumn.MEMBERS, 9);
        Map<RegistryColumn, Object> plain = Sheets.product(tax, "HTX Vòng tròn", "Bánh phồng vòng tròn");
        plain.put(RegistryColumn.SME, "Có");
        plain.put(RegistryColumn.CRAFT_VILLAGE, "Làng nghề khô cá Vòng Tròn");
        plain.put(RegistryColumn.MEMBERS, 9);
        plain.put(RegistryColumn.STAR, 2);
        plain.put(RegistryColumn.LEGACY_CLASS, "TP - Thực phẩm");
        plain.put(RegistryColumn.PHONE, "+84 277 385 1234");
        String body = upload(
                        Sheets.xlsx(List.of(Sheets.header(), Sheets.row(certified), Sheets.row(plain))),
                        "vong.xlsx",
                        dongThap)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.batch.status").value("STAGED"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        mvc.perform(post("/api/v1/registry/import/" + JsonPath.read(body, "$.batch.id") + "/confirm")
                        .with(as(dongThap)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.batch.productsCreated").value(2));

        for (String format : List.of("xlsx", "csv")) {
            byte[] exported = mvc.perform(get("/api/v1/products/export?format=" + format + "&q=vong tron")
                            .with(as(admin)))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsByteArray();
            String again = upload(exported, "xuat." + format, admin)
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.batch.status").value("STAGED"))
                    .andExpect(jsonPath("$.batch.totalRows").value(2))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            mvc.perform(post("/api/v1/registry/import/" + JsonPath.read(again, "$.batch.id") + "/confirm")
                            .with(as(admin)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.batch.productsCreated").value(0))
                    .andExpect(jsonPath("$.batch.productsUpdated").value(0))
                    .andExpect(jsonPath("$.batch.producersUpdated").value(0));
        }
        byte[] producers = mvc.perform(
                        get("/api/v1/producers/export?format=csv&q=" + tax).with(as(admin)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(new String(producers, StandardCharsets.UTF_8)).contains(tax).contains("HTX Vòng tròn");
        // A commune officer elsewhere exports nothing of it; an unknown format is a clear 400.
        byte[] scoped = mvc.perform(get("/api/v1/products/export?format=csv&q=vong tron")
                        .with(as(TestUsers.communeOfficer("00004"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(new String(scoped, StandardCharsets.UTF_8).lines()).hasSize(1);
        mvc.perform(get("/api/v1/products/export?format=pdf").with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("COMMON-010"));
    }

    @Test
    void producerAttributesImportAndAnOlderFileWithoutTheirColumnsKeepsThem() throws Exception {
        String tax = taxCode();
        String fresh = taxCode();
        Map<RegistryColumn, Object> row = Sheets.product(tax, "HTX Làng gốm", "Bình gốm men lam");
        row.put(RegistryColumn.CRITERIA_SET, 21);
        row.put(RegistryColumn.SME, "Có");
        row.put(RegistryColumn.CRAFT_VILLAGE, "Làng gốm Bát Tràng");
        row.put(RegistryColumn.WOMEN_LED, "x");
        row.put(RegistryColumn.ETHNIC_MINORITY_AREA, "Không");
        row.put(RegistryColumn.MEMBERS, 15);
        row.put(RegistryColumn.EMPLOYEES, "1.200");
        confirm(upload(Sheets.xlsx(List.of(Sheets.header(), Sheets.row(row))), "moi.xlsx", admin));
        assertThat(attributesOf(tax)).isEqualTo("true|true|Làng gốm Bát Tràng|true|false|15|1200");

        // A file made with the template before the attribute columns existed: same producer with a new phone, and
        // a producer not yet registered.
        List<Object> oldHeader = new ArrayList<>(Sheets.header());
        Map<RegistryColumn, Object> changed = Sheets.product(tax, "HTX Làng gốm", "Bình gốm men lam");
        changed.put(RegistryColumn.CRITERIA_SET, 21);
        changed.put(RegistryColumn.PHONE, "0243 874 0000");
        Map<RegistryColumn, Object> other = Sheets.product(fresh, "HTX Mới", "Chén gốm");
        other.put(RegistryColumn.CRITERIA_SET, 21);
        List<Object> changedRow = Sheets.row(changed);
        List<Object> otherRow = Sheets.row(other);
        for (int i = RegistryColumn.EMPLOYEES.ordinal(); i >= RegistryColumn.SME.ordinal(); i--) {
            oldHeader.remove(i);
            changedRow.remove(i);
            otherRow.remove(i);
        }
        confirm(upload(Sheets.xlsx(List.of(oldHeader, changedRow, otherRow)), "cu.xlsx", admin));
        assertThat(jdbc.sql("SELECT phone FROM producer WHERE tax_code = ?")
                        .param(tax)
                        .query(String.class)
                        .single())
                .isEqualTo("0243 874 0000");
        assertThat(attributesOf(tax))
                .as("an older file leaves the attributes alone")
                .isEqualTo("true|true|Làng gốm Bát Tràng|true|false|15|1200");
        assertThat(attributesOf(fresh)).isEqualTo("false|false||false|false||");

        // The columns present but blank clear them.
        Map<RegistryColumn, Object> cleared = Sheets.product(tax, "HTX Làng gốm", "Bình gốm men lam");
        cleared.put(RegistryColumn.CRITERIA_SET, 21);
        cleared.put(RegistryColumn.PHONE, "0243 874 0000");
        confirm(upload(Sheets.xlsx(List.of(Sheets.header(), Sheets.row(cleared))), "xoa.xlsx", admin));
        assertThat(attributesOf(tax)).isEqualTo("false|false||false|false||");
    }

    private void confirm(ResultActions upload) throws Exception {
        String body = upload.andExpect(status().isCreated())
                .andExpect(jsonPath("$.batch.errorCount").value(0))
                .andReturn()
                .getResponse()
                .getContentAsString();
        mvc.perform(post("/api/v1/registry/import/" + JsonPath.read(body, "$.batch.id") + "/confirm")
                        .with(as(admin)))
                .andExpect(status().isOk());
    }

    private String attributesOf(String taxCode) {
        return jdbc.sql("""
                        SELECT concat_ws('|', sme::text, craft_village::text, coalesce(craft_village_name, ''),
                                         women_led::text, ethnic_minority_area::text, coalesce(members::text, ''),
                                         coalesce(employees::text, ''))
                          FROM producer WHERE tax_code = ?""").param(taxCode).query(String.class).single();
    }

    @Test
    void templatesDownloadInBothFormatsAndReadBack() throws Exception {
        byte[] xlsx = mvc.perform(
                        get("/api/v1/registry/import/template?format=xlsx").with(as(admin)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        Path file = Files.createTempFile("template", ".xlsx");
        try {
            Files.write(file, xlsx);
            List<SheetRow> rows = new ArrayList<>();
            SpreadsheetReader.read(file, SpreadsheetReader.detect(file), rows::add);
            assertThat(rows.get(0).cells())
                    .extracting(SheetRow.Cell::text)
                    .containsExactlyElementsOf(RegistryWorkbook.headers());
        } finally {
            Files.delete(file);
        }
        String csv = mvc.perform(
                        get("/api/v1/registry/import/template?format=csv").with(as(admin)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFMã số thuế chủ thể*,Tên chủ thể*,Loại hình chủ thể*");
    }

    private ResultActions upload(byte[] content, String name, CurrentUser user) throws Exception {
        return mvc.perform(multipart("/api/v1/registry/import")
                .file(new MockMultipartFile("file", name, XLSX, new ByteArrayInputStream(content)))
                .with(as(user)));
    }

    private long stagedChunks(String batch) {
        return jdbc.sql("SELECT count(*) FROM import_chunk WHERE batch_id = ?::uuid")
                .param(batch)
                .query(Long.class)
                .single();
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private String locationOf(String taxCode) {
        return jdbc.sql("""
                        SELECT p.commune_code || ' ' || p.province_code FROM product p
                          JOIN producer pr ON pr.id = p.producer_id WHERE pr.tax_code = ?""").param(taxCode).query(String.class).single();
    }

    private static byte[] zip(Map<String, String> entries) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] bomb() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write("<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>"
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] zeros = new byte[1024 * 1024];
            java.util.Arrays.fill(zeros, (byte) '0');
            for (int i = 0; i < 300; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
