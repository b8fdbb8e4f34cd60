package vn.ocop.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.ocop.TestUsers.as;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.ocop.IntegrationTest;
import vn.ocop.TestUsers;
import vn.ocop.identity.CurrentUser;
import vn.ocop.producer.LegalType;
import vn.ocop.producer.ProducerDetails;
import vn.ocop.producer.ProducerError;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.producer.ProducerView;
import vn.ocop.shared.CommonError;
import vn.ocop.shared.OcopException;

/** The producer and product registry on real PostgreSQL: search, jurisdiction, validation, concurrency. */
@IntegrationTest
class RegistryIntegrationTests {

    // Two communes of Đồng Tháp (82) and one of Hà Nội (01).
    static final String CAO_LANH = "29869";
    static final String SA_DEC = "29905";
    static final String BA_DINH = "00004";
    private static final AtomicLong TAX = new AtomicLong(8_100_000_000L);

    @Autowired
    ProducerRegistry producers;

    @Autowired
    ProductRegistry products;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private final CurrentUser admin = TestUsers.admin();

    static ProducerDetails aCooperative(String name, String commune) {
        return new ProducerDetails(
                LegalType.COOPERATIVE,
                name,
                Long.toString(TAX.incrementAndGet()),
                "Nguyễn Văn Tư",
                "Giám đốc",
                "0277 3851 234",
                null,
                null,
                "Ấp 1",
                commune,
                true,
                false,
                true,
                false,
                2015,
                12,
                30,
                null);
    }

    static ProductDetails aProduct(long producerId, String name, int set) {
        return new ProductDetails(
                producerId,
                name,
                set,
                null,
                "Mô tả",
                "Cá cơm, muối",
                null,
                "TCCS 01:2024",
                "Chai 500 ml",
                new java.math.BigDecimal("85000"),
                new java.math.BigDecimal("120000"),
                "24 tháng",
                null,
                List.of(new ProductDetails.Link("Shopee", "https://shopee.vn/nuoc-mam")));
    }

    @Test
    void searchIgnoresAccentsAndCaseAndFindsEveryWord() {
        ProducerView producer = producers.register(aCooperative("HTX Nước mắm Sa Giang", SA_DEC), admin);
        products.register(aProduct(producer.id(), "Nước mắm cá cơm Sa Giang 35 độ đạm", 9), admin);
        products.register(aProduct(producer.id(), "Đặc sản Đồng Tháp: khô cá lóc", 8), admin);

        assertThat(names(products.search(query("nuoc mam"), 0, 20, admin).items()))
                .contains("Nước mắm cá cơm Sa Giang 35 độ đạm");
        assertThat(names(products.search(query("NƯỚC MẮM"), 0, 20, admin).items()))
                .contains("Nước mắm cá cơm Sa Giang 35 độ đạm");
        assertThat(names(products.search(query("dac san dong thap"), 0, 20, admin)
                        .items()))
                .contains("Đặc sản Đồng Tháp: khô cá lóc");
        assertThat(names(products.search(query("mam sa giang"), 0, 20, admin).items()))
                .contains("Nước mắm cá cơm Sa Giang 35 độ đạm");
        // The producer's name is searchable too.
        assertThat(names(products.search(query("htx nuoc mam sa giang kho"), 0, 20, admin)
                        .items()))
                .containsExactly("Đặc sản Đồng Tháp: khô cá lóc");
        assertThat(products.search(query("zzqx khongtontai"), 0, 20, admin).items())
                .isEmpty();
        assertThat(producers
                        .search(
                                new vn.ocop.producer.ProducerQuery("nuoc mam sa giang", null, null, null, null),
                                0,
                                20,
                                admin)
                        .items())
                .extracting(ProducerView::name)
                .contains("HTX Nước mắm Sa Giang");
    }

