package vn.ocop.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.ocop.RegistryFixtures.CAO_LANH;
import static vn.ocop.RegistryFixtures.SA_DEC;
import static vn.ocop.RegistryFixtures.aCooperative;
import static vn.ocop.RegistryFixtures.aProducer;
import static vn.ocop.RegistryFixtures.aProduct;
import static vn.ocop.TestUsers.as;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;
import vn.ocop.IntegrationTest;
import vn.ocop.TestUsers;
import vn.ocop.identity.CurrentUser;
import vn.ocop.producer.LegalType;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.producer.ProducerView;

/** The product pages through the real security chain: list, search, filters, forms, jurisdiction, conflicts. */
@IntegrationTest
class ProductPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ProducerRegistry producers;

    @Autowired
    ProductRegistry products;

    private final CurrentUser admin = TestUsers.admin();

    @Test
    void searchNuocMamFindsNuocMamAndShowsStarsWithATextAlternative() throws Exception {
        ProducerView producer = producers.register(aCooperative("HTX Hải sản Gành Hào", SA_DEC), admin);
        // A unique word keeps other suites' fish sauce (the test cluster is shared) out of the count.
        String unique = "mẻ" + Long.toString(System.nanoTime(), 36);
        ProductView fishSauce = products.register(aProduct(producer.id(), "Nước mắm cốt Gành Hào " + unique, 9), admin);
        products.recordRating(
                fishSauce.id(),
                new CurrentRating(4, "GCN-GH-01", LocalDate.of(2025, 3, 1), null, null, "IMPORTED"),
                vn.ocop.TestUsers.provinceOfficer("82"));

        String page = body(mvc.perform(get("/products")
                        .param("q", "nuoc mam ganh hao " + unique)
                        .with(as(admin)))
                .andExpect(status().isOk()));
        assertThat(page)
                .contains("<html lang=\"vi\"")
                .contains("Sản phẩm OCOP")
                .contains("Nước mắm cốt Gành Hào")
                .contains("HTX Hải sản Gành Hào")
                .contains("9. Tương, nước mắm, gia vị dạng lỏng khác")
                .contains("Phường Sa Đéc")
                .contains("role=\"img\" aria-label=\"4 sao\"")
                .contains("★★★★<")
                .contains("01/03/2028")
                .contains("Tìm thấy 1 sản phẩm");
    }

    @Test
    void filtersByGroupSetStarsAndProducerTypeAndPageLinksKeepThem() throws Exception {
        ProducerView coop = producers.register(aCooperative("HTX Lọc sao", CAO_LANH), admin);
        ProducerView firm = producers.register(aProducer(LegalType.ENTERPRISE, "Công ty Lọc sao", CAO_LANH), admin);
        for (int i = 1; i <= 22; i++) {
            products.register(aProduct(coop.id(), "Trà lọc sao %02d".formatted(i), 12), admin);
        }
        ProductView rated = products.register(aProduct(firm.id(), "Cà phê lọc sao", 13), admin);
        products.recordRating(
                rated.id(),
                new CurrentRating(5, "GCN-LS-5", LocalDate.of(2025, 1, 2), null, null, "IMPORTED"),
                vn.ocop.TestUsers.centralOffice());

        // Group I.5 (Chè) holds set 12; the whole sector I holds both; unrated = stars 0.
        assertThat(body(mvc.perform(get("/products")
                        .param("q", "loc sao")
                        .param("group", "I.5")
                        .param("stars", "0")
                        .param("producerType", "COOPERATIVE")
                        .param("province", "82")
                        .with(as(admin)))))
                .contains("Tìm thấy 22 sản phẩm")
                .contains("Trà lọc sao 01")
                .doesNotContain("Trà lọc sao 21")
                .contains("/products?q=loc%20sao&amp;province=82&amp;group=I.5&amp;stars=0&amp;producerType=COOPERATIVE"
                        + "&amp;page=1")
                .contains("/registry/export/products.xlsx?q=loc%20sao&amp;province=82&amp;group=I.5&amp;stars=0"
                        + "&amp;producerType=COOPERATIVE")
                .contains("/registry/export/products.csv?q=loc%20sao")
                .contains("<option value=\"0\" selected=\"selected\">Chưa xếp hạng</option>");
        assertThat(body(mvc.perform(get("/products")
                        .param("q", "loc sao")
                        .param("group", "I.5")
                        .param("stars", "0")
                        .param("producerType", "COOPERATIVE")
                        .param("province", "82")
                        .param("page", "1")
                        .with(as(admin)))))
                .contains("Trà lọc sao 21", "Trà lọc sao 22");
        assertThat(body(mvc.perform(get("/products")
                        .param("q", "loc sao")
                        .param("stars", "5")
                        .with(as(admin)))))
                .contains("Tìm thấy 1 sản phẩm")
                .contains("Cà phê lọc sao");
        assertThat(body(mvc.perform(get("/products")
                        .param("q", "loc sao")
                        .param("group", "I")
                        .with(as(admin)))))
                .contains("Tìm thấy 23 sản phẩm");
        assertThat(body(mvc.perform(get("/products")
                        .param("q", "loc sao")
                        .param("criteriaSet", "13")
                        .with(as(admin)))))
                .contains("Tìm thấy 1 sản phẩm");
        assertThat(body(mvc.perform(get("/products")
                        .param("q", "loc sao")
                        .header("HX-Request", "true")
                        .with(as(admin)))))
                .doesNotContain("<html")
                .contains("id=\"results\"");
    }

    @Test
    void communeOfficerGetsTheErrorPageForAnotherCommunesProduct() throws Exception {
        ProducerView producer = producers.register(aCooperative("HTX Bánh phồng Sa Đéc", SA_DEC), admin);
        ProductView product = products.register(aProduct(producer.id(), "Bánh phồng tôm", 6), admin);
        CurrentUser caoLanh = TestUsers.communeOfficer(CAO_LANH);

        for (String page : List.of("/products/" + product.id(), "/products/" + product.id() + "/edit")) {
            mvc.perform(get(page).with(as(caoLanh)))
                    .andExpect(status().isForbidden())
                    .andExpect(content().string(containsString("Bạn không có quyền thực hiện thao tác này")));
        }
        mvc.perform(productForm(post("/products/" + product.id()), producer.id(), "Bánh phồng tôm (sửa trái phép)")
                        .param("version", "0")
                        .with(as(caoLanh)))
                .andExpect(status().isForbidden());
        assertThat(products.get(product.id(), admin).name()).isEqualTo("Bánh phồng tôm");
        mvc.perform(get("/products/999999999").with(as(admin)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Không tìm thấy sản phẩm 999999999")));
    }

    @Test
    void registersAndEditsAProductThroughTheForms() throws Exception {
        ProducerView producer = producers.register(aCooperative("HTX Mật ong Tràm", CAO_LANH), admin);
        mvc.perform(get("/products/new")
                        .param("producer", Long.toString(producer.id()))
                        .with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("HTX Mật ong Tràm (" + producer.taxCode() + ")")))
                .andExpect(content().string(containsString("Tương, nước mắm, gia vị dạng lỏng khác")));

        String location = mvc.perform(productForm(post("/products"), producer.id(), "Mật ong hoa tràm")
                        .param("links[1].platform", "Shopee")
                        .param("links[1].url", "https://shopee.vn/mat-ong-tram")
                        .with(as(admin)))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("saved", "product.registered"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        ProductView created = products.get(id, admin);
        assertThat(created.priceMin()).isEqualByComparingTo(new BigDecimal("85000"));
        assertThat(created.priceMax()).isEqualByComparingTo(new BigDecimal("120000"));
        assertThat(created.links())
                .containsExactly(new vn.ocop.product.ProductDetails.Link("Shopee", "https://shopee.vn/mat-ong-tram"));

        assertThat(body(mvc.perform(get("/products/" + id).with(as(admin))).andExpect(status().isOk())))
                .contains("Mật ong hoa tràm")
                .contains("85.000 đ")
                .contains("120.000 đ")
                .contains("https://shopee.vn/mat-ong-tram")
                .contains("Sản phẩm chưa được đánh giá, phân hạng.")
                .contains("Phường Cao Lãnh");
        assertThat(body(mvc.perform(get("/products/" + id + "/edit").with(as(admin)))))
                .contains("name=\"version\" value=\"0\"")
                .contains("value=\"https://shopee.vn/mat-ong-tram\"");
        mvc.perform(productForm(post("/products/" + id), producer.id(), "Mật ong hoa tràm U Minh")
                        .param("version", "0")
                        .with(as(TestUsers.communeOfficer(CAO_LANH))))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("saved", "product.updated"));
        ProductView updated = products.get(id, admin);
        assertThat(updated.name()).isEqualTo("Mật ong hoa tràm U Minh");
        assertThat(updated.links()).isEmpty();
    }

    @Test
    void formShowsFieldErrorsOnTheRightLinkRowAndBusinessErrors() throws Exception {
        ProducerView producer = producers.register(aCooperative("HTX Lỗi biểu mẫu", CAO_LANH), admin);
        String page = body(mvc.perform(post("/products")
                        .param("producerId", Long.toString(producer.id()))
                        .param("name", "")
                        .param("criteriaSetNo", "")
                        .param("priceMin", "tám mươi")
                        .param("links[2].platform", "Lazada")
                        .param("links[2].url", "lazada.vn/khong-co-giao-thuc")
                        .with(csrf())
                        .with(as(admin)))
                .andExpect(status().isBadRequest()));
        assertThat(page)
                .contains("Tên sản phẩm: không được để trống")
                .contains("Bộ tiêu chí: là bắt buộc")
                .contains("Giá thấp nhất (đồng): giá trị không hợp lệ")
                .contains("href=\"#links2.url\"");
        products.register(aProduct(producer.id(), "Sản phẩm trùng tên", 7), admin);
        assertThat(body(mvc.perform(productForm(post("/products"), producer.id(), "Sản phẩm trùng tên")
                                .with(as(admin)))
                        .andExpect(status().isBadRequest())))
                .contains("Chủ thể đã có sản phẩm tên")
                .contains("id=\"name\"");
        assertThat(body(mvc.perform(productForm(post("/products"), producer.id(), "Giá ngược")
                                .param("priceMin", "200.000")
                                .with(as(admin)))
                        .andExpect(status().isBadRequest())))
                .contains("Giá cao nhất không được nhỏ hơn giá thấp nhất")
                .contains("href=\"#priceMax\"");
    }

    @Test
    void staleVersionShowsTheConflictAndOverwritesNothing() throws Exception {
        ProducerView producer = producers.register(aCooperative("HTX Xung đột sản phẩm", CAO_LANH), admin);
        ProductView product = products.register(aProduct(producer.id(), "Khô cá lóc", 8), admin);
        mvc.perform(productForm(post("/products/" + product.id()), producer.id(), "Khô cá lóc (xã)")
                        .param("version", "0")
                        .with(as(TestUsers.communeOfficer(CAO_LANH))))
                .andExpect(status().isFound());
        String page = HtmlUtils.htmlUnescape(body(mvc.perform(
                        productForm(post("/products/" + product.id()), producer.id(), "Khô cá lóc (tỉnh)")
                                .param("version", "0")
                                .with(as(TestUsers.provinceOfficer("82"))))
                .andExpect(status().isConflict())));
        assertThat(page)
                .contains("Bản ghi đã được người khác thay đổi. Vui lòng tải lại và thực hiện lại.")
                .contains("value=\"Khô cá lóc (xã)\"")
                .contains("Khô cá lóc (tỉnh)")
                .contains("name=\"version\" value=\"1\"");
        assertThat(products.get(product.id(), admin).name()).isEqualTo("Khô cá lóc (xã)");
    }

    @Test
    void producerAccountRegistersProductsForItsOwnProducerOnly() throws Exception {
        ProducerView own = producers.register(aCooperative("HTX Tự đăng ký", CAO_LANH), admin);
        ProducerView other = producers.register(aCooperative("HTX Người khác", CAO_LANH), admin);
        CurrentUser account = TestUsers.producerAccount(own.id());

        assertThat(body(mvc.perform(get("/products/new").with(as(account))).andExpect(status().isOk())))
                .contains("HTX Tự đăng ký (" + own.taxCode() + ")")
                .doesNotContain("HTX Người khác");
        // A forged producer id is replaced by the account's own producer.
        // (A word of its own in the name: other tests of the shared database make products too.)
        String word = "q" + Long.toString(System.nanoTime(), 36);
        mvc.perform(productForm(post("/products"), other.id(), "Bánh tét lá cẩm " + word)
                        .with(as(account)))
                .andExpect(status().isFound());
        assertThat(products.search(
                                new ProductQuery(
                                        "banh tet la cam " + word, null, null, null, null, null, null, null, null),
                                0,
                                10,
                                admin)
                        .items())
                .extracting(ProductSummary::producerId)
                .containsExactly(own.id());
        ProductView others = products.register(aProduct(other.id(), "Sản phẩm người khác", 7), admin);
        mvc.perform(get("/products/" + others.id()).with(as(account))).andExpect(status().isForbidden());
        assertThat(body(mvc.perform(get("/products").with(as(account))).andExpect(status().isOk())))
                .contains("Bánh tét lá cẩm")
                .doesNotContain("Sản phẩm người khác")
                .doesNotContain("/registry/export")
                .doesNotContain("/registry/import");
    }

    @Test
    void officersChooseAmongProducersOfTheirJurisdiction() throws Exception {
        producers.register(aCooperative("HTX Chọn được Cao Lãnh", CAO_LANH), admin);
        producers.register(aCooperative("HTX Chọn được Sa Đéc", SA_DEC), admin);
        assertThat(body(mvc.perform(get("/products/producer-options")
                                .param("producerQuery", "chon duoc")
                                .with(as(TestUsers.communeOfficer(CAO_LANH))))
                        .andExpect(status().isOk())))
                .contains("HTX Chọn được Cao Lãnh")
                .doesNotContain("HTX Chọn được Sa Đéc");
        assertThat(body(mvc.perform(get("/products/new")
                                .param("producerQuery", "chon duoc")
                                .with(as(TestUsers.provinceOfficer("82"))))
                        .andExpect(status().isOk())))
                .contains("HTX Chọn được Cao Lãnh")
                .contains("HTX Chọn được Sa Đéc");
        mvc.perform(get("/products/new").with(as(TestUsers.councilMember("82"))))
                .andExpect(status().isForbidden());
    }

    @Test
    void producerDetailLoadsItsProducts() throws Exception {
        ProducerView producer = producers.register(aCooperative("HTX Có sản phẩm", CAO_LANH), admin);
        products.register(aProduct(producer.id(), "Bột sen", 7), admin);
        mvc.perform(get("/products/of-producer/" + producer.id()).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Bột sen")))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(get("/products/of-producer/" + producer.id()).with(as(TestUsers.communeOfficer(SA_DEC))))
                .andExpect(status().isForbidden());
    }

    private static String body(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString();
    }

    private static MockHttpServletRequestBuilder productForm(
            MockHttpServletRequestBuilder request, long producerId, String name) {
        return request.param("producerId", Long.toString(producerId))
                .param("name", name)
                .param("criteriaSetNo", "4")
                .param("description", "Mật ong nguyên chất từ rừng tràm")
                .param("ingredients", "Mật ong hoa tràm 100%")
                .param("rawMaterialArea", "Rừng tràm U Minh Hạ")
                .param("standards", "TCVN 12605:2019")
                .param("packaging", "Chai thủy tinh 500 ml")
                .param("priceMin", "85.000")
                .param("priceMax", "120 000 đ")
                .param("shelfLife", "24 tháng")
                .param("status", "ACTIVE")
                .param("links[0].platform", "")
                .param("links[0].url", "")
                .with(csrf());
    }
}
