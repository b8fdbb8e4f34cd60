package vn.ocop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An officer imports a filled-in template in headless Chromium: upload, report, confirmation, and the products are
 * then in the registry (listed on the result page and found by the product API).
 */
class RegistryImportBrowserTests extends BrowserTest {

    static final List<String> HEADERS = List.of(
            "Mã số thuế chủ thể*",
            "Tên chủ thể*",
            "Loại hình chủ thể*",
            "Người đại diện",
            "Điện thoại",
            "Email",
            "Địa chỉ (số nhà, thôn/ấp)",
            "Tỉnh/Thành phố*",
            "Quận/Huyện (cũ)",
            "Xã/Phường*",
            "Tên sản phẩm*",
            "Bộ tiêu chí (số 1–26)*",
            "Mã phân loại cũ (1048)",
            "Mô tả",
            "Quy cách đóng gói",
            "Giá thấp nhất (đồng)",
            "Giá cao nhất (đồng)",
            "Mã sản phẩm OCOP",
            "Hạng sao (1–5)",
            "Số giấy chứng nhận/quyết định",
            "Ngày cấp (dd/mm/yyyy)",
            "Cấp công nhận",
            "Ngày hết hạn (dd/mm/yyyy)",
            "Liên kết TMĐT");

    @Test
    void officerImportsATemplateFileAndFindsTheProducts() throws Exception {
        Path file = Files.createTempFile("nhap-thu", ".xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "test", "1.0");
            Worksheet sheet = workbook.newWorksheet("Sản phẩm");
            for (int c = 0; c < HEADERS.size(); c++) {
                sheet.value(0, c, HEADERS.get(c));
            }
            String[][] rows = {
                {
                    "0399888001",
                    "HTX Trình duyệt Sa Đéc",
                    "Hợp tác xã",
                    "Đồng Tháp",
                    "Phường Sa Đéc",
                    "Hoa kiểng trình duyệt",
                    "23 - Hoa"
                },
                {
                    "0399888001",
                    "HTX Trình duyệt Sa Đéc",
                    "Hợp tác xã",
                    "Đồng Tháp",
                    "Phường Sa Đéc",
                    "Bột sen trình duyệt",
                    "7 - Chế biến"
                },
                {
                    "0399888002",
                    "Hộ kinh doanh Mắm trình duyệt",
                    "Hộ kinh doanh",
                    "Tiền Giang",
                    "Phường 1",
                    "Mắm tép trình duyệt",
                    "9",
                    "Thành phố Mỹ Tho"
                }
            };
            for (int r = 0; r < rows.length; r++) {
                String[] v = rows[r];
                sheet.value(r + 1, 0, v[0]);
                sheet.value(r + 1, 1, v[1]);
                sheet.value(r + 1, 2, v[2]);
                sheet.value(r + 1, 7, v[3]);
                if (v.length > 7) {
                    sheet.value(r + 1, 8, v[7]); // legacy district (Tiền Giang, Mỹ Tho: now Đồng Tháp)
                }
                sheet.value(r + 1, 9, v[4]);
                sheet.value(r + 1, 10, v[5]);
                sheet.value(r + 1, 11, v[6]);
            }
            workbook.finish();
        }

        login("admin", "admin-test-password-1");

        browser.findElement(By.linkText("Nhập từ bảng tính")).click();
        waitFor(ExpectedConditions.urlContains("/registry/import"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Nhập chủ thể và sản phẩm từ bảng tính");
        assertThat(browser.findElement(By.id("template-xlsx")).getAttribute("href"))
                .endsWith("/registry/import/template.xlsx");
        screenshot("import-form");

        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#upload-form button[type=submit]")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("summary")));
        assertThat(browser.findElement(By.id("status")).getAttribute("data-status"))
                .as(
                        present(By.id("issues")).isEmpty()
                                ? ""
                                : browser.findElement(By.id("issues")).getText())
                .isEqualTo("STAGED");
        assertThat(browser.findElement(By.id("total-rows")).getText()).isEqualTo("3");
        screenshot("import-report");

        browser.findElement(By.cssSelector("#confirm-form button[type=submit]")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("applied")));
        assertThat(browser.findElement(By.id("status")).getAttribute("data-status"))
                .isEqualTo("APPLIED");
        assertThat(browser.findElement(By.id("product-counts")).getText()).startsWith("Sản phẩm: 3 tạo mới");
        assertThat(browser.findElements(By.cssSelector("#applied-rows td.product-name")))
                .extracting(e -> e.getText())
                .containsExactly("Hoa kiểng trình duyệt", "Bột sen trình duyệt", "Mắm tép trình duyệt");
        assertThat(present(By.id("confirm-form"))).isEmpty();
        screenshot("import-applied");

        // The registry has them: the product list page finds all three, searched without accents.
        browser.get(url("/products?q=" + URLEncoder.encode("trinh duyet", StandardCharsets.UTF_8)));
        assertThat(browser.findElements(By.cssSelector("#results table a[href*='/products/']")))
                .extracting(e -> e.getText())
                .containsExactlyInAnyOrder("Hoa kiểng trình duyệt", "Bột sen trình duyệt", "Mắm tép trình duyệt");
        screenshot("import-products-list");
        Files.deleteIfExists(file);
    }
}
