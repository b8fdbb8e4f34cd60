package vn.ocop.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.ocop.IntegrationTest;
import vn.ocop.RegistryFixtures;
import vn.ocop.TestUsers;
import vn.ocop.identity.CreateUser;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.Role;
import vn.ocop.identity.UserAccounts;
import vn.ocop.identity.UserSummary;
import vn.ocop.notification.Notifications;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.abuse.FormGuard;
import vn.ocop.workspace.Workspace;

/**
 * Producers sign up on the portal; the commune's officers are told, see it in their work queue, and approve it (the
 * producer and its account become active: the account logs in) or refuse it with a reason. Bad input, bots and
 * repeated requests get clear answers.
 */
@IntegrationTest
class ProducerSignupIntegrationTests {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String PASSWORD = "Dang-ky-2026!";

    @Autowired
    MockMvc mvc;

    @Autowired
    ProducerSignups signups;

    @Autowired
    ProducerRegistry producers;

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

    @Test
    void theCommuneIsToldApprovesAndTheProducerLogsIn() throws Exception {
        CurrentUser officer = communeOfficer(RegistryFixtures.SA_DEC);
        SignupRequest request = request(RegistryFixtures.aTaxCode(), "chu-the-dk-" + SEQ.incrementAndGet(), true);
        Signup signup = signups.submit(request, address());

        assertThat(signup.status()).isEqualTo(SignupStatus.PENDING);
        assertThat(notifications.inbox(officer, 0, 10).items())
                .anySatisfy(n -> assertThat(n.link()).isEqualTo("/producers/signups/" + signup.id()));
        assertThat(workspace.workFor(officer))
                .anySatisfy(w -> assertThat(w.link()).isEqualTo("/producers/signups/" + signup.id()));
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE address = ?")
                        .param(request.email())
                        .query(Long.class)
                        .single())
                .as("the applicant is told where to follow the request")
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT password_hash FROM producer_signup WHERE id = ?")
                        .param(signup.id())
                        .query(String.class)
                        .single())
                .doesNotContain(PASSWORD);

        Signup approved = signups.approve(signup.id(), signup.version(), officer);
        assertThat(approved.status()).isEqualTo(SignupStatus.APPROVED);
        ProducerView producer = producers.lookup(approved.producerId()).orElseThrow();
        assertThat(producer.taxCode()).isEqualTo(request.taxCode());
        assertThat(producer.status()).isEqualTo(ProducerStatus.ACTIVE);
        assertThat(producer.publishPhone()).isTrue();
        UserSummary account = accounts.ofProducer(producer.id()).get(0);
        assertThat(account.username()).isEqualTo(request.username());
        assertThat(workspace.workFor(officer))
                .noneSatisfy(w -> assertThat(w.link()).endsWith("/" + signup.id()));
        mvc.perform(post("/api/v1/auth/token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + request.username() + "\",\"password\":\"" + PASSWORD + "\"}"))
                .andExpect(status().isCreated());
        assertThat(jdbc.sql("SELECT password_hash FROM producer_signup WHERE id = ?")
                        .param(signup.id())
                        .query(String.class)
                        .optional())
                .as("the hash is dropped once decided")
                .isEmpty();
        assertThatThrownBy(() -> signups.approve(signup.id(), approved.version(), officer))
                .isInstanceOfSatisfying(
                        OcopException.class, e -> assertThat(e.errorCode()).isEqualTo(ProducerError.SIGNUP_DECIDED));
    }

    @Test
    void aRefusalCarriesItsReasonToTheApplicantsPage() throws Exception {
        CurrentUser officer = communeOfficer(RegistryFixtures.SA_DEC);
        Signup signup = signups.submit(
                request(RegistryFixtures.aTaxCode(), "chu-the-tc-" + SEQ.incrementAndGet(), false), address());
        assertThatThrownBy(() -> signups.refuse(signup.id(), " ", signup.version(), officer))
                .isInstanceOfSatisfying(
                        OcopException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ProducerError.SIGNUP_REASON_REQUIRED));
        signups.refuse(signup.id(), "Mã số thuế không khớp với giấy đăng ký kinh doanh", signup.version(), officer);

        mvc.perform(get("/signup/status/{token}", signup.token()))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("không khớp với giấy đăng ký")));
        assertThat(producers.findByTaxCode(signup.taxCode())).isEmpty();
    }

    @Test
    void onlyOfficersCoveringTheCommuneDecide() {
        Signup signup = signups.submit(
                request(RegistryFixtures.aTaxCode(), "chu-the-jx-" + SEQ.incrementAndGet(), false), address());
        for (CurrentUser outsider : new CurrentUser[] {
            TestUsers.communeOfficer(RegistryFixtures.CAO_LANH),
            TestUsers.provinceOfficer("01"),
            TestUsers.councilMember("82"),
            TestUsers.producerAccount(1)
        }) {
            assertThatThrownBy(() -> signups.approve(signup.id(), signup.version(), outsider))
                    .as(outsider.role().name())
                    .isInstanceOf(OcopException.class);
        }
        assertThat(signups.approve(signup.id(), signup.version(), TestUsers.provinceOfficer("82"))
                        .status())
                .isEqualTo(SignupStatus.APPROVED);
    }

    @Test
    void duplicatesAndWeakPasswordsGetClearAnswers() {
        String registered = producers
                .register(
                        RegistryFixtures.aCooperative("HTX đã có " + SEQ.incrementAndGet(), RegistryFixtures.SA_DEC),
                        TestUsers.admin())
                .taxCode();
        assertCode(
                () -> signups.submit(request(registered, "chu-the-a" + SEQ.incrementAndGet(), false), address()),
                ProducerError.SIGNUP_TAX_CODE_REGISTERED);
        String waiting = RegistryFixtures.aTaxCode();
        String username = "chu-the-b" + SEQ.incrementAndGet();
        signups.submit(request(waiting, username, false), address());
        assertCode(
                () -> signups.submit(request(waiting, "chu-the-c" + SEQ.incrementAndGet(), false), address()),
                ProducerError.SIGNUP_PENDING);
        assertCode(
                () -> signups.submit(request(RegistryFixtures.aTaxCode(), username, false), address()),
                ProducerError.SIGNUP_USERNAME_TAKEN);
        assertCode(
                () -> signups.submit(request(RegistryFixtures.aTaxCode(), "admin", false), address()),
                ProducerError.SIGNUP_USERNAME_TAKEN);
        SignupRequest weak = request(RegistryFixtures.aTaxCode(), "chu-the-d" + SEQ.incrementAndGet(), false);
        assertCode(
                () -> signups.submit(
                        new SignupRequest(
                                weak.legalType(),
                                weak.name(),
                                weak.taxCode(),
                                weak.representative(),
                                null,
                                weak.phone(),
                                weak.email(),
                                null,
                                weak.address(),
                                weak.communeCode(),
                                false,
                                false,
                                weak.username(),
                                weak.username() + "-2026"),
                        address()),
                vn.ocop.identity.IdentityError.WEAK_PASSWORD);
    }

    @Test
    void thePageRefusesBotsWrongAnswersAndTooManyRequestsWithAMessage() throws Exception {
        FormGuard.Challenge challenge = guard.issue("signup");
        String answer = Integer.toString(challenge.first() + challenge.second());
        mvc.perform(form(challenge.token(), answer, "").with(remote("10.9.0.1")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("quá nhanh")));
        Thread.sleep(1100); // the minimum fill time of the test profile
        mvc.perform(form(challenge.token(), answer, "http://spam.example").with(remote("10.9.0.1")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("hết hạn hoặc được gửi quá nhanh")));
        mvc.perform(form(challenge.token(), "999", "").with(remote("10.9.0.1")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("chưa đúng")));
        mvc.perform(form(challenge.token(), answer, "").with(remote("10.9.0.1")))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/signup/status/*"));

        String email = "gioi-han-" + SEQ.incrementAndGet() + "@example.vn";
        signups.submit(
                request(RegistryFixtures.aTaxCode(), "chu-the-e" + SEQ.incrementAndGet(), false, email), address());
        signups.submit(
                request(RegistryFixtures.aTaxCode(), "chu-the-f" + SEQ.incrementAndGet(), false, email), address());
        assertCode(
                () -> signups.submit(
                        request(RegistryFixtures.aTaxCode(), "chu-the-g" + SEQ.incrementAndGet(), false, email),
                        address()),
                vn.ocop.shared.CommonError.RATE_LIMITED);
    }

    private MockHttpServletRequestBuilder form(String token, String answer, String honeypot) {
        return post("/signup")
                .with(csrf())
                .param("legalType", "COOPERATIVE")
                .param("name", "HTX Trang " + SEQ.incrementAndGet())
                .param("taxCode", RegistryFixtures.aTaxCode())
                .param("representative", "Trần Thị Mai")
                .param("phone", "0277 3000 111")
                .param("email", "trang" + SEQ.incrementAndGet() + "@example.vn")
                .param("address", "Ấp 3")
                .param("communeCode", RegistryFixtures.SA_DEC)
                .param("username", "chu-the-trang-" + SEQ.incrementAndGet())
                .param("password", PASSWORD)
                .param("answer", answer)
                .param("formToken", token)
                .param(FormGuard.HONEYPOT, honeypot);
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor remote(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static void assertCode(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable call, vn.ocop.shared.ErrorCode code) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        OcopException.class, e -> assertThat(e.errorCode()).isEqualTo(code));
    }

    private CurrentUser communeOfficer(String commune) {
        String username = "xa-dk-" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100000;
        UserSummary account = accounts.create(
                new CreateUser(username, "Cán bộ xã", null, Role.COMMUNE_OFFICER, commune, PASSWORD),
                TestUsers.admin());
        return new CurrentUser(account.id(), username, "Cán bộ xã", Role.COMMUNE_OFFICER, commune, null);
    }

    private static String address() {
        return "10.8." + SEQ.incrementAndGet() + ".1";
    }

    private static SignupRequest request(String taxCode, String username, boolean publish) {
        return request(taxCode, username, publish, username + "@example.vn");
    }

    private static SignupRequest request(String taxCode, String username, boolean publish, String email) {
        return new SignupRequest(
                LegalType.COOPERATIVE,
                "HTX " + username,
                taxCode,
                "Nguyễn Văn Sáu",
                "Chủ nhiệm",
                "0277 3111 222",
                email,
                null,
                "Ấp Tân Phú",
                RegistryFixtures.SA_DEC,
                publish,
                false,
                username,
                PASSWORD);
    }
}
