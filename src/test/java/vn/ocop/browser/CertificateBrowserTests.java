package vn.ocop.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ocop.TestUsers;
import vn.ocop.certification.CertificateDocuments;
import vn.ocop.evaluation.CommuneReview;
import vn.ocop.evaluation.CouncilScoring;
import vn.ocop.evaluation.Dossiers;
import vn.ocop.evaluation.EvaluationRound;
import vn.ocop.evaluation.EvaluationRounds;
import vn.ocop.identity.CreateUser;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.Role;
import vn.ocop.identity.UserAccounts;
import vn.ocop.identity.UserSummary;
import vn.ocop.producer.LegalType;
import vn.ocop.producer.ProducerDetails;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.product.ProductDetails;
import vn.ocop.product.ProductRegistry;

/** An officer issues a certificate for a rated product; its QR code's URL opens the public verification page. */
class CertificateBrowserTests extends BrowserTest {

    private static final String PASSWORD = "Cong-nhan-2026!";

    @Autowired
    vn.ocop.evaluation.DossierFixtures fixtures;

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
    CertificateDocuments documents;

    @Autowired
    JdbcClient jdbc;

    @Test
    void officerIssuesACertificateAndItsQrOpensTheVerificationPage() throws Exception {
        CurrentUser admin = TestUsers.admin();
        UserSummary account = users.create(
                new CreateUser("bt.congnhan", "Cán bộ công nhận", null, Role.PROVINCE_OFFICER, "82", PASSWORD), admin);
        CurrentUser province =
                new CurrentUser(account.id(), "bt.congnhan", "Cán bộ công nhận", Role.PROVINCE_OFFICER, "82", null);
        CurrentUser commune = TestUsers.communeOfficer("29905");
        long producer = producers
                .register(
                        new ProducerDetails(
                                LegalType.COOPERATIVE,
                                "HTX Hoa kiểng Sa Đéc",
                                "8600000001",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                "29905",
                                false,
                                true,
                                false,
                                false,
                                null,
                                null,
                                null,
                                null),
                        admin)
                .id();
        long product = products.register(
                        new ProductDetails(
                                producer,
                                "Cúc mâm xôi Sa Đéc",
                                23,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null),
                        admin)
                .id();
        EvaluationRound round = rounds.open(
                new EvaluationRounds.OpenRound(
                        "Đợt công nhận thử",
                        "PROVINCE",
                        "82",
                        2026,
                        LocalDate.of(2099, 4, 30),
                        LocalDate.of(2099, 6, 30)),
                province);
        long dossier =
                dossiers.create(round.id(), product, "FIRST", Map.of(), commune).id();
        fixtures.completeAndSubmit(dossier, commune);
        dossiers.forward(dossier, new CommuneReview(true, true, true, true, null), commune);
        dossiers.startEvaluation(dossier, province);
        scoring.recordPaperResult(dossier, List.of(new BigDecimal("71"), new BigDecimal("73")), 4, province);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql(
                                        "SELECT count(*) FROM certification_candidate WHERE dossier_id = ? AND status = 'PENDING'")
                                .param(dossier)
                                .query(Long.class)
                                .single()
                        == 1);
        // The council met on 10/11/2026 (the decision of 20/11 follows it).
        jdbc.sql(
                        "UPDATE certification_candidate SET created_at = TIMESTAMPTZ '2026-11-10 09:00+07' WHERE dossier_id = ?")
                .param(dossier)
                .update();

        login("bt.congnhan", PASSWORD);
        browser.get(url("/certification?round=" + round.id()));
        // "Tick all" ticks every candidate of the page, and unticks them again.
        browser.findElement(By.id("tick-all")).click();
        assertThat(browser.findElement(By.id("candidate-" + dossier)).isSelected())
                .isTrue();
        browser.findElement(By.id("tick-all")).click();
        assertThat(browser.findElement(By.id("candidate-" + dossier)).isSelected())
                .isFalse();
        browser.findElement(By.id("candidate-" + dossier)).click();
        browser.findElement(By.id("decisionNumber")).sendKeys("88/QĐ-UBND");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('decidedOn').value = '2026-11-20'");
        browser.findElement(By.id("authority")).sendKeys("Chủ tịch UBND tỉnh Đồng Tháp");
        browser.findElement(By.id("issue-decision")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.issued-certificate")));
        screenshot("certificate-issued");
        browser.findElement(By.cssSelector("a.issued-certificate")).click();
        assertThat(browser.findElement(By.id("suspend-form")).isDisplayed()).isTrue();
        screenshotFullPage("certificate-page");
        String number = browser.findElement(By.tagName("h1"))
                .getText()
                .replace("Giấy chứng nhận ", "")
                .strip();

        // Read the QR code of the certificate's PDF, as a phone would, and open the URL it carries.
        byte[] pdf = documents.pdf(number, province);
        String qrUrl;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 200);
            qrUrl = new com.google.zxing.MultiFormatReader()
                    .decode(
                            new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
                                    new com.google.zxing.client.j2se.BufferedImageLuminanceSource(page))),
                            // As a phone's scanner does (and the traceability test): search the whole page hard.
                            java.util.Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE))
                    .getText();
        }
        URI scanned = URI.create(qrUrl);
        assertThat(scanned.getPath()).isEqualTo("/verify/" + number);
        logout();
        browser.get(url(scanned.getRawPath() + "?" + scanned.getRawQuery())); // the test server's port, the QR's path
        assertThat(browser.findElement(By.id("verdict")).getText()).isEqualTo("Giấy chứng nhận đang có hiệu lực.");
        assertThat(browser.getPageSource()).contains("Cúc mâm xôi Sa Đéc").contains("88/QĐ-UBND");
        screenshot("certificate-verified");
    }
}
