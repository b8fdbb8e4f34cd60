package vn.ocop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import vn.ocop.TestUsers;
import vn.ocop.identity.CreateUser;
import vn.ocop.identity.Role;
import vn.ocop.identity.UserAccounts;
import vn.ocop.reporting.ReportingDataset;
import vn.ocop.shared.OcopClock;

/**
 * A province officer adopts the year's plan and reads plan against actual on the dashboard, then downloads the report
 * as xlsx and PDF (the PDF is rendered to an image in target/screenshots); the central office opens a province's report
 * from the national map.
 */
class ReportingBrowserTests extends BrowserTest {

    private static final String PASSWORD = "Bao-cao-2026!";

    @Autowired
    UserAccounts users;

    @Autowired
    ApplicationContext context;

    @Test
    @org.junit.jupiter.api.parallel.ResourceLock(vn.ocop.SharedState.PLANS_OF_44) // the dashboard shows the newest
    void provinceReadsPlanAgainstActualDownloadsTheReportAndTheCentralOfficeUsesTheMap() throws Exception {
        ReportingDataset.in(context);
        users.create(
                new CreateUser("bt.baocao.tinh", "Cán bộ OCOP Quảng Trị", null, Role.PROVINCE_OFFICER, "44", PASSWORD),
                TestUsers.admin());
        users.create(
                new CreateUser("bt.baocao.tw", "Văn phòng Điều phối", null, Role.CENTRAL_OFFICE, null, PASSWORD),
                TestUsers.admin());

        // The province officer adopts this year's plan on the plan page, reached from the dashboard.
        login("bt.baocao.tinh", PASSWORD);
        browser.findElement(By.linkText("Kế hoạch OCOP")).click();
        browser.findElement(By.id("new-plan")).click();
        browser.findElement(By.id("title"))
                .sendKeys("Kế hoạch OCOP tỉnh Quảng Trị năm "
                        + LocalDate.now(OcopClock.VIETNAM).getYear());
        String[][] targets = {{"SHARE_COOPERATIVES", "40"}, {"CERTIFIED_IN_FORCE", "8"}, {"FIVE_STAR_PROPOSALS", "1"}};
        for (int i = 0; i < targets.length; i++) {
            new Select(browser.findElement(By.id("targets" + i + ".type"))).selectByValue(targets[i][0]);
            browser.findElement(By.id("targets" + i + ".planned")).sendKeys(targets[i][1]);
        }
        screenshotFullPage("reporting-plan-form");
        browser.findElement(By.id("save-plan")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Kế hoạch OCOP tỉnh Quảng Trị"));

        browser.get(url("/dashboard"));
        WebElement plan = browser.findElement(By.id("dashboard-plan"));
        // Today two of the four producers holding a certificate in force are cooperatives (ReportingDataset): the
        // sentence states the actual share, the target and the achievement.
        assertThat(plan.getText())
                .contains("Tỷ lệ chủ thể OCOP là hợp tác xã: 50 %, mục tiêu 40 %: đạt 125 %")
                .contains("Sản phẩm đề xuất đánh giá 5 sao: 1, mục tiêu 1: đạt 100 %");
        screenshotFullPage("reporting-province-dashboard");

        // The full report, downloaded as xlsx and PDF with the browser's session.
        browser.findElement(By.id("open-report")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Tỉnh Quảng Trị");
        screenshotFullPage("reporting-province-report");
        byte[] xlsx = download(browser.findElement(By.id("download-xlsx")).getAttribute("href"));
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.findSheet("Tổng hợp")).isPresent();
            assertThat(book.findSheet("Kế hoạch")).isPresent();
        }
        byte[] pdf = download(browser.findElement(By.id("download-pdf")).getAttribute("href"));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("SỐ LIỆU CHƯƠNG TRÌNH MỖI XÃ MỘT SẢN PHẨM (OCOP)")
                    .contains("Tỉnh Quảng Trị")
                    .contains("Thực hiện kế hoạch");
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 80);
            Path image = Path.of("target/screenshots/reporting-report-pdf-page1.png");
            Files.createDirectories(image.getParent());
            ImageIO.write(page, "png", image.toFile());
            assertThat(page.getWidth()).isGreaterThan(500);
        }
        logout();

        // The central office opens Quảng Trị's report from the national map on its dashboard.
        login("bt.baocao.tw", PASSWORD);
        screenshotFullPage("reporting-central-dashboard");
        WebElement province = browser.findElement(By.cssSelector(".dashboard-map a[href$='unit=44']"));
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", province);
        waitFor(ExpectedConditions.urlContains("/reports?unit=44"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Tỉnh Quảng Trị");
        screenshot("reporting-central-opens-province");
    }

    /** Fetches a page link with the browser's session cookie. */
    private byte[] download(String href) throws Exception {
        Cookie session = browser.manage().getCookieNamed("OCOPSESSION");
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(href))
                                .header("Cookie", "OCOPSESSION=" + session.getValue())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
