package vn.ocop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ocop.RegistryFixtures;
import vn.ocop.TestUsers;
import vn.ocop.product.CurrentRating;
import vn.ocop.product.ProductRegistry;

/**
 * An administrator registers a producer (province and commune picked with the htmx selects), registers its product,
 * uploads a photo and sees its thumbnail; then finds the product with a live search without accents. Also at phone
 * width (390 px), where nothing may overflow sideways.
 */
@vn.ocop.LongRunning
class RegistryBrowserTests extends BrowserTest {

    @Autowired
    ProductRegistry products;

    @Test
    void administratorRegistersAProducerAndAProductWithAPhoto() throws Exception {
        login("admin", "admin-test-password-1");

        browser.get(url("/producers"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Chủ thể OCOP");
        browser.findElement(By.linkText("Đăng ký chủ thể")).click();
        waitFor(ExpectedConditions.urlContains("/producers/new"));

        browser.findElement(By.id("name")).sendKeys("HTX Nước mắm Sa Giang Đồng Tháp");
        new Select(browser.findElement(By.id("legalType"))).selectByVisibleText("Hợp tác xã");
        browser.findElement(By.id("taxCode")).sendKeys(RegistryFixtures.aTaxCode());
        browser.findElement(By.id("representative")).sendKeys("Trần Thị Mai");
        browser.findElement(By.id("phone")).sendKeys("0277 3861 999");
        browser.findElement(By.id("address")).sendKeys("Số 12, đường Nguyễn Sinh Sắc");
        new Select(browser.findElement(By.id("province"))).selectByVisibleText("Tỉnh Đồng Tháp");
        // htmx loads the province's communes into the commune select.
        waitFor(driver -> !driver.findElements(By.cssSelector("#communeCode option[value='29905']"))
                .isEmpty());
        new Select(browser.findElement(By.id("communeCode"))).selectByValue("29905");
        browser.findElement(By.id("sme1")).click();
        browser.findElement(By.id("foundedYear")).sendKeys("1998");
        screenshotFullPage("producer-form");
        browser.findElement(By.id("save")).click();

        waitFor(ExpectedConditions.urlMatches(".*/producers/\\d+$"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("HTX Nước mắm Sa Giang Đồng Tháp");
        assertThat(browser.findElement(By.cssSelector(".facts")).getText())
                .contains("Phường Sa Đéc")
                .contains("Tỉnh Đồng Tháp")
                .contains("Doanh nghiệp nhỏ và vừa");
        waitFor(ExpectedConditions.textToBePresentInElementLocated(
                By.id("producer-products"), "Chủ thể chưa có sản phẩm nào."));
        screenshotFullPage("producer-detail");

        browser.findElement(By.linkText("Đăng ký sản phẩm")).click();
        waitFor(ExpectedConditions.urlContains("/products/new"));
        browser.findElement(By.id("name")).sendKeys("Nước mắm cá cơm Sa Giang 40 độ đạm");
        new Select(browser.findElement(By.id("criteriaSetNo")))
                .selectByVisibleText("9. Tương, nước mắm, gia vị dạng lỏng khác");
        browser.findElement(By.id("description")).sendKeys("Nước mắm truyền thống ủ chượp 12 tháng trong thùng gỗ.");
        browser.findElement(By.id("ingredients")).sendKeys("Cá cơm, muối biển");
        browser.findElement(By.id("packaging")).sendKeys("Chai thủy tinh 500 ml");
        browser.findElement(By.id("priceMin")).sendKeys("85.000");
        browser.findElement(By.id("priceMax")).sendKeys("120.000");
        browser.findElement(By.id("links0.platform")).sendKeys("Shopee");
        browser.findElement(By.id("links0.url")).sendKeys("https://shopee.vn/nuoc-mam-sa-giang");
        screenshotFullPage("product-form");
        browser.findElement(By.id("save")).click();

        waitFor(ExpectedConditions.urlMatches(".*/products/\\d+$"));
        assertThat(browser.findElement(By.cssSelector(".alert.info")).getText()).isEqualTo("Đã đăng ký sản phẩm.");
        assertThat(browser.findElement(By.cssSelector(".facts")).getText()).contains("85.000 đ");

        Path photo = Files.createTempFile("nuoc-mam-", ".jpg");
        ImageIO.write(aPhoto(1600, 1200), "jpeg", photo.toFile());
        browser.findElement(By.id("file")).sendKeys(photo.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("form.upload button[type=submit]")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("photos"), "Đã tải ảnh lên."));
        WebElement thumbnail = browser.findElement(By.cssSelector(".gallery img"));
        waitFor(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver)
                .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", thumbnail)));
        assertThat(((JavascriptExecutor) browser).executeScript("return arguments[0].naturalWidth", thumbnail))
                .isEqualTo(320L);
        assertThat(thumbnail.getAttribute("alt")).isEqualTo("Ảnh 1 của sản phẩm Nước mắm cá cơm Sa Giang 40 độ đạm");
        screenshotFullPage("product-detail");
        String productUrl = browser.getCurrentUrl().replaceAll("#.*", "");

        // A rating recorded elsewhere (certification, import) shows as stars with a text, and the certificate.
        long productId = Long.parseLong(productUrl.substring(productUrl.lastIndexOf('/') + 1));
        products.recordRating(
                productId,
                new CurrentRating(4, "123/QĐ-UBND", LocalDate.of(2025, 6, 20), null, null, "IMPORTED"),
                TestUsers.provinceOfficer(
                        products.lookup(productId).orElseThrow().provinceCode()));
        browser.get(productUrl);
        assertThat(browser.findElement(By.cssSelector("h1 .stars")).getAttribute("aria-label"))
                .isEqualTo("4 sao");
        assertThat(browser.findElement(By.cssSelector(".rating")).getText())
                .contains("123/QĐ-UBND")
                .contains("20/06/2028")
                .contains("Cấp tỉnh");
        screenshotFullPage("product-detail-rated");

        // Live search without accents.
        browser.get(url("/products"));
        browser.findElement(By.id("q")).sendKeys("nuoc mam sa giang 40");
        waitFor(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#results .count"), "Tìm thấy 1 sản phẩm"));
        assertThat(browser.findElement(By.id("results")).getText()).contains("Nước mắm cá cơm Sa Giang 40 độ đạm");
        screenshotFullPage("products-list");

        // Phone width: nothing overflows sideways.
        browser.manage().window().setSize(new Dimension(390, 844));
        for (String page :
                new String[] {productUrl, url("/products?q=nuoc+mam"), url("/producers/new"), productUrl + "/edit"}) {
            browser.get(page);
            assertThat((Boolean) ((JavascriptExecutor) browser)
                            .executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("no horizontal overflow on " + page)
                    .isTrue();
        }
        browser.get(productUrl);
        screenshotFullPage("product-detail-mobile");
        browser.get(url("/products?q=nuoc+mam"));
        screenshotFullPage("products-list-mobile");
        browser.get(url("/producers/new"));
        screenshotFullPage("producer-form-mobile");
    }

    private static BufferedImage aPhoto(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(139, 69, 19), width, height, new Color(255, 200, 80)));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(60, 30, 10));
        g.fillRoundRect(width * 2 / 5, height / 5, width / 5, height * 3 / 5, 40, 40);
        g.dispose();
        return image;
    }
}
