package vn.ocop.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import vn.ocop.IntegrationTest;
import vn.ocop.RegistryFixtures;
import vn.ocop.TestUsers;
import vn.ocop.certification.Certificate;
import vn.ocop.certification.Certification;
import vn.ocop.certification.IssuedCertificates;
import vn.ocop.certification.RevocationGround;
import vn.ocop.evaluation.CouncilScoring;
import vn.ocop.evaluation.DossierFixtures;
import vn.ocop.evaluation.Dossiers;
import vn.ocop.evaluation.EvaluationRounds;
import vn.ocop.identity.CurrentUser;
import vn.ocop.producer.LegalType;
import vn.ocop.producer.ProducerDetails;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.producer.ProducerView;
import vn.ocop.product.ProductDetails;
import vn.ocop.product.ProductRegistry;
import vn.ocop.product.ProductStatus;
import vn.ocop.product.ProductView;
import vn.ocop.shared.OcopClock;

/**
 * The public catalog on the real database: what is listed (a certificate in force only), search without accents,
 * with typos and while typing, order and filters, withdrawal at once when a certificate is revoked, suspended or
 * expires, privacy of producers' contacts, cache validators, open data and the sitemap.
 */
@IntegrationTest
@vn.ocop.LongRunning
class CatalogIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Catalog catalog;

    @Autowired
    ProducerRegistry producers;

    @Autowired
    ProductRegistry products;

    @Autowired
    Certification certification;

    @Autowired
    EvaluationRounds rounds;

    @Autowired
    Dossiers dossiers;

    @Autowired
    CouncilScoring scoring;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DossierFixtures dossierFixtures;

    private CatalogFixtures fixtures;
    private IssuedCertificates issued;
    private final CurrentUser admin = TestUsers.admin();

    @BeforeEach
    void setUp() {
        fixtures = new CatalogFixtures(producers, products, catalog);
        issued = new IssuedCertificates(
                producers, products, rounds, dossiers, scoring, certification, jdbc, dossierFixtures);
    }

    @Test
    void findsAnAccentedProductTypedWithoutAccentsWithATypoAndWhileTyping() {
        String tag = CatalogFixtures.uniqueWord();
        ProductView sauce = fixtures.listed("Nước mắm Phú Quốc " + tag, RegistryFixtures.CAO_LANH);

        assertThat(fixtures.ids(search("nuoc mam phu quoc " + tag))).containsExactly(sauce.id());
        CatalogResults typo = search("nuoc mam phu quc " + tag);
        assertThat(fixtures.ids(typo)).containsExactly(sauce.id());
        assertThat(typo.corrections()).containsKey("quc");
        assertThat(typo.corrections().get("quc")).contains("quoc");
        assertThat(fixtures.ids(search("Nước Mắm " + tag))).containsExactly(sauce.id());
        assertThat(fixtures.ids(search(tag + " nuoc ma")))
                .as("the last word still being typed")
                .containsExactly(sauce.id());
        assertThat(search("nuoc mam " + tag + " zzzzzzqqq").unmatched()).containsExactly("zzzzzzqqq");
        assertThat(fixtures.ids(search(tag + " nước"))).containsExactly(sauce.id());
    }

    @Test
    void listsOnlyProductsWithACertificateInForceToday() {
        String tag = CatalogFixtures.uniqueWord();
        long producer = fixtures.producer("HTX " + tag, RegistryFixtures.SA_DEC).id();
        ProductView twoStars =
                fixtures.rated(producer, "Mật ong hai sao " + tag, 4, 2, LocalDate.now(OcopClock.VIETNAM));
        ProductView expired = fixtures.rated(
                producer,
                "Mật ong hết hạn " + tag,
                4,
                4,
                LocalDate.now(OcopClock.VIETNAM).minusMonths(36).minusDays(1));
        ProductView inForce = fixtures.rated(
                producer,
                "Mật ong còn hạn " + tag,
                4,
                3,
                LocalDate.now(OcopClock.VIETNAM).minusMonths(35));
        ProductView stopped = fixtures.rated(producer, "Mật ong ngừng " + tag, 4, 5, LocalDate.now(OcopClock.VIETNAM));
        fixtures.awaitListed(inForce.id());
        fixtures.awaitListed(stopped.id());
        fixtures.awaitEntry(expired.id());
        ProductDetails details = new ProductDetails(
                producer,
                stopped.name(),
                4,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                ProductStatus.DISCONTINUED,
                List.of());
        products.update(stopped.id(), details, stopped.version(), admin);
        org.awaitility.Awaitility.await()
                .until(() -> catalog.product(stopped.id()).isEmpty());

        assertThat(fixtures.ids(search(tag))).containsExactly(inForce.id());
        assertThat(catalog.entry(twoStars.id()))
                .as("never certified: unknown to the public")
                .isEmpty();
        CatalogEntry past = catalog.entry(expired.id()).orElseThrow();
        assertThat(past.listed()).isFalse();
        assertThat(past.history()).extracting(h -> h.change().name()).containsExactly("CERTIFIED", "EXPIRED");
    }

    @Test
    void aRevokedSuspendedOrExpiredCertificateLeavesTheCatalogTheMapAndTheApiAtOnce() throws Exception {
        String tag = CatalogFixtures.uniqueWord();
        // In Thanh Hóa, where no other test class lists products while this one counts the province's figures.
        Certificate revoked = issued.province(
                "Khô cá lóc thu hồi " + tag,
                LocalDate.now(OcopClock.VIETNAM).minusDays(3),
                RegistryFixtures.THANH_HOA,
                RegistryFixtures.HAC_THANH);
        Certificate suspended = issued.province(
                "Khô cá lóc tạm dừng " + tag,
                LocalDate.now(OcopClock.VIETNAM).minusDays(2),
                RegistryFixtures.THANH_HOA,
                RegistryFixtures.HAC_THANH);
        CurrentUser thanhHoa = TestUsers.provinceOfficer(RegistryFixtures.THANH_HOA);
        fixtures.awaitListed(revoked.productId());
        fixtures.awaitListed(suspended.productId());
        long before = catalog.figures().byProvince().getOrDefault(RegistryFixtures.THANH_HOA, 0L);
        assertThat(apiIds(tag)).contains(revoked.productId(), suspended.productId());

        certification.revoke(
                revoked.number(),
                RevocationGround.LEGAL_VIOLATION,
                "QĐ 9/" + tag,
                LocalDate.now(OcopClock.VIETNAM),
                thanhHoa);
        // No waiting: the withdrawal committed with the revocation.
        assertThat(catalog.product(revoked.productId())).isEmpty();
        assertThat(fixtures.ids(search(tag))).containsExactly(suspended.productId());
        assertThat(catalog.figures().byProvince().getOrDefault(RegistryFixtures.THANH_HOA, 0L))
                .isEqualTo(before - 1);
        assertThat(apiIds(tag)).containsExactly(suspended.productId());
        mvc.perform(get("/catalog/products/{id}", revoked.productId()))
                .andExpect(status().isGone())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Bị thu hồi")));

        certification.suspend(
                suspended.number(), "Hậu kiểm", "QĐ 10/" + tag, LocalDate.now(OcopClock.VIETNAM), thanhHoa);
        assertThat(fixtures.ids(search(tag))).isEmpty();
        assertThat(apiIds(tag)).isEmpty();
        assertThat(catalog.figures().byProvince().getOrDefault(RegistryFixtures.THANH_HOA, 0L))
                .isEqualTo(before - 2);

        certification.reinstate(suspended.number(), "QĐ 11/" + tag, LocalDate.now(OcopClock.VIETNAM), thanhHoa);
        assertThat(fixtures.ids(search(tag))).containsExactly(suspended.productId());
        assertThat(catalog.entry(suspended.productId()).orElseThrow().history())
                .extracting(h -> h.change().name())
                .containsExactly("CERTIFIED", "SUSPENDED", "REINSTATED");
        mvc.perform(get("/api/v1/public/products/{id}", suspended.productId()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.listed").value(true))
                .andExpect(jsonPath("$.verificationUrl")
                        .value(org.hamcrest.Matchers.endsWith("/verify/" + suspended.number())))
                .andExpect(jsonPath("$.history[1].change").value("SUSPENDED"));
    }

    @Test
    void aCertificatePastItsLastDayIsOutBeforeTheExpiryJobRunsAndTheJobRecordsIt() {
        String tag = CatalogFixtures.uniqueWord();
        Certificate old = issued.province(
                "Trà sen hết hạn " + tag,
                LocalDate.now(OcopClock.VIETNAM).minusMonths(36).minusDays(1));
        fixtures.awaitEntry(old.productId());
        assertThat(catalog.product(old.productId()))
                .as("its last day was yesterday")
                .isEmpty();
        assertThat(fixtures.ids(search(tag))).isEmpty();

        certification.expireDue(LocalDate.now(OcopClock.VIETNAM));
        CatalogEntry entry = catalog.entry(old.productId()).orElseThrow();
        assertThat(entry.listed()).isFalse();
        assertThat(entry.history()).extracting(h -> h.change().name()).contains("EXPIRED");
    }

    @Test
    void sortsByStarsNameAndNewestAndFiltersByPlaceAndStars() {
        String tag = CatalogFixtures.uniqueWord();
        long caoLanh = fixtures.producer("HTX sắp xếp " + tag, RegistryFixtures.CAO_LANH)
                .id();
        long baDinh =
                fixtures.producer("HTX Hà Nội " + tag, RegistryFixtures.BA_DINH).id();
        ProductView dua = fixtures.rated(
                caoLanh,
                "Đũa tre " + tag,
                21,
                3,
                LocalDate.now(OcopClock.VIETNAM).minusDays(30));
        ProductView an = fixtures.rated(
                caoLanh,
                "Ấn tre " + tag,
                21,
                5,
                LocalDate.now(OcopClock.VIETNAM).minusDays(60));
        ProductView dao = fixtures.rated(
                baDinh,
                "Dao tre " + tag,
                21,
                4,
                LocalDate.now(OcopClock.VIETNAM).minusDays(1));
        List.of(dua, an, dao).forEach(p -> fixtures.awaitListed(p.id()));

        assertThat(fixtures.ids(search(tag, CatalogSort.NAME)))
                .as("Vietnamese order: A, Ấ, D, Đ")
                .containsExactly(an.id(), dao.id(), dua.id());
        assertThat(fixtures.ids(search(tag, CatalogSort.STARS))).containsExactly(an.id(), dao.id(), dua.id());
        assertThat(fixtures.ids(search(tag, CatalogSort.NEWEST))).containsExactly(dao.id(), dua.id(), an.id());
        assertThat(fixtures.ids(catalog.search(
                        new CatalogQuery(tag, "82", null, null, null, null, null, null, CatalogSort.NAME), 0, 20)))
                .containsExactly(an.id(), dua.id());
        assertThat(fixtures.ids(catalog.search(
                        new CatalogQuery(tag, null, null, "IV", null, 4, null, null, CatalogSort.NAME), 0, 20)))
                .containsExactly(dao.id());
        CatalogResults paged =
                catalog.search(new CatalogQuery(tag, null, null, null, 21, null, null, null, CatalogSort.NAME), 1, 2);
        assertThat(fixtures.ids(paged)).containsExactly(dua.id());
        assertThat(paged.page().total()).isEqualTo(3);
    }

    /**
     * More matches than the first chunk of a word's list: the page is full and the total is counted, for one word on
     * its list alone and for two words through the text index; both agree with what paging through finds.
     */
    @Test
    void countsTheTotalOfAFullPageForOneWordAndForSeveral() {
        String tag = CatalogFixtures.uniqueWord();
        String other = CatalogFixtures.uniqueWord();
        long producer =
                fixtures.producer("HTX đếm " + tag, RegistryFixtures.CAO_LANH).id();
        List<Long> all = new java.util.ArrayList<>();
        List<Long> both = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String name = (i % 6 != 0 ? "Chè " + tag + " " + other : "Chè " + tag) + " số " + i;
            ProductView product = fixtures.rated(producer, name, 9, 4, LocalDate.now(OcopClock.VIETNAM));
            all.add(product.id());
            if (i % 6 != 0) {
                both.add(product.id());
            }
        }
        all.forEach(fixtures::awaitListed);
        CatalogResults one = catalog.search(
                new CatalogQuery(tag, null, null, null, null, null, null, null, CatalogSort.NAME), 0, 24);
        assertThat(one.page().items()).hasSize(24);
        assertThat(one.page().total()).isEqualTo(60);
        assertThat(one.page().totalAtLeast()).isFalse();

        CatalogResults two = catalog.search(
                new CatalogQuery(tag + " " + other, null, null, null, null, null, null, null, CatalogSort.NAME), 0, 5);
        assertThat(two.page().total()).isEqualTo(50);
        assertThat(both).containsAll(fixtures.ids(two));
        CatalogResults last = catalog.search(
                new CatalogQuery(tag + " " + other, null, null, null, null, null, null, null, CatalogSort.NAME), 3, 5);
        assertThat(last.page().total()).isEqualTo(50);
        assertThat(both).containsAll(fixtures.ids(last));
        assertThat(fixtures.ids(last)).hasSize(5).doesNotContainAnyElementsOf(fixtures.ids(two));

        CatalogResults filtered =
                catalog.search(new CatalogQuery(tag, "82", null, null, 9, 4, null, null, CatalogSort.STARS), 1, 24);
        assertThat(filtered.page().total()).isEqualTo(60);
        assertThat(filtered.page().items()).hasSize(24);
    }

    @Test
    void producersContactsArePublicOnlyWhenTheProducerChoseSo() throws Exception {
        String tag = CatalogFixtures.uniqueWord();
        ProducerDetails details = new ProducerDetails(
                LegalType.ENTERPRISE,
                "Công ty " + tag,
                RegistryFixtures.aTaxCode(),
                "Lê Văn Năm",
                "Giám đốc",
                "0909 123 456",
                tag + "@example.vn",
                null,
                "Số 5 đường Lý Thường Kiệt",
                RegistryFixtures.CAO_LANH,
                false,
                false,
                false,
                false,
                null,
                null,
                null,
                null);
        ProducerView producer = fixtures.producer(details);
        ProductView product =
                fixtures.rated(producer.id(), "Bánh phồng tôm " + tag, 6, 4, LocalDate.now(OcopClock.VIETNAM));
        fixtures.awaitListed(product.id());

        assertNoContacts(product.id(), producer.id(), tag);

        producers.publishContacts(producer.id(), true, true, admin);
        mvc.perform(get("/api/v1/public/producers/{id}", producer.id()))
                .andExpect(jsonPath("$.producer.phone").value("0909 123 456"))
                .andExpect(jsonPath("$.producer.email").value(tag + "@example.vn"));
        mvc.perform(get("/catalog/producers/{id}", producer.id()))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(tag + "@example.vn")));

        producers.publishContacts(producer.id(), false, false, admin);
        assertNoContacts(product.id(), producer.id(), tag); // withdrawn in the same transaction: at once
    }

    private void assertNoContacts(long productId, long producerId, String tag) throws Exception {
        for (String url : List.of(
                "/api/v1/public/producers/" + producerId,
                "/api/v1/public/products/" + productId,
                "/api/v1/public/products?q=" + tag,
                "/catalog/producers/" + producerId,
                "/catalog/products/" + productId,
                "/catalog?q=" + tag,
                "/open-data/ocop-products.csv")) {
            String body = mvc.perform(get(url)).andReturn().getResponse().getContentAsString();
            assertThat(body).as(url).doesNotContain("0909 123 456").doesNotContain(tag + "@example.vn");
        }
    }

    @Test
    void publicPagesCarryValidatorsThatChangeWhenTheCatalogDoesAndNoSession() throws Exception {
        ProductView product =
                fixtures.listed("Cà phê Robusta " + CatalogFixtures.uniqueWord(), RegistryFixtures.CAO_LANH);
        for (String url : List.of(
                "/",
                "/catalog",
                "/catalog/map",
                "/catalog/products/" + product.id(),
                "/api/v1/public/products",
                "/open-data",
                "/sitemap.xml")) {
            MvcResult first = mvc.perform(get(url))
                    .andExpect(status().isOk())
                    .andExpect(header().string(
                                    "Cache-Control",
                                    org.hamcrest.Matchers.allOf(
                                            org.hamcrest.Matchers.containsString("public"),
                                            org.hamcrest.Matchers.containsString("no-cache"))))
                    .andExpect(header().exists("Last-Modified"))
                    .andExpect(header().doesNotExist("Set-Cookie"))
                    .andReturn();
            String etag = first.getResponse().getHeader("ETag");
            assertThat(etag).as(url).startsWith("W/\"c");
            assertNotModifiedWhileUnchanged(url, etag);
        }
        String etag = mvc.perform(get("/catalog/products/{id}", product.id()))
                .andReturn()
                .getResponse()
                .getHeader("ETag");
        catalog.contentChanged();
        mvc.perform(get("/catalog/products/{id}", product.id()).header("If-None-Match", etag))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", org.hamcrest.Matchers.not(etag)));
    }

    /**
     * A request with the validator just received is answered 304. Test classes run side by side and may change the
     * catalog in between (a certificate issued elsewhere): then the answer must be a full page with a new validator, and
     * the check is made again with that one.
     */
    private void assertNotModifiedWhileUnchanged(String url, String etag) throws Exception {
        String sent = etag;
        for (int attempt = 0; attempt < 5; attempt++) {
            MvcResult again =
                    mvc.perform(get(url).header("If-None-Match", sent)).andReturn();
            if (again.getResponse().getStatus() == 304) {
                return;
            }
            assertThat(again.getResponse().getStatus()).as(url).isEqualTo(200);
            String current = again.getResponse().getHeader("ETag");
            assertThat(current)
                    .as(url + ": a full answer to a current validator")
                    .isNotEqualTo(sent);
            sent = current;
        }
        throw new AssertionError(url + ": never answered 304 to its own current validator");
    }

    @Test
    void openDataSitemapAndStructuredDataListTheProduct() throws Exception {
        String tag = CatalogFixtures.uniqueWord();
        ProductView product = fixtures.listed("Gạo thơm ST25 " + tag, RegistryFixtures.CAO_LANH);
        mvc.perform(get("/open-data/ocop-products.csv"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Gạo thơm ST25 " + tag)));
        mvc.perform(get("/open-data/ocop-products.json"))
                .andExpect(jsonPath("$.products[?(@.product_id == " + product.id() + ")].name")
                        .value("Gạo thơm ST25 " + tag));
        mvc.perform(get("/sitemap.xml"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/sitemap-products-0.xml")));
        mvc.perform(get("/sitemap-products-0.xml"))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString("/catalog/products/" + product.id() + "</loc>")));
        mvc.perform(get("/robots.txt")).andExpect(content().string(org.hamcrest.Matchers.containsString("Sitemap: ")));
        mvc.perform(get("/catalog/products/{id}", product.id()))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("application/ld+json")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("\"@type\":\"Product\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("\"priceCurrency\":\"VND\"")));
    }

    @Test
    void badQueriesGetClearAnswersNever500() throws Exception {
        mvc.perform(get("/api/v1/public/products").param("stars", "9"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").exists());
        mvc.perform(get("/api/v1/public/products").param("sort", "PRICE")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/public/products").param("size", "1000")).andExpect(status().isBadRequest());
        mvc.perform(get("/catalog").param("stars", "2")).andExpect(status().isBadRequest());
        mvc.perform(get("/catalog").param("q", "%_'\"<script>")).andExpect(status().isOk());
        // A NUL character is refused at the edge for every request (decision 0019), the catalog's included.
        mvc.perform(get("/catalog").param("q", "tra\u0000")).andExpect(status().isBadRequest());
        mvc.perform(get("/catalog/products/{id}", 987654321L)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/public/products/{id}", 987654321L)).andExpect(status().isNotFound());
        mvc.perform(get("/catalog/producers/{id}", 987654321L)).andExpect(status().isNotFound());
    }

    private CatalogResults search(String text) {
        return search(text, CatalogSort.RELEVANCE);
    }

    private CatalogResults search(String text, CatalogSort sort) {
        return catalog.search(new CatalogQuery(text, null, null, null, null, null, null, null, sort), 0, 20);
    }

    private List<Long> apiIds(String text) throws Exception {
        String json = mvc.perform(get("/api/v1/public/products").param("q", text))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Number> ids = com.jayway.jsonpath.JsonPath.read(json, "$.items[*].id");
        return ids.stream().map(Number::longValue).toList();
    }
}
