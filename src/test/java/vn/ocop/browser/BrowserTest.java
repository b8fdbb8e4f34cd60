package vn.ocop.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.ocop.IntegrationTest;

/**
 * Base of the browser tests: the application on a random port and a real headless Chromium (Debian's chromium and
 * chromium-driver, installed by bin/test) driving it. Screenshots land in target/screenshots.
 */
@IntegrationTest
@org.junit.jupiter.api.parallel.ResourceLock(vn.ocop.SharedState.CHROMIUM)
abstract class BrowserTest {

    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    @LocalServerPort
    int port;

    WebDriver browser;

    /** When a test fails: the page as it was, as a screenshot and as HTML, in target/screenshots/failed-…. */
    @org.junit.jupiter.api.extension.RegisterExtension
    final org.junit.jupiter.api.extension.AfterTestExecutionCallback keepFailedPage = context -> {
        if (context.getExecutionException().isEmpty() || browser == null) {
            return;
        }
        String name = "failed-" + context.getRequiredTestClass().getSimpleName() + "-"
                + context.getRequiredTestMethod().getName();
        try {
            screenshot(name);
            Files.writeString(SCREENSHOTS.resolve(name + ".html"), browser.getPageSource());
        } catch (IOException | RuntimeException e) {
            System.out.println("no page kept for " + name + ": " + e);
        }
    };

    /**
     * One Chromium for all the browser tests of this JVM: launching one (Chromium and its driver) costs about a second
     * of wall time and of CPU, paid before each test until now. Each test starts from a blank page in a browser
     * without cookies, with one window of the default size; a browser that no longer answers is replaced.
     */
    private static @org.jspecify.annotations.Nullable ChromeDriver shared;

    @BeforeEach
    void startBrowser() {
        ChromeDriver current = shared;
        if (current != null) {
            try {
                reset(current);
            } catch (org.openqa.selenium.WebDriverException broken) {
                quietly(current);
                current = null;
            }
        }
        if (current == null) {
            current = launch();
            shared = current;
            ChromeDriver launched = current;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> quietly(launched), "chromium-quit"));
        }
        browser = current;
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }

    /** What one test leaves behind, gone: other windows, the page, all cookies (of every site), the window's size. */
    private static void reset(ChromeDriver driver) {
        java.util.Set<String> windows = driver.getWindowHandles();
        String first = windows.iterator().next();
        for (String window : windows) {
            if (!window.equals(first)) {
                driver.switchTo().window(window).close();
            }
        }
        driver.switchTo().window(first);
        driver.get("about:blank");
        driver.executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
        driver.executeCdpCommand("Network.clearBrowserCache", java.util.Map.of());
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    }

    private static ChromeDriver launch() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("ocop.chromium", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,900",
                "--lang=vi");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("ocop.chromedriver", "/usr/bin/chromedriver"))
                        .toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    private static void quietly(ChromeDriver driver) {
        try {
            driver.quit();
        } catch (RuntimeException ignored) {
            // already gone
        }
    }

    /** Logs in through the real login page and waits for the dashboard. */
    void login(String username, String password) {
        browser.get(url("/login"));
        browser.findElement(org.openqa.selenium.By.id("username")).sendKeys(username);
        browser.findElement(org.openqa.selenium.By.id("password")).sendKeys(password);
        browser.findElement(org.openqa.selenium.By.cssSelector("#login-form button[type=submit]"))
                .click();
        waitFor(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/dashboard"));
    }

    /** Logs out with the header's button. */
    void logout() {
        browser.findElement(org.openqa.selenium.By.cssSelector("form[action$='/logout'] button"))
                .click();
        waitFor(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/login"));
    }

    /**
     * Clicks an element that htmx may still be replacing (each keystroke of a type-ahead swaps its list): waits until
     * it is clickable, scrolls it into view, and tries again when it was replaced meanwhile.
     */
    void clickWhenSettled(org.openqa.selenium.By locator) {
        for (int attempt = 0; ; attempt++) {
            try {
                org.openqa.selenium.WebElement element =
                        waitFor(org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable(locator));
                ((org.openqa.selenium.JavascriptExecutor) browser)
                        .executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
                element.click();
                return;
            } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
                if (attempt == 5) {
                    throw replaced;
                }
            }
        }
    }

    /**
     * The elements matching now, without the implicit wait: with it every check that something is absent lasts the
     * whole five seconds. For a page that has finished loading (after a navigation or a wait for its content).
     */
    java.util.List<org.openqa.selenium.WebElement> present(org.openqa.selenium.By locator) {
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
        try {
            return browser.findElements(locator);
        } finally {
            browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        }
    }

    /**
     * Waits up to 20 seconds for the condition (test classes run two at a time, so a page may take a while on a
     * busy machine). Checks again when the condition fails with a WebDriverException: htmx may swap an element between
     * finding it and reading it, and Chromium then reports a stale element or a node "that does not belong to the
     * document"; the timeout's message carries the last such failure.
     */
    <T> T waitFor(java.util.function.Function<? super WebDriver, T> condition) {
        return new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(condition);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /**
     * A screenshot of the whole page (at most 6000 pixels high), taken beyond the window by Chromium: the window keeps
     * its size, so the page is not laid out twice more as it was when the window grew for the shot.
     */
    void screenshotFullPage(String name) throws IOException {
        capture(name, true);
    }

    void screenshot(String name) throws IOException {
        capture(name, false);
    }

    /**
     * Chromium's own capture (DevTools Page.captureScreenshot), its PNG encoded for speed rather than size. The 83
     * screenshots of the browser tests took 11.3 s this way against 16.9 s with Selenium's screenshot (and the window
     * grown for whole pages), taken side by side in one run (docs/benchmarks.md, 2026-12-04, sixth session).
     */
    private void capture(String name, boolean fullPage) throws IOException {
        ChromeDriver driver = (ChromeDriver) browser;
        java.util.Map<String, Object> parameters = new java.util.HashMap<>();
        parameters.put("format", "png");
        parameters.put("optimizeForSpeed", true);
        if (fullPage) {
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> content = (java.util.Map<String, Object>)
                    driver.executeCdpCommand("Page.getLayoutMetrics", java.util.Map.of())
                            .get("cssContentSize");
            double width = ((Number) content.get("width")).doubleValue();
            double height = Math.min(((Number) content.get("height")).doubleValue(), 6000);
            parameters.put("captureBeyondViewport", true);
            parameters.put("clip", java.util.Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1));
        }
        String data = (String)
                driver.executeCdpCommand("Page.captureScreenshot", parameters).get("data");
        Files.createDirectories(SCREENSHOTS);
        Files.write(
                SCREENSHOTS.resolve(name + ".png"),
                java.util.Base64.getDecoder().decode(data));
    }
}
