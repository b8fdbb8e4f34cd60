package vn.ocop.reporting;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.ocop.TestUsers.as;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import vn.ocop.IntegrationTest;
import vn.ocop.TestUsers;
import vn.ocop.identity.CurrentUser;

/**
 * The report, plan and support pages through the real security chain: Vietnamese first, bad input shown on the page,
 * another jurisdiction refused, downloads in both formats, the legacy scheme and the comparison of provinces.
 */
@IntegrationTest
@org.junit.jupiter.api.parallel.ResourceLock(vn.ocop.SharedState.PLANS_OF_44) // adopts plans of 44 for this year
class ReportingPagesIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    private final CurrentUser officer = TestUsers.provinceOfficer(ReportingDataset.PROVINCE);

    @BeforeEach
    void dataset() {
        ReportingDataset.in(context);
    }

    @Test
    void reportPagesShowTheUnitsFiguresAndRefuseOtherJurisdictions() throws Exception {
        mvc.perform(get("/reports").with(as(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"vi\"")))
                .andExpect(content().string(containsString("Báo cáo OCOP")))
                .andExpect(content().string(containsString("Tỉnh Quảng Trị")))
                .andExpect(content().string(containsString("<svg")))
                .andExpect(content().string(containsString("Sản phẩm theo hạng sao")));
        mvc.perform(get("/reports")
                        .param("edition", "legacy")
                        .param("unit", "45")
                        .with(as(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Đơn vị hành chính trước sắp xếp")));
        mvc.perform(get("/reports").param("unit", "82").with(as(officer))).andExpect(status().isForbidden());
        mvc.perform(get("/reports").with(as(TestUsers.councilMember("44")))).andExpect(status().isForbidden());
        mvc.perform(get("/reports/provinces").with(as(officer))).andExpect(status().isForbidden());
        mvc.perform(get("/reports/provinces").param("edition", "legacy").with(as(TestUsers.centralOffice())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tỉnh Quảng Bình")))
                .andExpect(content().string(not(containsString("class=\"choropleth\""))));
        mvc.perform(get("/reports/provinces").with(as(TestUsers.centralOffice())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("class=\"choropleth\"")));
        mvc.perform(get("/reports")
                        .param("asOf", "2025-01-01")
                        .param("from", "2025-06-01")
                        .with(as(officer)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Ngày hoặc khoảng thời gian không hợp lệ")));
        mvc.perform(get("/reports").param("asOf", "hôm qua").with(as(officer)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Ngày không hợp lệ")));
        mvc.perform(get("/reports").param("lang", "en").with(as(officer)))
                .andExpect(content().string(containsString("OCOP report")));
    }

    @Test
    void everyReportDownloadsAsXlsxAndPdf() throws Exception {
        for (String path : new String[] {"/reports/export", "/reports/support/export"}) {
            mvc.perform(get(path).param("format", "xlsx").with(as(officer)))
                    .andExpect(status().isOk())
                    .andExpect(header().string(
                                    "Content-Type",
                                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
            mvc.perform(get(path).param("format", "pdf").with(as(officer)))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Type", "application/pdf"));
        }
        mvc.perform(get("/reports/provinces/export").param("format", "pdf").with(as(TestUsers.centralOffice())))
                .andExpect(status().isOk());
        mvc.perform(get("/reports/export").param("format", "doc").with(as(officer)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void planFormShowsErrorsOnItsFieldsAndSavesAValidPlan() throws Exception {
        mvc.perform(get("/plans/new").with(as(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Lập kế hoạch")));
        mvc.perform(post("/plans")
                        .param("unit", "44")
                        .param("firstYear", "2026")
                        .param("lastYear", "2026")
                        .param("title", "")
                        .param("targets[0].type", "SHARE_COOPERATIVES")
                        .param("targets[0].planned", "140")
                        .with(csrf())
                        .with(as(officer)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Vui lòng sửa các lỗi sau")))
                .andExpect(content().string(containsString("Tên kế hoạch")));
        mvc.perform(post("/plans")
                        .param("unit", "44")
                        .param("firstYear", "2026")
                        .param("lastYear", "2026")
                        .param("title", "Kế hoạch trang")
                        .param("targets[0].type", "SHARE_COOPERATIVES")
                        .param("targets[0].planned", "140")
                        .with(csrf())
                        .with(as(officer)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("vượt quá 100 %")));
        mvc.perform(post("/plans")
                        .param("unit", "44")
                        .param("firstYear", "2026")
                        .param("lastYear", "2026")
                        .param("title", "Kế hoạch trang")
                        .param("targets[0].type", "SHARE_COOPERATIVES")
                        .param("targets[0].planned", "40")
                        .with(csrf())
                        .with(as(TestUsers.centralOffice())))
                .andExpect(status().isForbidden());
        mvc.perform(post("/plans")
                        .param("unit", "44")
                        .param("firstYear", "2026")
                        .param("lastYear", "2026")
                        .param("title", "Kế hoạch trang")
                        .param("targets[0].type", "SHARE_COOPERATIVES")
                        .param("targets[0].planned", "40")
                        .param("targets[3].type", "")
                        .with(csrf())
                        .with(as(officer)))
                .andExpect(status().isFound())
                .andExpect(redirectedUrlPattern("/plans/*"));
    }

    @Test
    void supportFormRecordsInTheOfficersUnitAndRefusesOthers() throws Exception {
        mvc.perform(post("/support-activities")
                        .param("kind", "TRAINING")
                        .param("title", "")
                        .param("heldOn", "2026-03-01")
                        .param("unit", "44")
                        .with(csrf())
                        .with(as(officer)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Vui lòng sửa các lỗi sau")));
        mvc.perform(post("/support-activities")
                        .param("kind", "TRAINING")
                        .param("title", "Tập huấn")
                        .param("heldOn", "2026-03-01")
                        .param("unit", "82")
                        .with(csrf())
                        .with(as(officer)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/support-activities")
                        .param("kind", "TRAINING")
                        .param("title", "Tập huấn trang")
                        .param("heldOn", "2026-03-01")
                        .param("unit", "44")
                        .with(csrf())
                        .with(as(officer)))
                .andExpect(status().isFound())
                .andExpect(redirectedUrlPattern("/support-activities/*"));
        mvc.perform(get("/support-activities").with(as(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tập huấn trang")));
        mvc.perform(get("/support-activities").with(as(TestUsers.producerAccount(1))))
                .andExpect(status().isForbidden());
    }
}
