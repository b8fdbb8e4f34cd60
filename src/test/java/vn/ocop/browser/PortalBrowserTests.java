package vn.ocop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ocop.RegistryFixtures;
import vn.ocop.TestUsers;
import vn.ocop.catalog.Catalog;
import vn.ocop.catalog.CatalogFixtures;
import vn.ocop.certification.Certificate;
import vn.ocop.certification.Certification;
import vn.ocop.certification.IssuedCertificates;
import vn.ocop.evaluation.CouncilScoring;
import vn.ocop.evaluation.DossierFixtures;
import vn.ocop.evaluation.Dossiers;
import vn.ocop.evaluation.EvaluationRounds;
import vn.ocop.identity.CreateUser;
import vn.ocop.identity.Role;
import vn.ocop.identity.UserAccounts;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.product.ProductRegistry;
import vn.ocop.product.ProductView;
import vn.ocop.shared.OcopClock;

/**
 * The public portal in a real browser, at desktop width (1280 px) and phone width (390 px): a buyer finds "Nước mắm
 * Phú Quốc" typed without accents and with a typo, filters the catalog by clicking a province on the map, opens a
 * product and checks its certificate, sends a purchase inquiry that the producer reads in its inbox; a producer signs
 * up, the commune officer approves it from the work queue, and the producer logs in. Nothing overflows sideways.
 */
@vn.ocop.LongRunning
class PortalBrowserTests extends BrowserTest {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String PASSWORD = "Cong-thong-tin-2026!";
    private static final List<String> NUMBERS =
            List.of("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín");

    @Autowired
    Catalog catalog;

    @Autowired
    ProducerRegistry producers;

    @Autowired
    ProductRegistry products;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Certification certification;

    @Autowired
    EvaluationRounds rounds;

    @Autowired
    Dossiers dossiers;

    @Autowired
    CouncilScoring scoring;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DossierFixtures dossierFixtures;

