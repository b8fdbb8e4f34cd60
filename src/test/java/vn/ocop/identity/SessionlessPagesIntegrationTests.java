package vn.ocop.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import vn.ocop.IntegrationTest;
import vn.ocop.TestUsers;

/**
 * Issue #13: anonymous page views (the QR target /verify above all) wrote a session row each. Public pages now
 * create no session; the login form's CSRF token travels in a cookie; signing in still creates a session and works.
 */
@IntegrationTest
@org.junit.jupiter.api.parallel.Isolated("counts every session created while it runs")
class SessionlessPagesIntegrationTests {

    private static final String PASSWORD = "Phien-lam-viec-2026!";
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts users;

    @Autowired
    org.springframework.web.context.WebApplicationContext context;

    private long sessionsCreatedSince(long millis) {
        return jdbc.sql("SELECT count(*) FROM spring_session WHERE creation_time >= ?")
                .param(millis)
                .query(Long.class)
                .single();
    }

    /**
     * The session cookie is OCOPSESSION on the embedded server; under MockMvc (no server) Spring Session names it
     * SESSION.
     */
    private static final List<String> SESSION_COOKIES = List.of("OCOPSESSION", "SESSION");

    private static boolean setsSessionCookie(MvcResult result) {
        return result.getResponse().getHeaders("Set-Cookie").stream()
                .anyMatch(c -> SESSION_COOKIES.stream().anyMatch(name -> c.startsWith(name + "=")));
    }

    @Test
    void anonymousPageViewsCreateNoSession() throws Exception {
        long start = System.currentTimeMillis();
        for (String page : List.of(
                "/",
                "/login",
                "/verify",
                "/verify?number=82-26-AAAAA-AAAAA",
                "/verify/82-26-AAAAA-AAAAA?s=abc",
                "/verify/keys",
                "/self-assessment",
                "/admin-units",
                "/no-such-page",
                "/products")) {
            MvcResult result = mvc.perform(get(page)).andReturn();
            assertThat(result.getResponse().getStatus()).as(page).isLessThan(500);
            assertThat(setsSessionCookie(result)).as(page).isFalse();
        }
        assertThat(sessionsCreatedSince(start)).isZero();
    }

    @Test
    void theLoginFormsTokenTravelsInACookieAndSigningInCreatesTheSession() throws Exception {
        String username = "phien." + UUID.randomUUID().toString().substring(0, 8);
        users.create(
                new CreateUser(username, "Cán bộ thử phiên", null, Role.PROVINCE_OFFICER, "82", PASSWORD),
                TestUsers.admin());
        long start = System.currentTimeMillis();

        // Sent to the login from a page: where to go back is remembered in a cookie, not a session.
        MvcResult protectedPage = mvc.perform(get("/products")).andReturn();
        assertThat(protectedPage.getResponse().getRedirectedUrl()).endsWith("/login");
        Cookie wanted = protectedPage.getResponse().getCookie("REDIRECT_URI");
        assertThat(wanted).isNotNull();
        MvcResult form = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn();
        Cookie csrf = form.getResponse().getCookie("OCOP_CSRF");
        assertThat(csrf).isNotNull();
        assertThat(csrf.isHttpOnly()).isTrue();
        Matcher field = CSRF_FIELD.matcher(form.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(field.find()).isTrue();
        assertThat(sessionsCreatedSince(start)).isZero();

        mvc.perform(post("/login").param("username", username).param("password", PASSWORD))
                .andExpect(status().isForbidden());
        mvc.perform(post("/login")
                        .cookie(csrf)
                        .param("username", username)
                        .param("password", PASSWORD)
                        .param("_csrf", "not-the-token"))
                .andExpect(status().isForbidden());
        MvcResult login = mvc.perform(post("/login")
                        .cookie(csrf, wanted)
                        .param("username", username)
                        .param("password", PASSWORD)
                        .param("_csrf", field.group(1)))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        assertThat(login.getResponse().getRedirectedUrl()).contains("/products");
        assertThat(setsSessionCookie(login)).isTrue();
        assertThat(sessionsCreatedSince(start)).isEqualTo(1);

        // Signed-in pages work as before with the session, and a signed-in page's forms still carry a token.
        Cookie session = java.util.Arrays.stream(login.getResponse().getCookies())
                .filter(c -> SESSION_COOKIES.contains(c.getName()))
                .findFirst()
                .orElseThrow();
        MvcResult dashboard = mvc.perform(get("/dashboard").cookie(session))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(dashboard.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("name=\"_csrf\"")
                .contains(username);
        assertThat(mvc.perform(get("/dashboard")).andReturn().getResponse().getRedirectedUrl())
                .endsWith("/login");
    }
}
