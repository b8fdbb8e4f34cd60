package vn.ocop.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.ocop.TestUsers.as;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.ocop.IntegrationTest;
import vn.ocop.RegistryFixtures;
import vn.ocop.TestUsers;
import vn.ocop.identity.CurrentUser;

/**
 * The verification page is rendered once per state and served from memory (shared.web.RenderedPages, decision 0032):
 * what it says still follows the certificate live, in the visitor's language, and a signed-in visitor still gets a
 * page of their own.
 */
@IntegrationTest
class VerificationPageCacheIntegrationTests {

    @Autowired
    IssuedCertificates issued;

    @Autowired
    Certification certification;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    private final CurrentUser province = TestUsers.provinceOfficer(RegistryFixtures.DONG_THAP);

    @Test
    void theSamePageIsServedAgainUntilTheCertificateChangesAndThenTheNewState() throws Exception {
        Certificate certificate = issued.province("Tương bần thử trang nhớ", LocalDate.of(2026, 3, 2));
        String n = certificate.number();

        MockHttpServletResponse first = page(get("/verify/" + n));
        MockHttpServletResponse again = page(get("/verify/" + n));
        String valid = first.getContentAsString(StandardCharsets.UTF_8);
        assertThat(valid).contains("Giấy chứng nhận đang có hiệu lực.", n, "id=\"verify-stars\"");
        assertThat(again.getContentAsByteArray()).isEqualTo(first.getContentAsByteArray());
        assertThat(again.getContentType()).isEqualTo(first.getContentType()).startsWith("text/html");
        assertThat(again.getContentLength()).isEqualTo(first.getContentAsByteArray().length);

        // In English on request, and Vietnamese again after.
        assertThat(page(get("/verify/" + n).param("lang", "en")).getContentAsString(StandardCharsets.UTF_8))
                .contains("This certificate is valid.")
                .doesNotContain("đang có hiệu lực");
        assertThat(page(get("/verify/" + n)).getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(valid);

        // Suspended: the next visit says so, without the stars.
        certification.suspend(n, "Hậu kiểm", "91/QĐ-UBND", LocalDate.of(2026, 7, 1), province);
        assertThat(page(get("/verify/" + n)).getContentAsString(StandardCharsets.UTF_8))
                .contains("đang bị đình chỉ", "id=\"verify-stars-hidden\"")
                .doesNotContain("id=\"verify-stars\"", "Giấy chứng nhận đang có hiệu lực.");

        // A row changed behind the platform's back: the page says the certificate is not valid.
        jdbc.sql("UPDATE certificate SET status = 'VALID' WHERE number = ?")
                .param(n)
                .update();
        assertThat(page(get("/verify/" + n)).getContentAsString(StandardCharsets.UTF_8))
                .contains("KHÔNG HỢP LỆ")
                .doesNotContain("Giấy chứng nhận đang có hiệu lực.");
    }

    @Test
    void aSignedInVisitorGetsTheirOwnMenuOnAPageAnonymousVisitorsGetFromMemory() throws Exception {
        Certificate certificate = issued.province("Bánh tráng thử trang nhớ", LocalDate.of(2026, 3, 2));
        String n = certificate.number();
        page(get("/verify/" + n));

        String signedIn = page(get("/verify/" + n).with(as(province))).getContentAsString(StandardCharsets.UTF_8);
        assertThat(signedIn).contains("/logout", "href=\"/dashboard\"", "Giấy chứng nhận đang có hiệu lực.");
        assertThat(page(get("/verify/" + n)).getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain("/logout", "href=\"/dashboard\"")
                .contains("class=\"login-link\"");
    }

    private MockHttpServletResponse page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse();
    }
}