    @ParameterizedTest
    @ValueSource(ints = {1280, 390})
    void aBuyerFindsAProductByMapAndTypoChecksItsCertificateAndAsksTheProducer(int width) throws Exception {
        String tag = CatalogFixtures.uniqueWord();
        CatalogFixtures fixtures = new CatalogFixtures(producers, products, catalog);
        Certificate certificate = new IssuedCertificates(
                        producers, products, rounds, dossiers, scoring, certification, jdbc, dossierFixtures)
                .province(
                        "Nước mắm Phú Quốc " + tag,
                        LocalDate.now(OcopClock.VIETNAM).minusDays(1));
        long productId = certificate.productId();
        fixtures.awaitListed(productId);
        ProductView product = products.lookup(productId).orElseThrow();
        String producerUser = "ct-portal-" + SEQ.incrementAndGet() + "-" + width;
        accounts.create(
                new CreateUser(
                        producerUser, "Chủ thể nước mắm", null, Role.PRODUCER, null, PASSWORD, product.producerId()),
                TestUsers.admin());
        resize(width);

        // Search from the home page without accents and with a typo ("quc").
        browser.get(url("/"));
        screenshotFullPage("portal-home-" + width);
        browser.findElement(By.id("home-q")).sendKeys("nuoc mam phu quc " + tag);
        browser.findElement(By.cssSelector(".portal-search button[type=submit]"))
                .click();
        waitFor(ExpectedConditions.urlContains("/catalog?q="));
        assertThat(browser.findElement(By.cssSelector(".product-grid")).getText())
                .contains("Nước mắm Phú Quốc " + tag);
        assertThat(browser.findElement(By.cssSelector(".correction")).getText()).contains("quc");
        screenshotFullPage("portal-search-typo-" + width);
        noSidewaysScroll();

        // Filter by province: click Đồng Tháp on the home page's map.
        browser.get(url("/"));
        clickInside("svg a[href$='province=82'] use");
        waitFor(ExpectedConditions.urlContains("province=82"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sản phẩm OCOP của Tỉnh Đồng Tháp");
        assertThat(new Select(browser.findElement(By.id("province")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("82");
        assertThat(browser.findElements(By.cssSelector(".product-card .card-place")))
                .isNotEmpty()
                .allSatisfy(place -> assertThat(place.getText()).isEqualTo("Tỉnh Đồng Tháp"));
        screenshot("portal-map-filter-" + width);

        // The product page and its certificate.
        browser.get(url("/catalog?q=" + tag));
        browser.findElement(By.partialLinkText("Nước mắm Phú Quốc")).click();
        waitFor(ExpectedConditions.urlContains("/catalog/products/" + productId));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Nước mắm Phú Quốc " + tag);
        assertThat(browser.getPageSource()).contains("application/ld+json");
        screenshotFullPage("portal-product-" + width);
        noSidewaysScroll();
        browser.findElement(By.id("verify-link")).click();
        waitFor(ExpectedConditions.urlContains("/verify/" + certificate.number()));
        assertThat(browser.findElement(By.id("verdict")).getText()).isEqualTo("Giấy chứng nhận đang có hiệu lực.");

        // A purchase inquiry, then the producer's inbox.
        browser.get(url("/catalog/products/" + productId));
        browser.findElement(By.id("inquiry-link")).click();
        waitFor(ExpectedConditions.urlContains("/buyer-inquiries/new"));
        new Select(browser.findElement(By.id("buyerKind"))).selectByValue("RETAIL_CHAIN");
        browser.findElement(By.id("buyerName")).sendKeys("Nguyễn Thu Hà");
        browser.findElement(By.id("organisation")).sendKeys("Siêu thị Xanh " + tag);
        browser.findElement(By.id("email")).sendKeys("thu-ha-" + tag + "@example.vn");
        browser.findElement(By.id("quantity")).sendKeys("1.000 chai mỗi tháng");
        browser.findElement(By.id("message")).sendKeys("Xin báo giá sỉ và điều kiện giao hàng về Hà Nội.");
        screenshotFullPage("portal-inquiry-form-" + width);
        Thread.sleep(1100); // a person takes longer than the minimum fill time (1 s in tests)
        browser.findElement(By.id("inquiry-submit")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("inquiry-sent")));
        assertThat(browser.getPageSource()).doesNotContain("thu-ha-" + tag + "@example.vn");

        login(producerUser, PASSWORD);
        assertThat(browser.findElement(By.id("work-queue")).getText()).contains("Siêu thị Xanh " + tag);
        browser.get(url("/inquiries"));
        assertThat(browser.findElement(By.id("inbox")).getText()).contains("Siêu thị Xanh " + tag);
        browser.findElement(By.linkText("Siêu thị Xanh " + tag)).click();
        assertThat(browser.findElement(By.id("inquiry-message")).getText()).contains("Xin báo giá sỉ");
        browser.findElement(By.id("body")).sendKeys("Chúng tôi giao được 1.000 chai mỗi tháng.");
        browser.findElement(By.id("reply-send")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".alert.info"), "Đã gửi câu trả lời"));
        screenshotFullPage("portal-inquiry-answered-" + width);
        noSidewaysScroll();
    }

    @ParameterizedTest
    @ValueSource(ints = {1280, 390})
    void aProducerSignsUpTheCommuneApprovesAndTheProducerLogsIn(int width) throws Exception {
        int n = SEQ.incrementAndGet();
        String officer = "xa-portal-" + n + "-" + width;
        accounts.create(
                new CreateUser(
                        officer, "Cán bộ xã Sa Đéc", null, Role.COMMUNE_OFFICER, RegistryFixtures.SA_DEC, PASSWORD),
                TestUsers.admin());
        String username = "htx-moi-" + n + "-" + width;
        resize(width);

        browser.get(url("/"));
        browser.findElement(By.cssSelector(".portal-links a[href$='/signup']")).click();
        waitFor(ExpectedConditions.urlContains("/signup"));
        browser.findElement(By.id("name")).sendKeys("HTX Hoa kiểng Tân Quy Đông " + n);
        new Select(browser.findElement(By.id("legalType"))).selectByValue("COOPERATIVE");
        browser.findElement(By.id("taxCode")).sendKeys(RegistryFixtures.aTaxCode());
        browser.findElement(By.id("representative")).sendKeys("Lê Thị Hồng");
        browser.findElement(By.id("phone")).sendKeys("0277 3777 888");
        browser.findElement(By.id("email")).sendKeys(username + "@example.vn");
        browser.findElement(By.id("address")).sendKeys("Ấp Tân Hòa");
        new Select(browser.findElement(By.id("province"))).selectByValue("82");
        waitFor(driver -> !driver.findElements(
                        By.cssSelector("#communeCode option[value='" + RegistryFixtures.SA_DEC + "']"))
                .isEmpty());
        new Select(browser.findElement(By.id("communeCode"))).selectByValue(RegistryFixtures.SA_DEC);
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("answer"))
                .sendKeys(Integer.toString(answer(
                        browser.findElement(By.cssSelector("label[for=answer]")).getText())));
        screenshotFullPage("portal-signup-form-" + width);
        noSidewaysScroll();
        Thread.sleep(1100);
        browser.findElement(By.id("signup-submit")).click();
        waitFor(ExpectedConditions.urlContains("/signup/status/"));
        assertThat(browser.findElement(By.id("signup-status")).getText()).isEqualTo("Đang chờ xét duyệt");
        screenshot("portal-signup-sent-" + width);

        login(officer, PASSWORD);
        browser.findElement(By.partialLinkText("HTX Hoa kiểng Tân Quy Đông " + n))
                .click();
        waitFor(ExpectedConditions.urlContains("/producers/signups/"));
        screenshotFullPage("portal-signup-review-" + width);
        browser.findElement(By.id("approve")).click();
        waitFor(ExpectedConditions.urlMatches(".*/producers/\\d+$"));
        assertThat(browser.findElement(By.cssSelector(".alert.info")).getText()).startsWith("Đã duyệt");
        logout();

        login(username, PASSWORD);
        assertThat(browser.getCurrentUrl()).endsWith("/dashboard");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Lê Thị Hồng");
        screenshot("portal-signup-first-login-" + width);
        browser.findElement(By.cssSelector(".cards a[href^='/producers/']")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("HTX Hoa kiểng Tân Quy Đông " + n);
    }

    /**
     * Clicks a point inside a map shape, as a person would: the middle of a province's bounding box may lie in its
     * neighbour, so the point is found by asking the browser which element is under candidate points.
     */
    private void clickInside(String selector) {
        org.openqa.selenium.WebElement shape = browser.findElement(By.cssSelector(selector));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", shape);
        @SuppressWarnings("unchecked")
        List<Number> point = (List<Number>) ((JavascriptExecutor) browser).executeScript("""
                const shape = arguments[0], box = shape.getBoundingClientRect();
                for (let i = 1; i < 12; i++) {
                  for (let j = 1; j < 12; j++) {
                    const x = box.left + box.width * i / 12, y = box.top + box.height * j / 12;
                    if (document.elementFromPoint(x, y) === shape) { return [Math.round(x), Math.round(y)]; }
                  }
                }
                return null;""", shape);
        assertThat(point).as("a point inside " + selector).isNotNull();
        new org.openqa.selenium.interactions.Actions(browser)
                .moveToLocation(point.get(0).intValue(), point.get(1).intValue())
                .click()
                .perform();
    }

    /** The sum asked in words ("Câu hỏi kiểm tra: bảy cộng ba bằng mấy?"). */
    private static int answer(String question) {
        String words = question.substring(question.indexOf(':') + 1, question.indexOf(" bằng"))
                .strip();
        String[] parts = words.split(" cộng ");
        return NUMBERS.indexOf(parts[0].strip()) + NUMBERS.indexOf(parts[1].strip());
    }

    private void resize(int width) {
        browser.manage().window().setSize(new Dimension(width, width < 600 ? 844 : 900));
    }

    private void noSidewaysScroll() {
        assertThat((Boolean) ((JavascriptExecutor) browser)
                        .executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("nothing overflows sideways at "
                        + browser.manage().window().getSize().getWidth() + " px")
                .isTrue();
    }
}
