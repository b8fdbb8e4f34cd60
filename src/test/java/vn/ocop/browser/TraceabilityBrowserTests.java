package vn.ocop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
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
import vn.ocop.identity.Role;
import vn.ocop.identity.UserAccounts;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.product.ProductRegistry;
import vn.ocop.shared.OcopClock;

/**
 * A producer records a lot of its certified product from its dashboard, adds a tracking event, generates and
 * activates a batch of stamps and downloads the label sheets; a QR code read from the PDF (ZXing) opens the public
 * scan page, which shows the product, the lot's events and the certificate live: suspended on the next scan after the
 * province suspends it. At 390 px wide too, without sideways scrolling.
 */
class TraceabilityBrowserTests extends BrowserTest {

    private static final String PASSWORD = "Truy-xuat-2026!";

    @Autowired
    UserAccounts users;

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
    JdbcClient jdbc;

    @Autowired
    vn.ocop.evaluation.DossierFixtures dossierFixtures;

    @Test
    void aProducersStampOpensTheScanPageWithTheLiveCertificate() throws Exception {
        Certificate certificate = new IssuedCertificates(
                        producers, products, rounds, dossiers, scoring, certification, jdbc, dossierFixtures)
                .province(
                        "Xoài sấy dẻo Cao Lãnh",
                        LocalDate.now(OcopClock.VIETNAM).minusMonths(3));
        users.create(
                new CreateUser(
                        "bt.chuthe.tx",
                        "Chủ thể xoài sấy",
                        null,
                        Role.PRODUCER,
                        null,
                        PASSWORD,
                        certificate.producerId()),
                TestUsers.admin());

        login("bt.chuthe.tx", PASSWORD);
        screenshotFullPage("trace-dashboard");
        browser.findElement(By.cssSelector("#traceability-section a[href$='/traceability/lots/new']"))
                .click();
        waitFor(ExpectedConditions.urlContains("/traceability/lots/new"));
        new Select(browser.findElement(By.id("productId"))).selectByValue(Long.toString(certificate.productId()));
        browser.findElement(By.id("lotNumber")).sendKeys("XS-2611");
        browser.findElement(By.id("gtin")).sendKeys("8935049501282");
        setDate("productionDate", LocalDate.now(OcopClock.VIETNAM).minusDays(2));
        setDate("bestBefore", LocalDate.now(OcopClock.VIETNAM).plusMonths(12));
        browser.findElement(By.id("quantity")).sendKeys("800");
        new Select(browser.findElement(By.id("unit"))).selectByValue("XPK");
        browser.findElement(By.id("rawMaterialArea")).sendKeys("Vườn xoài cát Hòa Lộc, xã Mỹ Xương");
        screenshotFullPage("trace-lot-form");
        browser.findElement(By.id("record-lot")).click();
        waitFor(ExpectedConditions.urlMatches(".*/traceability/lots/\\d+$"));
        String lotUrl = browser.getCurrentUrl();

        new Select(browser.findElement(By.id("type"))).selectByValue("PROCESSED");
        browser.findElement(By.id("place")).sendKeys("Xưởng sấy của hợp tác xã");
        browser.findElement(By.id("what")).sendKeys("Sấy dẻo 18 giờ ở 55 °C, không chất bảo quản");
        browser.findElement(By.id("add-event")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".timeline"), "Sấy dẻo 18 giờ"));

        browser.findElement(By.id("quantity-batch")).clear();
        browser.findElement(By.id("quantity-batch")).sendKeys("30");
        browser.findElement(By.id("generate-batch")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#batch-1 .activate-batch")));
        browser.findElement(By.cssSelector("#batch-1 .activate-batch")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("batch-1"), "Đang hiệu lực"));
        screenshotFullPage("trace-lot-page");

        // The label sheets as the browser downloads them (with this session), then read as a phone would.
        String pdfHref =
                browser.findElement(By.cssSelector("#batch-1 a.labels-pdf")).getAttribute("href");
        byte[] pdf = download(pdfHref);
        List<String> decoded;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(2); // 27 labels a sheet
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 300);
            javax.imageio.ImageIO.write(page, "png", new java.io.File("target/screenshots/trace-labels-page1.png"));
            Result[] results = new QRCodeMultiReader()
                    .decodeMultiple(
                            new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page))),
                            java.util.Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE));
            decoded = Arrays.stream(results).map(Result::getText).toList();
        }
        assertThat(decoded).isNotEmpty();
        URI scanned = URI.create(decoded.get(0));
        assertThat(scanned.getPath()).matches("/01/08935049501282/10/XS-2611/21/[0-9A-Z]{17}");

        logout();
        // The resolver redirects to the scan page under the configured base URL; the browser follows it to this
        // test server.
        HttpResponse<Void> resolved = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url(scanned.getRawPath())))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
        assertThat(resolved.statusCode()).isEqualTo(307);
        URI scanPage = URI.create(resolved.headers().firstValue("Location").orElseThrow());
        assertThat(scanPage.getPath())
                .isEqualTo("/t/" + scanned.getPath().substring(scanned.getPath().length() - 17));
        browser.manage().deleteAllCookies(); // the login page after logout gave this browser a new session
        browser.get(url(scanPage.getRawPath()));
        assertThat(browser.findElement(By.cssSelector("#verdict .verdict-title"))
                        .getText())
                .isEqualTo("Tem chính hãng");
        assertThat(browser.findElement(By.id("product-name")).getText()).isEqualTo("Xoài sấy dẻo Cao Lãnh");
        assertThat(browser.findElement(By.id("events")).getText()).contains("Sấy dẻo 18 giờ ở 55 °C");
        assertThat(browser.findElement(By.id("certificate-status")).getText()).isEqualTo("Đang có hiệu lực");
        assertThat(browser.findElement(By.id("lot-number")).getText()).isEqualTo("XS-2611");
        assertThat(browser.manage().getCookieNamed("OCOPSESSION")).isNull();
        screenshotFullPage("trace-scan");

        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        assertThat((Boolean) ((JavascriptExecutor) browser)
                        .executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
                .isTrue();
        screenshotFullPage("trace-scan-mobile");

        // The province suspends the certificate: the next scan says so and shows no star.
        certification.suspend(
                certificate.number(),
                "Hậu kiểm chất lượng",
                "20/QĐ-SNN",
                LocalDate.now(OcopClock.VIETNAM),
                TestUsers.provinceOfficer(RegistryFixtures.DONG_THAP));
        browser.navigate().refresh();
        assertThat(browser.findElement(By.cssSelector("#verdict .verdict-title"))
                        .getText())
                .isEqualTo("Giấy chứng nhận OCOP đang bị tạm đình chỉ");
        assertThat(browser.findElement(By.id("certificate-status")).getText()).isEqualTo("Đang bị tạm đình chỉ");
        assertThat(present(By.cssSelector(".scan-product .stars"))).isEmpty();
        screenshotFullPage("trace-scan-suspended-mobile");

        browser.get(url("/t/AAAAAAAAAAAAAAAAA"));
        assertThat(browser.findElement(By.cssSelector("#verdict .verdict-title"))
                        .getText())
                .isEqualTo("Không tìm thấy tem");
        screenshotFullPage("trace-not-found-mobile");

        // The producer's lot page at phone width.
        login("bt.chuthe.tx", PASSWORD);
        browser.get(lotUrl);
        screenshotFullPage("trace-lot-page-mobile");
        Object wide = ((JavascriptExecutor) browser)
                .executeScript(
                        "return Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).map(e => e.tagName + '#' + e.id + '.' + e.className).slice(0, 15).join(' | ')");
        assertThat((Boolean) ((JavascriptExecutor) browser)
                        .executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("overflowing: " + wide)
                .isTrue();
    }

    private byte[] download(String href) throws Exception {
        Cookie session = browser.manage().getCookieNamed("OCOPSESSION");
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(href))
                                .header("Cookie", "OCOPSESSION=" + session.getValue())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/pdf");
        return response.body();
    }

    private void setDate(String id, LocalDate date) {
        ((JavascriptExecutor) browser)
                .executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, date.toString());
    }
}
