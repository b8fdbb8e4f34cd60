package vn.ocop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ocop.TestUsers;
import vn.ocop.evaluation.CommuneReview;
import vn.ocop.evaluation.DossierView;
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

/** A council member scores a product on the scoresheet page in headless Chromium, and the chair closes. */
@vn.ocop.LongRunning
class CouncilScoringBrowserTests extends BrowserTest {

    private static final String PASSWORD = "Hoi-dong-2026!";

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
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void memberScoresOnTheScoresheetPageAndTheChairClosesTheEvaluation() throws Exception {
        CurrentUser admin = TestUsers.admin();
        CurrentUser province = user(admin, "bt.tinh", Role.PROVINCE_OFFICER, "82");
        CurrentUser commune = user(admin, "bt.xa", Role.COMMUNE_OFFICER, "29869");
        CurrentUser chair = user(admin, "bt.chutich", Role.COUNCIL_MEMBER, "82");
        CurrentUser member = user(admin, "bt.thanhvien", Role.COUNCIL_MEMBER, "82");
        long producerId = producers
                .register(
                        new ProducerDetails(
                                LegalType.COOPERATIVE,
                                "HTX Trà sen Tháp Mười",
                                vn.ocop.RegistryFixtures.aTaxCode(),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                "29869",
                                false,
                                false,
                                true,
                                false,
                                null,
                                null,
                                null,
                                null),
                        admin)
                .id();
        long productId = products.register(
                        new ProductDetails(
                                producerId,
                                "Trà tim sen Tháp Mười",
                                12,
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
                        "Đợt thử trình duyệt",
                        "PROVINCE",
                        "82",
                        2027,
                        LocalDate.of(2099, 4, 30),
                        LocalDate.of(2099, 6, 30)),
                province);
        rounds.seat(round.id(), chair.id(), "CHAIR", province);
        rounds.seat(round.id(), member.id(), "MEMBER", province);

        Path certificate =
                Files.createDirectories(Path.of("target/browser-files")).resolve("giấy ATTP.pdf");
        Files.writeString(certificate, "%PDF-1.4\n% Giấy chứng nhận cơ sở đủ điều kiện ATTP\n%%EOF\n");
        // The commune officer files the dossier from the round page (searching the product by name, without accents),
        // then attaches the certificate before submitting.
        login(commune.username(), PASSWORD);
        browser.get(url("/evaluation/rounds/" + round.id()));
        browser.findElement(By.id("file-dossier")).click();
        // The list is replaced by htmx after typing: choose only once the last answer has settled (on a fast machine
        // the unfiltered list already shows the product, and a click before the swap would be lost with it).
        ((JavascriptExecutor) browser)
                .executeScript("window.ocopSwaps = 0; window.ocopLastSwap = 0;"
                        + "document.body.addEventListener('htmx:afterSettle',"
                        + " () => { window.ocopSwaps++; window.ocopLastSwap = Date.now(); });");
        browser.findElement(By.id("product-query")).sendKeys("tra tim sen");
        waitFor(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver)
                .executeScript("return window.ocopSwaps > 0 && Date.now() - window.ocopLastSwap > 600"
                        + " && !document.querySelector('.htmx-request');")));
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("product-choices"), "Trà tim sen"));
        By choice = By.cssSelector("#product-choices input[value='" + productId + "']");
        clickWhenSettled(choice);
        waitFor(ExpectedConditions.elementToBeSelected(choice));
        screenshot("round-apply");
        browser.findElement(By.cssSelector("#apply-form button[type=submit]")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("documents")));
        String dossierUrl = browser.getCurrentUrl();
        DossierView dossier =
                dossiers.get(Long.parseLong(dossierUrl.substring(dossierUrl.lastIndexOf('/') + 1)), commune);
        assertThat(dossier.status().name()).isEqualTo("DRAFT");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("doc-kind")))
                .selectByValue("FOOD_SAFETY_CERTIFICATE");
        browser.findElement(By.id("doc-file"))
                .sendKeys(certificate.toAbsolutePath().toString());
        ((JavascriptExecutor) browser)
                .executeScript("document.getElementById('doc-valid').value = '2028-12-31'"); // locale-free
        browser.findElement(By.cssSelector("#upload-document button[type=submit]"))
                .click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("documents"), "giấy ATTP.pdf"));
        assertThat(browser.findElement(By.id("documents")).getText())
                .contains("Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm")
                .contains("31/12/2028");
        screenshot("dossier-documents");
        // The certificate's validity ends while the dossier waits: the page says so next to its date.
        jdbc.sql("UPDATE evidence_document SET valid_until = DATE '2025-12-31' WHERE producer_id = ?")
                .param(producerId)
                .update();
        browser.navigate().refresh();
        assertThat(browser.findElement(By.id("documents")).getText())
                .contains("31/12/2025")
                .contains("Hết hiệu lực");
        screenshot("dossier-document-expired");
        logout();
        fixtures.completeAndSubmit(dossier.id(), commune);
        dossiers.forward(dossier.id(), new CommuneReview(true, true, true, true, null), commune);
        dossiers.startEvaluation(dossier.id(), province);

        // The member opens the dossier, then the scoresheet, picks the best option of every criterion, submits.
        login(member.username(), PASSWORD);
        browser.get(url("/evaluation/dossiers/" + dossier.id()));
        browser.findElement(By.id("open-scoresheet")).click();
        chooseBestOptions();
        screenshot("scoresheet-member");
        browser.findElement(By.id("submit-scoresheet")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("scoring-progress"), "1/2"));
        logout();

        // The chair scores too, then closes: the dossier shows its council result.
        login(chair.username(), PASSWORD);
        browser.get(url("/evaluation/dossiers/" + dossier.id() + "/scoresheet"));
        chooseBestOptions();
        browser.findElement(By.id("submit-scoresheet")).click();
        waitFor(ExpectedConditions.elementToBeClickable(By.id("close-evaluation")));
        screenshot("council-all-submitted");
        browser.findElement(By.id("close-evaluation")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("dossier-status"), "Đã có kết quả"));
        assertThat(browser.findElement(By.id("dossier-result")).getText())
                .contains("100.00")
                .contains("5 sao");
        screenshot("council-closed");
    }

    private void chooseBestOptions() {
        // The last option of every criterion (the best), found with one command rather than one per criterion.
        List<WebElement> best = browser.findElements(
                By.xpath("//fieldset[contains(@class, 'criterion')]/label[contains(@class, 'option')][last()]"));
        assertThat(best).hasSizeGreaterThan(20);
        for (WebElement option : best) {
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", option);
            option.click();
        }
    }

    private CurrentUser user(CurrentUser admin, String username, Role role, String jurisdiction) {
        UserSummary created = users.create(
                new CreateUser(username, "Người dùng " + username, null, role, jurisdiction, PASSWORD), admin);
        return new CurrentUser(created.id(), username, created.displayName(), role, jurisdiction, null);
    }
}
