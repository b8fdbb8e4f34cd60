package vn.ocop.trade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.ocop.TestUsers.as;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.ocop.IntegrationTest;
import vn.ocop.RegistryFixtures;
import vn.ocop.TestUsers;
import vn.ocop.catalog.Catalog;
import vn.ocop.catalog.CatalogFixtures;
import vn.ocop.identity.CreateUser;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.Role;
import vn.ocop.identity.UserAccounts;
import vn.ocop.identity.UserSummary;
import vn.ocop.notification.Notifications;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.product.ProductRegistry;
import vn.ocop.product.ProductView;
import vn.ocop.shared.CommonError;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.abuse.FormGuard;
import vn.ocop.workspace.Workspace;

/**
 * Buyers' inquiries: the producer is told and answers on the platform, the buyer gets the answer at its address
 * (never shown to anyone), limits per address refuse floods with a clear message, officers see counts only.
 */
@IntegrationTest
class BuyerInquiriesIntegrationTests {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    BuyerInquiries inquiries;

    @Autowired
    Catalog catalog;

    @Autowired
    ProducerRegistry producers;

    @Autowired
    ProductRegistry products;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Notifications notifications;

    @Autowired
    Workspace workspace;

    @Autowired
    FormGuard guard;

    @Autowired
    JdbcClient jdbc;

