package vn.ocop.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.ocop.RegistryFixtures.BA_DINH;
import static vn.ocop.RegistryFixtures.CAO_LANH;
import static vn.ocop.RegistryFixtures.SA_DEC;
import static vn.ocop.RegistryFixtures.aCooperative;
import static vn.ocop.RegistryFixtures.aProducer;
import static vn.ocop.TestUsers.as;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;
import vn.ocop.IntegrationTest;
import vn.ocop.RegistryFixtures;
import vn.ocop.TestUsers;
import vn.ocop.identity.CurrentUser;

/** The producer pages through the real security chain: list, search, filters, forms, jurisdiction, conflicts. */
@IntegrationTest
class ProducerPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ProducerRegistry producers;

    @Autowired
    JdbcClient jdbc;

    private final CurrentUser admin = TestUsers.admin();

    @Test
    void listIsVietnameseAndSearchIgnoresAccentsAndCase() throws Exception {
        producers.register(aCooperative("HTX Nước mắm Hàm Ninh Trăng", SA_DEC), admin);

        mvc.perform(get("/producers").param("q", "NUOC mam ham ninh trang").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"vi\"")))
                .andExpect(content().string(containsString("Chủ thể OCOP")))
                .andExpect(content().string(containsString("HTX Nước mắm Hàm Ninh Trăng")))
                .andExpect(content().string(containsString("Tìm thấy 1 chủ thể")))
                .andExpect(content().string(containsString("Phường Sa Đéc")))
                .andExpect(content().string(containsString("Đăng ký chủ thể")));
        // Live search (htmx) gets the results region only.
        mvc.perform(get("/producers")
                        .param("q", "ham ninh trang")
                        .header("HX-Request", "true")
                        .with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(containsString("id=\"results\"")))
                .andExpect(content().string(containsString("HTX Nước mắm Hàm Ninh Trăng")));
        mvc.perform(get("/producers")
                        .param("q", "ham ninh trang")
                        .param("lang", "en")
                        .with(as(admin)))
                .andExpect(content().string(containsString("OCOP producers")))
                .andExpect(content().string(containsString("1 producers found")));
    }

    @Test
    void filtersSortAndPageLinksKeepTheFilters() throws Exception {
        for (int i = 1; i <= 23; i++) {
            producers.register(aCooperative("HTX Phân trang %02d".formatted(i), CAO_LANH), admin);
        }
        producers.register(aProducer(LegalType.ENTERPRISE, "Công ty Phân trang khác loại", CAO_LANH), admin);
        producers.register(aCooperative("HTX Phân trang xã khác", SA_DEC), admin);

        String page0 = mvc.perform(get("/producers")
                        .param("q", "phan trang")
                        .param("province", "82")
                        .param("commune", CAO_LANH)
                        .param("type", "COOPERATIVE")
                        .with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tìm thấy 23 chủ thể")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page0)
                .contains("HTX Phân trang 01")
                .doesNotContain("HTX Phân trang 21")
                .doesNotContain("Công ty Phân trang khác loại")
                .doesNotContain("HTX Phân trang xã khác")
                .contains("/producers?q=phan%20trang&amp;province=82&amp;commune=29869&amp;type=COOPERATIVE&amp;page=1")
                .contains("/registry/export/producers.xlsx?q=phan%20trang&amp;province=82&amp;commune=29869"
                        + "&amp;type=COOPERATIVE")
                .contains("/registry/export/producers.csv?q=phan%20trang")
                .contains("/registry/import");
        mvc.perform(get("/producers")
                        .param("q", "phan trang")
                        .param("province", "82")
                        .param("commune", CAO_LANH)
                        .param("type", "COOPERATIVE")
                        .param("page", "1")
                        .with(as(admin)))
                .andExpect(content().string(containsString("HTX Phân trang 21")))
                .andExpect(content().string(containsString("HTX Phân trang 23")))
                .andExpect(content().string(not(containsString("HTX Phân trang 01<"))))
                .andExpect(content().string(containsString("aria-current=\"page\"")));
        // A commune of another province (left over after changing the province) is ignored, not an empty list.
        mvc.perform(get("/producers")
                        .param("q", "phan trang")
                        .param("province", "82")
                        .param("commune", BA_DINH)
                        .with(as(admin)))
                .andExpect(content().string(containsString("Tìm thấy 25 chủ thể")));
    }

    @Test
    void communeOfficerGetsTheErrorPageForAnotherCommunesProducer() throws Exception {
        ProducerView inSaDec = producers.register(aCooperative("HTX Hoa kiểng Tân Quy Đông", SA_DEC), admin);
        CurrentUser caoLanh = TestUsers.communeOfficer(CAO_LANH);

        for (String page : new String[] {"/producers/" + inSaDec.id(), "/producers/" + inSaDec.id() + "/edit"}) {
            mvc.perform(get(page).with(as(caoLanh)))
                    .andExpect(status().isForbidden())
                    .andExpect(content().string(containsString("Bạn không có quyền thực hiện thao tác này")));
        }
        mvc.perform(form(post("/producers/" + inSaDec.id()), "HTX đổi tên trái phép", inSaDec.taxCode(), SA_DEC)
                        .param("version", Long.toString(inSaDec.version()))
                        .with(as(caoLanh)))
                .andExpect(status().isForbidden());
        assertThat(producers.get(inSaDec.id(), admin).name()).isEqualTo("HTX Hoa kiểng Tân Quy Đông");
        // Their list is limited to their commune: province and commune are fixed, the other commune's producer absent.
        mvc.perform(get("/producers").param("q", "hoa kieng tan quy dong").with(as(caoLanh)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tìm thấy 0 chủ thể")))
                .andExpect(content().string(containsString("Phường Cao Lãnh (29869)")));
        mvc.perform(get("/producers/999999999").with(as(admin)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Không tìm thấy chủ thể 999999999")));
    }

    @Test
    void registersAndEditsAProducerThroughTheForms() throws Exception {
        mvc.perform(get("/producers/new").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Đăng ký chủ thể")))
                .andExpect(content().string(containsString("Tỉnh Đồng Tháp")));

        String taxCode = RegistryFixtures.aTaxCode();
        String location = mvc.perform(form(post("/producers"), "HTX Xoài cát Hòa Lộc", taxCode, CAO_LANH)
                        .param("communeCodeTyped", SA_DEC)
                        .param("craftVillageName", " Làng nghề xoài Hòa Lộc ")
                        .with(as(admin)))
                .andExpect(status().isFound())
                .andExpect(redirectedUrlPattern("/producers/*"))
                .andExpect(flash().attribute("saved", "producer.registered"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        ProducerView created = producers.get(id, admin);
        // The typed commune code wins over the picked one.
        assertThat(created.communeCode()).isEqualTo(SA_DEC);
        assertThat(created.sme()).isTrue();
        assertThat(created.foundedYear()).isEqualTo(2012);
        // A named craft village sets the flag.
        assertThat(created.craftVillageName()).isEqualTo("Làng nghề xoài Hòa Lộc");
        assertThat(created.craftVillage()).isTrue();

        mvc.perform(get("/producers/" + id).with(as(admin)))
                .andExpect(content().string(containsString("Thuộc làng nghề: Làng nghề xoài Hòa Lộc")))
                .andExpect(content().string(containsString("HTX Xoài cát Hòa Lộc")))
                .andExpect(content().string(containsString("Phường Sa Đéc")));
        mvc.perform(get("/producers/" + id + "/edit").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"version\" value=\"0\"")));
        mvc.perform(form(post("/producers/" + id), "HTX Xoài cát Hòa Lộc Sa Đéc", taxCode, SA_DEC)
                        .param("version", "0")
                        .with(as(TestUsers.communeOfficer(SA_DEC))))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("saved", "producer.updated"));
        assertThat(producers.get(id, admin).name()).isEqualTo("HTX Xoài cát Hòa Lộc Sa Đéc");
    }

    @Test
    void formShowsFieldErrorsFromValidationAndFromTheRegistry() throws Exception {
        mvc.perform(post("/producers")
                        .param("legalType", "")
                        .param("name", "")
                        .param("taxCode", "0312345678")
                        .param("communeCode", CAO_LANH)
                        .param("foundedYear", "năm ngoái")
                        .param("email", "not-an-email")
                        .with(csrf())
                        .with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Vui lòng sửa các lỗi sau")))
                .andExpect(content().string(containsString("Tên chủ thể: không được để trống")))
                .andExpect(content().string(containsString("Loại hình: là bắt buộc")))
                .andExpect(content().string(containsString("Năm thành lập: giá trị không hợp lệ")))
                .andExpect(content().string(containsString("không phải địa chỉ thư điện tử hợp lệ")))
                .andExpect(content().string(containsString("aria-invalid=\"true\"")));
        mvc.perform(form(post("/producers"), "HTX Mã sai", "12345", CAO_LANH).with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("phải gồm 10 hoặc 13 chữ số")))
                .andExpect(content().string(containsString("id=\"taxCode-error\"")));
        ProducerView existing = producers.register(aCooperative("HTX Đã có mã", CAO_LANH), admin);
        mvc.perform(form(post("/producers"), "HTX Trùng mã", existing.taxCode(), CAO_LANH)
                        .with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("đã được đăng ký cho một chủ thể khác")));
        mvc.perform(form(post("/producers"), "HTX Xã không tồn tại", RegistryFixtures.aTaxCode(), "99999")
                        .with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Không có đơn vị hành chính mã 99999")));
        // Without JavaScript, "show communes" reloads the form with the chosen province's communes, saving nothing.
        mvc.perform(post("/producers")
                        .param("province", "82")
                        .param("reload", "communes")
                        .param("name", "HTX chưa lưu")
                        .with(csrf())
                        .with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Phường Cao Lãnh (29869)")))
                .andExpect(content().string(containsString("value=\"HTX chưa lưu\"")));
    }

    @Test
    void staleVersionShowsTheConflictAndTheSavedDataAndOverwritesNothing() throws Exception {
        ProducerView producer = producers.register(aCooperative("HTX Chè Shan tuyết", CAO_LANH), admin);
        String version = Long.toString(producer.version());
        mvc.perform(form(
                                post("/producers/" + producer.id()),
                                "HTX Chè Shan tuyết (cán bộ xã)",
                                producer.taxCode(),
                                CAO_LANH)
                        .param("version", version)
                        .with(as(TestUsers.communeOfficer(CAO_LANH))))
                .andExpect(status().isFound());

        String page = mvc.perform(form(
                                post("/producers/" + producer.id()),
                                "HTX Chè Shan tuyết (cán bộ tỉnh)",
                                producer.taxCode(),
                                CAO_LANH)
                        .param("version", version)
                        .with(as(TestUsers.provinceOfficer("82"))))
                .andExpect(status().isConflict())
                .andReturn()
                .getResponse()
                .getContentAsString();
        // The saved data fills the form (with the new version); what this officer typed is listed, not saved.
        assertThat(HtmlUtils.htmlUnescape(page))
                .contains("Bản ghi đã được người khác thay đổi. Vui lòng tải lại và thực hiện lại.")
                .contains("id=\"name\" name=\"name\" value=\"HTX Chè Shan tuyết (cán bộ xã)\"")
                .contains("<span>HTX Chè Shan tuyết (cán bộ tỉnh)</span>")
                .contains("name=\"version\" value=\"1\"");
        assertThat(producers.get(producer.id(), admin).name()).isEqualTo("HTX Chè Shan tuyết (cán bộ xã)");
    }

    @Test
    void producerAccountSeesAndEditsItsOwnProducerOnly() throws Exception {
        ProducerView own = producers.register(aCooperative("HTX Của tôi Mỹ Xương", CAO_LANH), admin);
        ProducerView other = producers.register(aCooperative("HTX Hàng xóm Mỹ Xương", CAO_LANH), admin);
        CurrentUser account = TestUsers.producerAccount(own.id());

        mvc.perform(get("/producers").param("q", "my xuong").with(as(account)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("HTX Của tôi Mỹ Xương")))
                .andExpect(content().string(not(containsString("HTX Hàng xóm Mỹ Xương"))))
                .andExpect(content().string(not(containsString("Đăng ký chủ thể"))))
                .andExpect(content().string(not(containsString("/registry/export"))))
                .andExpect(content().string(not(containsString("/registry/import"))));
        mvc.perform(get("/producers/" + other.id()).with(as(account))).andExpect(status().isForbidden());
        mvc.perform(get("/producers/new").with(as(account))).andExpect(status().isForbidden());
        mvc.perform(get("/producers/" + own.id() + "/edit").with(as(account)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Phường Cao Lãnh (29869)")));
        mvc.perform(form(post("/producers/" + own.id()), "HTX Của tôi Mỹ Xương (mới)", own.taxCode(), CAO_LANH)
                        .param("version", Long.toString(own.version()))
                        .with(as(account)))
                .andExpect(status().isFound());
        assertThat(producers.get(own.id(), admin).name()).isEqualTo("HTX Của tôi Mỹ Xương (mới)");
        mvc.perform(get("/dashboard").with(as(account)))
                .andExpect(content().string(containsString("/producers/" + own.id())));
    }

    @Test
    void communeOptionsOfAProvinceForThePickers() throws Exception {
        mvc.perform(get("/admin-units/commune-options").param("province", "82").param("blank", "choose"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("— Chọn xã, phường, đặc khu —")))
                .andExpect(
                        content().string(containsString("<option value=\"29869\">Phường Cao Lãnh (29869)</option>")));
        mvc.perform(get("/admin-units/commune-options").param("province", "nope"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<option value=\"\">Tất cả</option>")))
                .andExpect(content().string(not(containsString("29869"))));
    }

    private static MockHttpServletRequestBuilder form(
            MockHttpServletRequestBuilder request, String name, String taxCode, String commune) {
        return request.param("legalType", "COOPERATIVE")
                .param("name", name)
                .param("taxCode", taxCode)
                .param("representative", "Lê Thị Hoa")
                .param("representativeTitle", "Giám đốc")
                .param("phone", "0277 3851 234")
                .param("email", "htx@example.vn")
                .param("website", "https://htx.example.vn")
                .param("address", "Ấp Mỹ Thuận")
                .param("communeCode", commune)
                .param("sme", "true")
                .param("womenLed", "true")
                .param("foundedYear", "2012")
                .param("members", "25")
                .param("employees", "40")
                .param("status", "ACTIVE")
                .with(csrf());
    }
}
