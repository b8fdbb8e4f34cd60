package vn.ocop.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ocop.IntegrationTest;

/** The API's answers to unauthenticated, unauthorized, unknown and malformed requests, and token handling. */
@IntegrationTest
class ApiSecurityIntegrationTests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String PASSWORD = "Mat-khau-2026!";

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Test
    void unauthenticatedCallsGet401ProblemWithBearerChallenge() throws Exception {
        mvc.perform(get("/api/v1/users"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", containsString("Bearer")))
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.code").value("COMMON-005"));
        mvc.perform(get("/api/v1/users").header("Authorization", "Bearer ocop_not-a-real-token"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", containsString("invalid_token")))
                .andExpect(jsonPath("$.code").value("COMMON-005"));
    }

    @Test
    void problemsAreLocalizedByAcceptLanguage() throws Exception {
        mvc.perform(get("/api/v1/users").header("Accept-Language", "en"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.title").value("Not authenticated"));
        mvc.perform(get("/api/v1/users"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.title").value("Chưa xác thực"));
    }

    @Test
    void passwordGrantsATokenThatIdentifiesTheUser() throws Exception {
        String token = token("admin", "admin-test-password-1");
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("admin"))
                .andExpect(jsonPath("$.role").value("SYSTEM_ADMIN"));
    }

    @Test
    void wrongPasswordGets401WithoutAToken() throws Exception {
        mvc.perform(post("/api/v1/auth/token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"admin\",\"password\":\"wrong-password\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("IAM-001"))
                .andExpect(jsonPath("$.accessToken").doesNotExist());
    }

    @Test
    void revokedTokenStopsWorking() throws Exception {
        String token = token("admin", "admin-test-password-1");
        mvc.perform(delete("/api/v1/auth/token").header("Authorization", "Bearer " + token))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void malformedJsonGets400Problem() throws Exception {
        mvc.perform(post("/api/v1/auth/token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"admin\", "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("COMMON-001"));
        String admin = token("admin", "admin-test-password-1");
        mvc.perform(post("/api/v1/users")
                        .header("Authorization", "Bearer " + admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": 42, \"role\": \"EMPEROR\"}"))
                .andExpect(status().isBadRequest())
                // A value of the wrong kind names its field (decision 0019).
                .andExpect(jsonPath("$.code").value("COMMON-002"))
                .andExpect(jsonPath("$.errors[0].field").value("role"));
    }

    @Test
    void invalidFieldsGet400WithEveryFieldNamed() throws Exception {
        String admin = token("admin", "admin-test-password-1");
        mvc.perform(
                        post("/api/v1/users")
                                .header("Authorization", "Bearer " + admin)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"username\":\"Not Valid!\",\"displayName\":\"\",\"role\":\"COMMUNE_OFFICER\",\"password\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("COMMON-002"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("username")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("displayName")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("password")));
    }

    @Test
    void unknownIdsGet404() throws Exception {
        String admin = token("admin", "admin-test-password-1");
        mvc.perform(get("/api/v1/users/987654321").header("Authorization", "Bearer " + admin))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("IAM-006"));
        mvc.perform(get("/api/v1/users/not-a-number").header("Authorization", "Bearer " + admin))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("COMMON-010"));
    }

    @Test
    void provinceOfficerCannotTouchAccountsOfAnotherProvince() throws Exception {
        String admin = token("admin", "admin-test-password-1");
        String hanoiOfficer = createUser(admin, "PROVINCE_OFFICER", "01");
        String hcmcCommuneOfficer = createUser(admin, "COMMUNE_OFFICER", "26740"); // Phường Sài Gòn, TP.HCM
        long hcmcId = userId(admin, hcmcCommuneOfficer);
        String officerToken = token(hanoiOfficer, PASSWORD);

        mvc.perform(get("/api/v1/users/" + hcmcId).header("Authorization", "Bearer " + officerToken))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("COMMON-004"));
        mvc.perform(post("/api/v1/users")
                        .header("Authorization", "Bearer " + officerToken)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(userJson("hcm.xa." + SEQUENCE.incrementAndGet(), "COMMUNE_OFFICER", "26740")))
                .andExpect(status().isForbidden());
        // Inside Hà Nội the same officer may create a commune officer (Phường Ba Đình, 00004)...
        mvc.perform(post("/api/v1/users")
                        .header("Authorization", "Bearer " + officerToken)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(userJson("hn.xa." + SEQUENCE.incrementAndGet(), "COMMUNE_OFFICER", "00004")))
                .andExpect(status().isCreated());
        // ...but not grant a province role.
        mvc.perform(post("/api/v1/users")
                        .header("Authorization", "Bearer " + officerToken)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(userJson("hn.tinh." + SEQUENCE.incrementAndGet(), "PROVINCE_OFFICER", "01")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("IAM-010"));
    }

    @Test
    void communeOfficersCannotAdministerUsersAtAll() throws Exception {
        String admin = token("admin", "admin-test-password-1");
        String communeOfficer = createUser(admin, "COMMUNE_OFFICER", "00004");
        mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + token(communeOfficer, PASSWORD)))
                .andExpect(status().isForbidden());
    }

    @Test
    void jurisdictionMustFitTheRole() throws Exception {
        String admin = token("admin", "admin-test-password-1");
        mvc.perform(post("/api/v1/users")
                        .header("Authorization", "Bearer " + admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(userJson("sai.cap." + SEQUENCE.incrementAndGet(), "COMMUNE_OFFICER", "01")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("IAM-005"));
        mvc.perform(post("/api/v1/users")
                        .header("Authorization", "Bearer " + admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(userJson("khong.dia.ban." + SEQUENCE.incrementAndGet(), "PROVINCE_OFFICER", "")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("IAM-004"));
        mvc.perform(post("/api/v1/users")
                        .header("Authorization", "Bearer " + admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(userJson("ma.sai." + SEQUENCE.incrementAndGet(), "PROVINCE_OFFICER", "00")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("GEO-001"));
    }

    @Test
    void duplicateUsernameGets409() throws Exception {
        String admin = token("admin", "admin-test-password-1");
        String username = createUser(admin, "COMMUNE_OFFICER", "00004");
        mvc.perform(post("/api/v1/users")
                        .header("Authorization", "Bearer " + admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(userJson(username, "COMMUNE_OFFICER", "00004")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("IAM-003"));
    }

    @Test
    void staleVersionGets409() throws Exception {
        String admin = token("admin", "admin-test-password-1");
        long id = userId(admin, createUser(admin, "COMMUNE_OFFICER", "00004"));
        mvc.perform(put("/api/v1/users/" + id + "/enabled")
                        .header("Authorization", "Bearer " + admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\": false, \"version\": 0}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(put("/api/v1/users/" + id + "/enabled")
                        .header("Authorization", "Bearer " + admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\": true, \"version\": 0}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("COMMON-006"));
    }

    @Test
    void fiveFailedLoginsLockOutThatClientOnlyAndLeaveTokensWorking() throws Exception {
        String admin = token("admin", "admin-test-password-1");
        String username = createUser(admin, "COMMUNE_OFFICER", "00004");
        String issued = token(username, PASSWORD);
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/api/v1/auth/token")
                            .with(from("203.0.113.7"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"username\":\"" + username + "\",\"password\":\"wrong-" + i + "\"}"))
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.code").value("IAM-001"));
        }
        // The locked-out client gets the wrong-password answer even with the right password...
        mvc.perform(post("/api/v1/auth/token")
                        .with(from("203.0.113.7"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("IAM-001"));
        // ...while the owner, from another client, still logs in, and the token issued before still works.
        mvc.perform(post("/api/v1/auth/token")
                        .with(from("198.51.100.20"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + issued))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/audit-events")
                        .param("objectId", username)
                        .param("action", "auth.locked-out")
                        .header("Authorization", "Bearer " + admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void wrongPasswordUnknownNameDisabledAccountAndLockedOutClientGetTheSameAnswer() throws Exception {
        String admin = token("admin", "admin-test-password-1");
        String username = createUser(admin, "COMMUNE_OFFICER", "00004");
        String disabled = createUser(admin, "COMMUNE_OFFICER", "00004");
        long disabledId = userId(admin, disabled);
        mvc.perform(put("/api/v1/users/" + disabledId + "/enabled")
                        .header("Authorization", "Bearer " + admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\": false, \"version\": " + version(admin, disabledId) + "}"))
                .andExpect(status().isOk());
        String wrong = tokenAnswer(username, "not-the-password", "192.0.2.1");
        assertThat(tokenAnswer("nobody-" + username, "not-the-password", "192.0.2.1"))
                .isEqualTo(wrong);
        assertThat(tokenAnswer(disabled, PASSWORD, "192.0.2.1")).isEqualTo(wrong);
        for (int i = 0; i < 5; i++) {
            tokenAnswer(username, "wrong-" + i, "192.0.2.99");
        }
        assertThat(tokenAnswer(username, PASSWORD, "192.0.2.99")).isEqualTo(wrong);
    }

    @Test
    void disablingAnAccountEndsItsBrowserSessionsAtOnce() throws Exception {
        String admin = token("admin", "admin-test-password-1");
        String username = createUser(admin, "COMMUNE_OFFICER", "00004");
        jakarta.servlet.http.Cookie session = pageLogin(username, PASSWORD);
        mvc.perform(get("/dashboard").cookie(session)).andExpect(status().isOk());
        long id = userId(admin, username);
        mvc.perform(put("/api/v1/users/" + id + "/enabled")
                        .header("Authorization", "Bearer " + admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\": false, \"version\": " + version(admin, id) + "}"))
                .andExpect(status().isOk());
        mvc.perform(get("/dashboard").cookie(session))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/login"));
    }

    @Test
    void resettingAPasswordEndsSessionsAndRevokesTokens() throws Exception {
        String admin = token("admin", "admin-test-password-1");
        String username = createUser(admin, "COMMUNE_OFFICER", "00004");
        String userToken = token(username, PASSWORD);
        jakarta.servlet.http.Cookie session = pageLogin(username, PASSWORD);
        long id = userId(admin, username);
        mvc.perform(put("/api/v1/users/" + id + "/password")
                        .header("Authorization", "Bearer " + admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\": \"Hoa-sen-ngat-huong-7\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + userToken))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/dashboard").cookie(session))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/login"));
    }

    @Test
    void commonAndPublishedPasswordsAreRefused() throws Exception {
        String admin = token("admin", "admin-test-password-1");
        long id = userId(admin, createUser(admin, "COMMUNE_OFFICER", "00004"));
        for (String weak : new String[] {"1234567890", "Demo-ocop-2026", "qwertyuiop", "aaaaaaaaaaaa", "abcdefghijk"}) {
            mvc.perform(put("/api/v1/users/" + id + "/password")
                            .header("Authorization", "Bearer " + admin)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"password\": \"" + weak + "\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("IAM-008"));
        }
    }

    @Test
    void disabledAccountsTokensStopWorking() throws Exception {
        String admin = token("admin", "admin-test-password-1");
        String username = createUser(admin, "COMMUNE_OFFICER", "00004");
        String userToken = token(username, PASSWORD);
        long id = userId(admin, username);
        mvc.perform(put("/api/v1/users/" + id + "/enabled")
                        .header("Authorization", "Bearer " + admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\": false, \"version\": " + version(admin, id) + "}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + userToken))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void expiredTokensAreRefused() throws Exception {
        String admin = token("admin", "admin-test-password-1");
        String username = createUser(admin, "COMMUNE_OFFICER", "00004");
        String userToken = token(username, PASSWORD);
        long id = userId(admin, username);
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + userToken))
                .andExpect(status().isOk());
        jdbc.sql("UPDATE api_token SET expires_at = now() - interval '1 second' WHERE user_id = ?")
                .param(id)
                .update();
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + userToken))
                .andExpect(status().isUnauthorized());
    }

    /** The body of the token endpoint's answer for these credentials from this client, without the instance. */
    private String tokenAnswer(String username, String password, String client) throws Exception {
        return mvc.perform(post("/api/v1/auth/token")
                        .with(from(client))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                .andExpect(status().isUnauthorized())
                .andReturn()
                .getResponse()
                .getContentAsString()
                .replaceAll("\"instance\":\"[^\"]*\",?", "");
    }

    /** Logs in through the login form; returns the session cookie. */
    private jakarta.servlet.http.Cookie pageLogin(String username, String password) throws Exception {
        var result = mvc.perform(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin(
                                        "/login")
                                .user(username)
                                .password(password))
                .andExpect(status().is3xxRedirection())
                .andExpect(
                        org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/dashboard"))
                .andReturn();
        // OCOPSESSION with an embedded server (its cookie settings), Spring Session's default name under plain MockMvc.
        jakarta.servlet.http.Cookie cookie = result.getResponse().getCookie("OCOPSESSION") != null
                ? result.getResponse().getCookie("OCOPSESSION")
                : result.getResponse().getCookie("SESSION");
        assertThat(cookie).as("session cookie").isNotNull();
        return cookie;
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void auditTrailIsForAdministratorsOnly() throws Exception {
        String admin = token("admin", "admin-test-password-1");
        String officer = createUser(admin, "PROVINCE_OFFICER", "82");
        mvc.perform(get("/api/v1/audit-events").header("Authorization", "Bearer " + token(officer, PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/audit-events")
                        .param("action", "user.created")
                        .param("objectId", officer)
                        .header("Authorization", "Bearer " + admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].actor").value("admin"))
                .andExpect(jsonPath("$.items[0].summary", containsString("PROVINCE_OFFICER")));
    }

    private String token(String username, String password) throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/auth/token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                .andExpect(status().isCreated())
                .andReturn();
        String token = json.readTree(result.getResponse().getContentAsString())
                .get("accessToken")
                .asString();
        assertThat(token).startsWith("ocop_");
        return token;
    }

    private String createUser(String adminToken, String role, String jurisdiction) throws Exception {
        String username = role.toLowerCase().replace('_', '.') + "." + SEQUENCE.incrementAndGet();
        mvc.perform(post("/api/v1/users")
                        .header("Authorization", "Bearer " + adminToken)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(userJson(username, role, jurisdiction)))
                .andExpect(status().isCreated());
        return username;
    }

    private long version(String adminToken, long id) throws Exception {
        MvcResult result = mvc.perform(get("/api/v1/users/" + id).header("Authorization", "Bearer " + adminToken))
                .andExpect(status().isOk())
                .andReturn();
        return json.readTree(result.getResponse().getContentAsString())
                .get("version")
                .asLong();
    }

    private long userId(String adminToken, String username) throws Exception {
        MvcResult result = mvc.perform(
                        get("/api/v1/users").param("q", username).header("Authorization", "Bearer " + adminToken))
                .andExpect(status().isOk())
                .andReturn();
        for (JsonNode user :
                json.readTree(result.getResponse().getContentAsString()).get("items")) {
            if (user.get("username").asString().equals(username)) {
                return user.get("id").asLong();
            }
        }
        throw new AssertionError("no user " + username);
    }

    private static String userJson(String username, String role, String jurisdiction) {
        return """
                {"username":"%s","displayName":"Nguyễn Văn An","role":"%s","jurisdictionCode":"%s","password":"%s"}""".formatted(username, role, jurisdiction, PASSWORD);
    }
}
