package vn.ocop.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.ocop.TestUsers.as;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.ocop.IntegrationTest;
import vn.ocop.TestUsers;
import vn.ocop.identity.CurrentUser;

/**
 * The layout's menus follow the visitor ({@code #viewer}, instead of the security dialect's expressions), and links
 * other than static files are written as built.
 */
@IntegrationTest
class PageRenderingIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void anonymousVisitorsGetThePortalMenuAndNoTokenMeta() throws Exception {
        String page = page(null);
        assertThat(page)
                .contains("class=\"login-link\"", "href=\"/signup\"", "href=\"/verify\"")
                .doesNotContain("href=\"/dashboard\"", "href=\"/admin/users\"", "name=\"_csrf\"", "/logout");
    }

    @Test
    void signedInUsersGetTheirNameTheirRolesMenuAndTheTokenMeta() throws Exception {
        CurrentUser producer = TestUsers.producerAccount(1);
        assertThat(page(as(producer)))
                .contains(
                        "href=\"/dashboard\"",
                        "href=\"/inquiries\"",
                        "href=\"/products\"",
                        "class=\"user\"",
                        "name=\"_csrf\"",
                        "/logout")
                .doesNotContain("class=\"login-link\"", "href=\"/signup\"", "href=\"/admin/users\"", "/reports\"");

        assertThat(page(as(TestUsers.provinceOfficer("82"))))
                .contains("href=\"/admin/users\"", "href=\"/reports\"", "href=\"/certification\"")
                .doesNotContain("href=\"/inquiries\"", "href=\"/admin/audit\"", "class=\"login-link\"");

        assertThat(page(as(TestUsers.centralOffice())))
                .contains("href=\"/admin/audit\"", "href=\"/certification\"")
                .doesNotContain("href=\"/admin/users\"");
    }

    @Test
    void onlyLinksToStaticFilesAreHandedToTheResourceChain() {
        PageRendering.StaticLinkBuilder links =
                new PageRendering.StaticLinkBuilder(List.of("/css/", "/img/", "/js/", "/webjars/"));
        assertThat(links.isStatic("/css/ocop.css")).isTrue();
        assertThat(links.isStatic("/app/webjars/htmx.org/dist/htmx.min.js")).isTrue();
        assertThat(links.isStatic("/verify/keys")).isFalse();
        assertThat(links.isStatic("/catalog?q=/css/")).isFalse();
        assertThat(links.isStatic("/products/7#/img/")).isFalse();
        assertThat(StaticResources.linkPrefixes()).contains("/css/", "/img/", "/js/", "/webjars/");
    }

    private String page(RequestPostProcessor user) throws Exception {
        var request = get("/verify");
        return mvc.perform(user == null ? request : request.with(user))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
