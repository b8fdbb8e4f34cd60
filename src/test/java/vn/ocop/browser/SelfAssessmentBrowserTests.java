package vn.ocop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ocop.RegistryFixtures;
import vn.ocop.TestUsers;
import vn.ocop.evaluation.CriteriaSets;
import vn.ocop.identity.CreateUser;
import vn.ocop.identity.Role;
import vn.ocop.identity.UserAccounts;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.product.ProductRegistry;

/**
 * The public self-assessment on a phone (390 px): the total and the star stay in view at the bottom of the screen
 * while the producer answers, and a logged-in producer saves the result to its product from the page.
 */
class SelfAssessmentBrowserTests extends BrowserTest {

    private static final String PASSWORD = "Tu-danh-gia-2026!";

    @Autowired
    CriteriaSets criteria;

    @Autowired
    ProducerRegistry producers;

    @Autowired
    ProductRegistry products;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theResultStaysInViewOnAPhoneAndAProducerSavesItToItsProduct() throws Exception {
        String tag = Long.toString(System.nanoTime() % 1_000_000);
        long producerId = producers
                .register(
                        RegistryFixtures.aCooperative("HTX điện thoại " + tag, RegistryFixtures.CAO_LANH),
                        TestUsers.admin())
                .id();
        long productId = products.register(
                        RegistryFixtures.aProduct(producerId, "Trà điện thoại " + tag, 12), TestUsers.admin())
                .id();
        String username = "phone.producer." + tag;
        users.create(
                new CreateUser(username, "Chủ thể " + tag, null, Role.PRODUCER, null, PASSWORD, producerId),
                TestUsers.admin());

        login(username, PASSWORD);
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(url("/self-assessment/" + criteria.currentVersion() + "/12"));
        WebElement sticky = browser.findElement(By.id("result-sticky"));
        assertThat(sticky.isDisplayed()).isTrue();

        // Answer the first criteria; the bar follows the answers and stays at the bottom of the screen.
        List<WebElement> first =
                browser.findElements(By.cssSelector("fieldset.criterion input[type=radio][value='1']"));
        for (WebElement radio : first.subList(0, 6)) {
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", radio);
            radio.click();
        }
        waitFor(ExpectedConditions.not(
                ExpectedConditions.textToBePresentInElementLocated(By.id("result-sticky"), "0.00 / 100")));
        sticky = browser.findElement(By.id("result-sticky"));
        @SuppressWarnings("unchecked")
        Map<String, Object> box = (Map<String, Object>) ((JavascriptExecutor) browser)
                .executeScript(
                        "var r = arguments[0].getBoundingClientRect();"
                                + " return {top: r.top, bottom: r.bottom, height: window.innerHeight,"
                                + " width: document.documentElement.scrollWidth};",
                        sticky);
        assertThat(((Number) box.get("bottom")).doubleValue())
                .isLessThanOrEqualTo(((Number) box.get("height")).doubleValue() + 0.5);
        assertThat(((Number) box.get("top")).doubleValue())
                .isGreaterThan(((Number) box.get("height")).doubleValue() / 2);
        assertThat(((Number) box.get("width")).intValue())
                .as("no sideways scrolling")
                .isLessThanOrEqualTo(390);
        assertThat(sticky.getText()).contains("/ 100");
        screenshot("self-assessment-390-sticky");

        // Save to the product, from the bottom of the page.
        WebElement select = browser.findElement(By.id("productId"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", select);
        new org.openqa.selenium.support.ui.Select(select).selectByValue(String.valueOf(productId));
        browser.findElement(By.id("assess-save")).click();
        WebElement saved = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("assess-saved")));
        assertThat(saved.getText()).contains("Đã lưu kết quả tự đánh giá");
        assertThat(browser.findElements(By.cssSelector("fieldset.criterion input[type=radio][value='1']:checked")))
                .hasSize(6);
        screenshotFullPage("self-assessment-390-saved");
        assertThat(jdbc.sql("SELECT count(*) FROM saved_self_assessment WHERE product_id = ?")
                        .param(productId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
