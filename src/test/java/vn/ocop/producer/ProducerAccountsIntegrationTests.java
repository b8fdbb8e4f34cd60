package vn.ocop.producer;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.ocop.TestUsers.as;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;
import vn.ocop.IntegrationTest;
import vn.ocop.RegistryFixtures;
import vn.ocop.TestUsers;
import vn.ocop.identity.CurrentUser;

/** Producer accounts: linked to their producer when created, by officers who cover it, and confined to it. */
@IntegrationTest
class ProducerAccountsIntegrationTests {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String PASSWORD = "Chu-the-2026!";

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    ProducerRegistry producers;

    @Test
    void officersCoveringAProducerOpenItsAccountWhichSeesOnlyThatProducer() throws Exception {
        long own = producer(RegistryFixtures.CAO_LANH);
        long other = producer(RegistryFixtures.SA_DEC);
        CurrentUser dongThap = TestUsers.provinceOfficer("82");

        create(TestUsers.admin(), "PRODUCER", null, null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("IAM-012"));
        create(TestUsers.admin(), "COMMUNE_OFFICER", RegistryFixtures.CAO_LANH, own)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("IAM-012"));
        create(TestUsers.admin(), "PRODUCER", null, 987_654_321L)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("IAM-013"));
        create(TestUsers.provinceOfficer("01"), "PRODUCER", null, own).andExpect(status().isForbidden());

        String username = "chu-the-" + SEQ.incrementAndGet();
        mvc.perform(post("/api/v1/users")
                        .with(as(dongThap))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(username, "PRODUCER", null, own)))
                .andExpect(status().isCreated());

        String token = json.readTree(mvc.perform(post("/api/v1/auth/token")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}"))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("accessToken")
                .asString();
        mvc.perform(get("/api/v1/producers/" + own).header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/producers/" + other).header("Authorization", "Bearer " + token))
                .andExpect(status().isForbidden());
    }

    @Test
    void theProducerPageCreatesTheProducersAccountAndTheUsersListShowsIt() throws Exception {
        long own = producer(RegistryFixtures.CAO_LANH);
        CurrentUser dongThap = TestUsers.provinceOfficer("82");
        mvc.perform(get("/producers/" + own).with(as(dongThap)))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("/producers/" + own + "/accounts/new")));
        String username = "chu-the-trang-" + SEQ.incrementAndGet();
        mvc.perform(
                        post("/producers/" + own + "/accounts")
                                .param("username", username)
                                .param("displayName", "Chủ thể qua trang")
                                .param("password", PASSWORD)
                                .with(as(dongThap))
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                        "/producers/" + own + "#accounts"));
        mvc.perform(post("/api/v1/auth/token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}"))
                .andExpect(status().isCreated());
        // The province officer who created it finds it in the users list, and no false "created" banner shows.
        mvc.perform(get("/admin/users").param("q", username).with(as(dongThap)))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("1 tài khoản")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("<a class=\"code\" href=\"/admin/users/")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Đã tạo người dùng"))));
        // Another province's officer neither sees it nor may open one.
        CurrentUser haNoi = TestUsers.provinceOfficer("01");
        mvc.perform(get("/admin/users").param("q", username).with(as(haNoi)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("0 tài khoản")));
        mvc.perform(get("/producers/" + own + "/accounts/new").with(as(haNoi))).andExpect(status().isForbidden());
    }

    private ResultActions create(CurrentUser actor, String role, String jurisdiction, Long producerId)
            throws Exception {
        return mvc.perform(post("/api/v1/users")
                .with(as(actor))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body("chu-the-" + SEQ.incrementAndGet(), role, jurisdiction, producerId)));
    }

    private static String body(String username, String role, String jurisdiction, Long producerId) {
        return """
                {"username":"%s","displayName":"Tài khoản %s","role":"%s","jurisdictionCode":%s,
                 "password":"%s","producerId":%s}""".formatted(
                        username,
                        username,
                        role,
                        jurisdiction == null ? "null" : "\"" + jurisdiction + "\"",
                        PASSWORD,
                        producerId == null ? "null" : producerId.toString());
    }

    private long producer(String commune) {
        return producers
                .register(
                        RegistryFixtures.aCooperative("HTX Tài khoản " + SEQ.incrementAndGet(), commune),
                        TestUsers.admin())
                .id();
    }
}