    @Test
    void listsAreInVietnameseAlphabeticalOrder() {
        ProducerView producer = producers.register(aCooperative("HTX Thứ tự", CAO_LANH), admin);
        for (String name : List.of("Zẻo sort", "Đường thốt nốt sort", "Dừa sáp sort", "Ếch khô sort", "Êm sort")) {
            products.register(aProduct(producer.id(), name, 7), admin);
        }
        List<String> sorted = names(products.search(
                        new ProductQuery("sort", null, null, null, null, null, null, producer.id(), null), 0, 20, admin)
                .items());
        // Vietnamese: D < Đ < E < Ê < Z; byte order would put Đ and Ê after Z.
        assertThat(sorted)
                .containsExactly("Dừa sáp sort", "Đường thốt nốt sort", "Ếch khô sort", "Êm sort", "Zẻo sort");
    }

    @Test
    void communeOfficerSeesAndChangesOnlyTheirCommune() {
        ProducerView inSaDec = producers.register(aCooperative("HTX Hoa kiểng Sa Đéc", SA_DEC), admin);
        CurrentUser caoLanhOfficer = TestUsers.communeOfficer(CAO_LANH);
        CurrentUser saDecOfficer = TestUsers.communeOfficer(SA_DEC);

        assertForbidden(() -> producers.get(inSaDec.id(), caoLanhOfficer));
        assertForbidden(() ->
                producers.update(inSaDec.id(), aCooperative("Đổi tên", SA_DEC), inSaDec.version(), caoLanhOfficer));
        assertForbidden(() -> producers.register(aCooperative("HTX ngoài địa bàn", SA_DEC), caoLanhOfficer));
        assertThat(producers
                        .search(vn.ocop.producer.ProducerQuery.all(), 0, 200, caoLanhOfficer)
                        .items())
                .extracting(ProducerView::communeCode)
                .containsOnly(CAO_LANH);

        assertThat(producers.get(inSaDec.id(), saDecOfficer).name()).isEqualTo("HTX Hoa kiểng Sa Đéc");
        // The province officer of Đồng Tháp covers both communes; Hà Nội's does not.
        assertThat(producers.get(inSaDec.id(), TestUsers.provinceOfficer("82")).id())
                .isEqualTo(inSaDec.id());
        assertForbidden(() -> producers.get(inSaDec.id(), TestUsers.provinceOfficer("01")));
        // A producer account sees itself only.
        assertThat(producers
                        .get(inSaDec.id(), TestUsers.producerAccount(inSaDec.id()))
                        .id())
                .isEqualTo(inSaDec.id());
        assertForbidden(() -> producers.get(inSaDec.id(), TestUsers.producerAccount(inSaDec.id() + 1)));
    }

