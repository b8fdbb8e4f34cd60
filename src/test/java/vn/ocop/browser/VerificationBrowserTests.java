package vn.ocop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ocop.RegistryFixtures;
import vn.ocop.TestUsers;
import vn.ocop.certification.Certificate;
import vn.ocop.certification.Certification;
import vn.ocop.certification.IssuedCertificates;
import vn.ocop.evaluation.CouncilScoring;
import vn.ocop.evaluation.Dossiers;
import vn.ocop.evaluation.EvaluationRounds;
import vn.ocop.identity.CreateUser;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.Role;
import vn.ocop.identity.UserAccounts;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.product.CertificationLevel;
import vn.ocop.product.CurrentRating;
import vn.ocop.product.ProductRegistry;
import vn.ocop.product.ProductView;

/**
 * A buyer checks certificates on a phone (390 px): a number with a slash typed in the form or sent with an encoded
 * slash, the OCOP code of a label, the QR code of a certificate issued here; no visit creates a session, and signing
 * in afterwards still does.
 */
@org.junit.jupiter.api.parallel.Isolated("counts every session created while it runs")
class VerificationBrowserTests extends BrowserTest {

    private static final String PASSWORD = "Kiem-tra-2026!";

    @Autowired
    ProducerRegistry producers;

    @Autowired
    ProductRegistry products;

    @Autowired
    EvaluationRounds rounds;

    @Autowired
    Dossiers dossiers;

    @Autowired
    CouncilScoring scoring;

    @Autowired
    Certification certification;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    vn.ocop.evaluation.DossierFixtures fixtures;

    private long sessionsCreatedSince(long millis) {
        return jdbc.sql("SELECT count(*) FROM spring_session WHERE creation_time >= ?")
                .param(millis)
                .query(Long.class)
                .single();
    }

    private String verdict() {
        return browser.findElement(By.id("verdict")).getText();
    }

    private void assertFitsThePhone() {
        Object overflow = ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue()).as("no sideways scrolling").isLessThanOrEqualTo(0);
    }

    @Test
    void aBuyerChecksEveryKindOfNumberOnAPhoneAndNoVisitCreatesASession() throws Exception {
        Certificate issued = new IssuedCertificates(
                        producers, products, rounds, dossiers, scoring, certification, jdbc, fixtures)
                .province("Bánh tét lá cẩm thử điện thoại", LocalDate.of(2026, 4, 1));
        String recordedNumber = (2000 + (UUID.randomUUID().hashCode() & 0xfff)) + "/QĐ-UBND";
        ProductView recorded = imported("Rượu đế Gò Đen thử hồ sơ", recordedNumber);
        String username = "kiemtra." + UUID.randomUUID().toString().substring(0, 6);
        users.create(
                new CreateUser(username, "Cán bộ kiểm tra", null, Role.PROVINCE_OFFICER, "82", PASSWORD),
                TestUsers.admin());
        long start = System.currentTimeMillis();
        browser.manage().window().setSize(new Dimension(390, 844));

        // The form: a province's number with a slash.
        browser.get(url("/verify"));
        browser.findElement(By.id("number")).sendKeys(recordedNumber);
        browser.findElement(By.cssSelector(".verify-form button[type=submit]")).click();
        assertThat(verdict()).contains("ghi nhận từ hồ sơ của tỉnh");
        assertThat(browser.getPageSource())
                .contains("Ghi nhận từ hồ sơ của tỉnh, không do nền tảng cấp")
                .contains("Rượu đế Gò Đen thử hồ sơ");
        assertFitsThePhone();
        screenshotFullPage("verify-recorded-390");

        // The same number with its slash encoded in the path: no bare Tomcat 400, the result.
        browser.get(url("/verify/" + recordedNumber.replace("/", "%2F").replace("Đ", "%C4%90")));
        assertThat(browser.getPageSource()).contains("Rượu đế Gò Đen thử hồ sơ");

        // The OCOP code of a label.
        browser.get(url("/verify"));
        browser.findElement(By.id("number")).sendKeys(recorded.ocopCode());
        browser.findElement(By.cssSelector(".verify-form button[type=submit]")).click();
        // The form page has no verdict: waiting for one waits for the answer's page, not the form still showing.
        assertThat(verdict()).contains("ghi nhận từ hồ sơ của tỉnh");
        assertThat(browser.getPageSource()).contains("Rượu đế Gò Đen thử hồ sơ");

        // The QR code of a certificate issued here.
        browser.get(url("/verify/" + issued.number() + "?s=" + issued.signature()));
        assertThat(verdict()).isEqualTo("Giấy chứng nhận đang có hiệu lực.");
        assertThat(browser.getPageSource()).contains(issued.decisionNumber()).contains("Tỉnh Đồng Tháp");
        assertFitsThePhone();
        screenshotFullPage("verify-certificate-390");

        // The keys page, and a number nobody issued.
        browser.get(url("/verify/keys"));
        assertThat(browser.findElement(By.id("statement-keys")).getText()).contains("Ed25519");
        assertFitsThePhone();
        screenshotFullPage("verify-keys-390");
        browser.get(url("/verify?number=1%2F2%2F3"));
        assertThat(verdict()).contains("Không tìm thấy");

        assertThat(browser.manage().getCookieNamed("OCOPSESSION")).isNull();
        assertThat(sessionsCreatedSince(start))
                .as("anonymous visits create no session")
                .isZero();

        browser.manage().window().setSize(new Dimension(1280, 900));
        login(username, PASSWORD);
        assertThat(browser.manage().getCookieNamed("OCOPSESSION")).isNotNull();
        assertThat(sessionsCreatedSince(start)).isEqualTo(1);
    }

    @Test
    void anEncodedSlashElsewhereGetsTheApplicationsErrorPageNotTomcats() throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create(url("/products/1%2F2")))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        // The application's own answer (its error page, or problem JSON for this client), never Tomcat's bare page.
        assertThat(response.body()).doesNotContain("Apache Tomcat").containsAnyOf("site-header", "COMMON-001");
    }

    private ProductView imported(String name, String certificateNumber) {
        CurrentUser admin = TestUsers.admin();
        long producer = producers
                .register(
                        RegistryFixtures.aCooperative("HTX Gò Đen " + UUID.randomUUID(), RegistryFixtures.CAO_LANH),
                        admin)
                .id();
        long product = products.register(RegistryFixtures.aProduct(producer, name, 12), admin)
                .id();
        return products.recordRating(
                product,
                new CurrentRating(
                        3, certificateNumber, LocalDate.of(2025, 2, 1), null, CertificationLevel.PROVINCE, "IMPORTED"),
                TestUsers.provinceOfficer("82"));
    }
}
