package vn.ocop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** An officer logs in through the real login page in headless Chromium. */
class LoginBrowserTests extends BrowserTest {

    @Test
    void administratorLogsInThroughTheLoginPageAndSeesTheDashboard() throws Exception {
        browser.get(url("/login"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Đăng nhập");
        screenshot("login");

        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("admin-test-password-1");
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();

        waitFor(ExpectedConditions.urlContains("/dashboard"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Xin chào");
        assertThat(browser.findElement(By.cssSelector(".facts")).getText()).contains("Quản trị hệ thống");
        screenshot("dashboard");

        // The session lives in PostgreSQL: the audit page (admin only) opens in the same session, and lists this login
        // (filtered: other test classes write to the log meanwhile, many as admin).
        browser.get(url("/admin/audit?actor=admin&action=auth.login"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Nhật ký hệ thống");
        assertThat(browser.findElements(By.cssSelector("table.table tbody tr td:nth-child(3)")))
                .extracting(org.openqa.selenium.WebElement::getText)
                .contains("auth.login");
        screenshot("audit");
    }

    @Test
    void wrongPasswordShowsALocalizedMessageOnTheLoginPage() throws Exception {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("not-the-password");
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();

        waitFor(ExpectedConditions.urlContains("error"));
        assertThat(browser.findElement(By.cssSelector(".alert.error")).getText())
                .startsWith("Tên đăng nhập hoặc mật khẩu không đúng.");
        screenshot("login-error");
    }

    @Test
    void visitorBrowsesTheAdministrativeUnitTree() throws Exception {
        browser.get(url("/admin-units"));
        browser.findElement(By.xpath("//ul[@id='provinces']//a[contains(., 'Tỉnh Đồng Tháp')]"))
                .click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("children"), "Tỉnh Đồng Tháp"));
        assertThat(browser.findElements(By.cssSelector("#children tbody tr"))).hasSize(102);
        screenshot("admin-units");
    }
}