    @Test
    void apiAnswersJurisdictionUnknownIdsTaxCodesAndStaleVersions() throws Exception {
        ProducerView inSaDec = producers.register(aCooperative("HTX Xoài Cát Chu", SA_DEC), admin);
        mvc.perform(get("/api/v1/producers/" + inSaDec.id()).with(as(TestUsers.communeOfficer(CAO_LANH))))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("COMMON-004"));
        mvc.perform(put("/api/v1/producers/" + inSaDec.id())
                        .with(as(TestUsers.communeOfficer(CAO_LANH)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(updateJson(inSaDec, "HTX Xoài Cát Chu mới", inSaDec.version())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/producers/999999999").with(as(admin)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("PRD-001"));
        mvc.perform(post("/api/v1/producers")
                        .with(as(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(producerJson("HTX mã sai", "12345", SA_DEC)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("PRD-002"));
        mvc.perform(post("/api/v1/producers")
                        .with(as(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(producerJson("HTX trùng mã", inSaDec.taxCode(), SA_DEC)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("PRD-003"));
        // Two officers edit the same version: the second write is refused, not silently applied.
        mvc.perform(put("/api/v1/producers/" + inSaDec.id())
                        .with(as(TestUsers.communeOfficer(SA_DEC)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(updateJson(inSaDec, "HTX Xoài Cát Chu Sa Đéc", inSaDec.version())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(inSaDec.version() + 1));
        mvc.perform(put("/api/v1/producers/" + inSaDec.id())
                        .with(as(TestUsers.provinceOfficer("82")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(updateJson(inSaDec, "HTX Xoài (ghi đè)", inSaDec.version())))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("COMMON-006"));
        assertThat(producers.get(inSaDec.id(), admin).name()).isEqualTo("HTX Xoài Cát Chu Sa Đéc");
    }

    @Test
    void taxCodesAreTenOrThirteenDigitsAndUnique() {
        assertThat(vn.ocop.producer.TaxCode.normalize("0312345678")).contains("0312345678");
        assertThat(vn.ocop.producer.TaxCode.normalize("0312345678-001")).contains("0312345678001");
        assertThat(vn.ocop.producer.TaxCode.normalize("03123456")).isEmpty();
        assertThat(vn.ocop.producer.TaxCode.normalize("03123456789")).isEmpty();
        assertThat(vn.ocop.producer.TaxCode.normalize("031234567A")).isEmpty();
        ProducerDetails details = aCooperative("HTX Mã 13 số", CAO_LANH);
        ProducerDetails branch = new ProducerDetails(
                details.legalType(),
                details.name(),
                "0399999999-002",
                null,
                null,
                null,
                null,
                null,
                null,
                CAO_LANH,
                false,
                false,
                false,
                false,
                null,
                null,
                null,
                null);
        assertThat(producers.register(branch, admin).taxCode()).isEqualTo("0399999999002");
        assertThatThrownBy(() -> producers.register(branch, admin))
                .isInstanceOf(OcopException.class)
                .extracting(e -> ((OcopException) e).errorCode())
                .isEqualTo(ProducerError.TAX_CODE_TAKEN);
    }

    @Test
    void certifiedRatingGetsAnOcopCodeAndExpiryAndIsAudited() {
        ProducerView producer = producers.register(aCooperative("HTX Sen Tháp Mười", CAO_LANH), admin);
        ProductView product = products.register(aProduct(producer.id(), "Trà tim sen", 12), admin);
        CurrentUser dongThap = vn.ocop.TestUsers.provinceOfficer("82");
        ProductView rated = products.recordRating(
                product.id(),
                new CurrentRating(4, "123/QĐ-UBND", LocalDate.of(2024, 1, 31), null, null, "IMPORTED"),
                dongThap);
        assertThat(rated.rating().star()).isEqualTo(4);
        assertThat(rated.rating().expiresOn()).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(rated.rating().level()).isEqualTo(CertificationLevel.PROVINCE);
        assertThat(rated.ocopCode()).matches("82-29869-\\d{3}-2024");
        assertThatThrownBy(() -> products.recordRating(
                        product.id(), new CurrentRating(3, null, null, null, null, "IMPORTED"), dongThap))
                .isInstanceOf(OcopException.class)
                .extracting(e -> ((OcopException) e).errorCode())
                .isEqualTo(ProductError.RATING_INCOMPLETE);
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM audit_event WHERE object_type = 'product' AND object_id = ? AND action = 'product.rating-recorded'")
                        .param(Long.toString(product.id()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void onlyTheAuthorityOfALevelRecordsItsRatingsAndNeverWithAPlatformCertificatesNumber() {
        ProducerView producer = producers.register(aCooperative("HTX Quyền ghi hạng", CAO_LANH), admin);
        ProductView product = products.register(aProduct(producer.id(), "Mắm cá sặc", 9), admin);
        CurrentRating fiveStars = new CurrentRating(5, "77/QĐ-BNNMT", LocalDate.of(2025, 2, 3), null, null, "IMPORTED");
        CurrentRating fourStars = new CurrentRating(4, "78/QĐ-UBND", LocalDate.of(2025, 2, 3), null, null, "IMPORTED");
        // A commune officer sets no star at all (issue #13: it could set 5★ at central level).
        for (CurrentRating rating : List.of(fiveStars, fourStars)) {
            assertThatThrownBy(() ->
                            products.recordRating(product.id(), rating, vn.ocop.TestUsers.communeOfficer(CAO_LANH)))
                    .extracting(e -> ((OcopException) e).errorCode())
                    .isEqualTo(ProductError.RATING_NOT_PERMITTED);
        }
        // The province records 3–4★ of its own province, not 5★; another province nothing.
        assertThatThrownBy(
                        () -> products.recordRating(product.id(), fiveStars, vn.ocop.TestUsers.provinceOfficer("82")))
                .extracting(e -> ((OcopException) e).errorCode())
                .isEqualTo(ProductError.RATING_NOT_PERMITTED);
        assertThatThrownBy(
                        () -> products.recordRating(product.id(), fourStars, vn.ocop.TestUsers.provinceOfficer("01")))
                .isInstanceOf(OcopException.class);
        // The central office records 5★, not a province's 4★; a system administrator neither.
        assertThatThrownBy(() -> products.recordRating(product.id(), fourStars, vn.ocop.TestUsers.centralOffice()))
                .extracting(e -> ((OcopException) e).errorCode())
                .isEqualTo(ProductError.RATING_NOT_PERMITTED);
        assertThatThrownBy(() -> products.recordRating(product.id(), fiveStars, admin))
                .extracting(e -> ((OcopException) e).errorCode())
                .isEqualTo(ProductError.RATING_NOT_PERMITTED);
        // Star and level must agree.
        assertThatThrownBy(() -> products.recordRating(
                        product.id(),
                        new CurrentRating(
                                5,
                                "79/QĐ-UBND",
                                LocalDate.of(2025, 2, 3),
                                null,
                                CertificationLevel.PROVINCE,
                                "IMPORTED"),
                        vn.ocop.TestUsers.provinceOfficer("82")))
                .extracting(e -> ((OcopException) e).errorCode())
                .isEqualTo(ProductError.RATING_LEVEL_MISMATCH);
        assertThat(products.recordRating(product.id(), fiveStars, vn.ocop.TestUsers.centralOffice())
                        .rating()
                        .star())
                .isEqualTo(5);
        assertThat(products.recordRating(product.id(), fourStars, vn.ocop.TestUsers.provinceOfficer("82"))
                        .rating()
                        .star())
                .isEqualTo(4);
    }

    @Test
    void movingAProducerMovesItsProductsToTheNewJurisdiction() {
        ProducerView producer = producers.register(aCooperative("HTX Chuyển địa bàn", CAO_LANH), admin);
        ProductView product = products.register(aProduct(producer.id(), "Bánh phồng tôm", 6), admin);
        ProducerDetails moved = aCooperative("HTX Chuyển địa bàn", BA_DINH);
        producers.update(
                producer.id(),
                new ProducerDetails(
                        moved.legalType(),
                        moved.name(),
                        producer.taxCode(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        BA_DINH,
                        false,
                        false,
                        false,
                        false,
                        null,
                        null,
                        null,
                        null),
                producer.version(),
                admin);
        assertThat(products.get(product.id(), admin).communeCode()).isEqualTo(BA_DINH);
        assertThat(products.get(product.id(), admin).provinceCode()).isEqualTo("01");
        assertForbidden(() -> products.get(product.id(), TestUsers.communeOfficer(CAO_LANH)));
        assertThat(products.get(product.id(), TestUsers.communeOfficer(BA_DINH)).id())
                .isEqualTo(product.id());
    }

    @Test
    void javaAndSqlFoldingAgreeOnEveryAdministrativeUnitName() {
        List<String[]> pairs = jdbc.sql("SELECT name, ocop_fold(name) FROM admin_unit")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
        assertThat(pairs).hasSizeGreaterThan(14000);
        assertThat(pairs)
                .allSatisfy(p -> assertThat(SearchFolding.fold(p[0])).as(p[0]).isEqualTo(p[1]));
    }

    private static ProductQuery query(String text) {
        return new ProductQuery(text, null, null, null, null, null, null, null, null);
    }

    private static List<String> names(List<ProductSummary> items) {
        return items.stream().map(ProductSummary::name).toList();
    }

    private static void assertForbidden(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOf(OcopException.class)
                .extracting(e -> ((OcopException) e).errorCode())
                .isEqualTo(CommonError.ACCESS_DENIED);
    }

    private static String producerJson(String name, String taxCode, String commune) {
        return """
                {"legalType":"COOPERATIVE","name":"%s","taxCode":"%s","communeCode":"%s"}""".formatted(name, taxCode, commune);
    }

    private static String updateJson(ProducerView p, String name, long version) {
        return """
                {"details":{"legalType":"%s","name":"%s","taxCode":"%s","communeCode":"%s"},"version":%d}""".formatted(p.legalType(), name, p.taxCode(), p.communeCode(), version);
    }
}