    private CatalogFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new CatalogFixtures(producers, products, catalog);
    }

    @Test
    void theProducerIsToldAnswersAndTheBuyerReadsTheAnswerAtItsAddressOnly() throws Exception {
        String tag = CatalogFixtures.uniqueWord();
        ProductView product = fixtures.listed("Mật ong rừng " + tag, RegistryFixtures.CAO_LANH);
        CurrentUser producer = producerAccount(product.producerId());
        String email = "buyer-" + tag + "@example.vn";

        String token = inquiries.send(request(product.id(), email), address());

        assertThat(notifications.inbox(producer, 0, 10).items())
                .anySatisfy(n -> assertThat(n.link()).startsWith("/inquiries/"));
        assertThat(workspace.workFor(producer))
                .anySatisfy(w -> assertThat(w.subject()).contains(tag));
        Inquiry received = inquiries.inbox(producer, 0, 10).items().get(0);
        assertThat(received.subject()).contains(tag);
        String page = mvc.perform(get("/inquiries/{id}", received.id()).with(as(producer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Siêu thị buyer-" + tag).doesNotContain(email).doesNotContain("0912 000 111");

        mvc.perform(post("/inquiries/{id}/reply", received.id())
                        .with(as(producer))
                        .with(csrf())
                        .param("body", "Chúng tôi cung cấp được 500 chai mỗi tháng."))
                .andExpect(status().is3xxRedirection());
        assertThat(workspace.workFor(producer))
                .noneSatisfy(w -> assertThat(w.link()).isEqualTo("/inquiries/" + received.id()));
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM mail_outbox WHERE address = ? AND body_key = 'mail.inquiry.answered.body'")
                        .param(email)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        mvc.perform(get("/buyer-inquiries/{token}", token))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("500 chai mỗi tháng")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(email))));
        for (String url : List.of(
                "/catalog/products/" + product.id(), "/api/v1/public/products/" + product.id(), "/trade/inquiries")) {
            String body = mvc.perform(get(url).with(as(TestUsers.centralOffice())))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(body).as(url).doesNotContain(email);
        }
        // Another producer cannot open it.
        CurrentUser other = TestUsers.producerAccount(987_000L + SEQ.incrementAndGet());
        mvc.perform(get("/inquiries/{id}", received.id()).with(as(other))).andExpect(status().isNotFound());
    }

    @Test
    void aCategoryInquiryReachesTheProducersOfferingItInTheProvince() {
        String tag = CatalogFixtures.uniqueWord();
        ProductView a = fixtures.listed("Nước mắm cá cơm " + tag, RegistryFixtures.CAO_LANH);
        ProductView b = fixtures.listed("Nước mắm nhĩ " + tag, RegistryFixtures.SA_DEC);
        inquiries.send(
                new InquiryRequest(
                        null,
                        9,
                        "82",
                        BuyerKind.DISTRIBUTOR,
                        "Bà Hoa",
                        null,
                        "hoa-" + tag + "@example.vn",
                        null,
                        "2 tấn",
                        "Cần nguồn hàng ổn định"),
                address());
        List<Long> recipients = jdbc.sql("SELECT r.producer_id FROM buyer_inquiry_recipient r JOIN buyer_inquiry i ON"
                        + " i.id = r.inquiry_id WHERE i.email = ?")
                .param("hoa-" + tag + "@example.vn")
                .query(Long.class)
                .list();
        assertThat(recipients).contains(a.producerId(), b.producerId());
        assertThatThrownBy(() -> inquiries.send(
                        new InquiryRequest(
                                null, 25, "01", BuyerKind.OTHER, "Ông Ba", null, "ba@example.vn", null, "1", "?"),
                        address()))
                .isInstanceOfSatisfying(
                        OcopException.class, e -> assertThat(e.errorCode()).isIn(TradeError.NO_PRODUCERS_FOR_CATEGORY));
        assertThatThrownBy(() -> inquiries.send(
                        new InquiryRequest(
                                null, 9, null, BuyerKind.OTHER, "Ông Ba", null, "ba@example.vn", null, "1", "?"),
                        address()))
                .isInstanceOfSatisfying(
                        OcopException.class, e -> assertThat(e.errorCode()).isEqualTo(TradeError.CATEGORY_INCOMPLETE));
    }

    @Test
    void beyondTheLimitPerAddressTheFormSaysWhenToTryAgain() throws Exception {
        ProductView product = fixtures.listed("Trà tim sen " + CatalogFixtures.uniqueWord(), RegistryFixtures.CAO_LANH);
        String client = address();
        FormGuard.Challenge challenge = guard.issue("inquiry");
        Thread.sleep(1100); // the minimum fill time of the test profile
        for (int i = 0; i < BuyerInquiries.PER_ADDRESS_HOUR.hits(); i++) {
            mvc.perform(inquiry(product.id(), challenge.token(), "", client)).andExpect(status().is3xxRedirection());
        }
        mvc.perform(inquiry(product.id(), challenge.token(), "", client))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Vui lòng thử lại sau")));
        mvc.perform(inquiry(product.id(), challenge.token(), "bot filled this", address()))
                .andExpect(status().isBadRequest());
        assertThatThrownBy(() -> inquiries.send(request(987_654_321L, "x@example.vn"), address()))
                .isInstanceOfSatisfying(
                        OcopException.class, e -> assertThat(e.errorCode()).isEqualTo(TradeError.PRODUCT_NOT_LISTED));
        String email = "many-" + SEQ.incrementAndGet() + "@example.vn";
        for (int i = 0; i < BuyerInquiries.PER_EMAIL_DAY.hits(); i++) {
            inquiries.send(request(product.id(), email), address());
        }
        assertThatThrownBy(() -> inquiries.send(request(product.id(), email), address()))
                .isInstanceOfSatisfying(
                        OcopException.class, e -> assertThat(e.errorCode()).isEqualTo(CommonError.RATE_LIMITED));
    }

    @Test
    void provinceOfficersSeeTheirProvincesCountsOnly() throws Exception {
        // Provinces no other test class works in (Cà Mau, Vĩnh Long): classes running beside this one send
        // inquiries too, and the counts are per province.
        ProductView product =
                fixtures.listed("Bưởi da xanh " + CatalogFixtures.uniqueWord(), RegistryFixtures.BAC_LIEU);
        CurrentUser caMau = TestUsers.provinceOfficer(RegistryFixtures.CA_MAU);
        int year = java.time.LocalDate.now(vn.ocop.shared.OcopClock.VIETNAM).getYear();
        long before = inquiries.figures(caMau, year).total();
        long vinhLongBefore = inquiries
                .figures(TestUsers.provinceOfficer(RegistryFixtures.VINH_LONG), year)
                .total();
        inquiries.send(request(product.id(), "count-" + SEQ.incrementAndGet() + "@example.vn"), address());
        assertThat(inquiries.figures(caMau, year).total()).isEqualTo(before + 1);
        assertThat(inquiries
                        .figures(TestUsers.provinceOfficer(RegistryFixtures.VINH_LONG), year)
                        .total())
                .isEqualTo(vinhLongBefore);
        assertThat(inquiries.figures(TestUsers.centralOffice(), year).byProvince())
                .containsKey(RegistryFixtures.CA_MAU);
        CurrentUser dongThap = TestUsers.provinceOfficer("82");
        assertThatThrownBy(() -> inquiries.figures(TestUsers.communeOfficer(RegistryFixtures.CAO_LANH), year))
                .isInstanceOf(OcopException.class);
        mvc.perform(get("/trade/inquiries").with(as(dongThap))).andExpect(status().isOk());
        mvc.perform(get("/trade/inquiries").with(as(TestUsers.councilMember("82"))))
                .andExpect(status().isForbidden());
    }

    @Test
    void aRefusedReplyWritesNothingAndOpeningMarksReadOnce() throws Exception {
        String tag = CatalogFixtures.uniqueWord();
        ProductView product = fixtures.listed("Bánh phồng tôm " + tag, RegistryFixtures.CAO_LANH);
        CurrentUser producer = producerAccount(product.producerId());
        inquiries.send(request(product.id(), "buyer-" + tag + "@example.vn"), address());
        long id = inquiries.inbox(producer, 0, 10).items().get(0).id();

        mvc.perform(post("/inquiries/{id}/reply", id)
                        .with(as(producer))
                        .with(csrf())
                        .param("body", " "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Bánh phồng tôm " + tag)));
        assertThat(inquiries.view(id, producer).readAt())
                .as("the page shown again after a refused reply does not mark it read")
                .isNull();

        java.time.Instant read = inquiries.open(id, producer).readAt();
        assertThat(read).isNotNull();
        assertThat(inquiries.view(id, producer).readAt()).isEqualTo(read);
        inquiries.open(id, producer);
        assertThat(inquiries.view(id, producer).readAt()).isEqualTo(read);
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder inquiry(
            long product, String token, String honeypot, String client) {
        return post("/buyer-inquiries")
                .with(csrf())
                .with(remote(client))
                .param("productId", Long.toString(product))
                .param("buyerKind", "RETAIL_CHAIN")
                .param("buyerName", "Chị Lan")
                .param("email", "lan-" + SEQ.incrementAndGet() + "@example.vn")
                .param("quantity", "100 hộp")
                .param("message", "Xin báo giá sỉ")
                .param("formToken", token)
                .param(FormGuard.HONEYPOT, honeypot);
    }

    private static RequestPostProcessor remote(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private CurrentUser producerAccount(long producerId) {
        String username = "ct-hoi-" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100000;
        UserSummary account = accounts.create(
                new CreateUser(username, "Chủ thể", null, Role.PRODUCER, null, "Chu-the-2026!", producerId),
                TestUsers.admin());
        return new CurrentUser(account.id(), username, "Chủ thể", Role.PRODUCER, null, producerId);
    }

    private static String address() {
        return "10.7." + (SEQ.incrementAndGet() % 250) + "." + (1 + SEQ.get() / 250);
    }

    private static InquiryRequest request(long product, String email) {
        return new InquiryRequest(
                product,
                null,
                null,
                BuyerKind.RETAIL_CHAIN,
                "Anh Minh",
                "Siêu thị " + email.substring(0, email.indexOf('@')),
                email,
                "0912 000 111",
                "300 chai",
                "Xin báo giá và điều kiện giao hàng.");
    }
}
