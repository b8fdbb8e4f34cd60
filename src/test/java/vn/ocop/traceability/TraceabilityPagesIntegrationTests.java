package vn.ocop.traceability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.ocop.TestUsers.as;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.ocop.IntegrationTest;
import vn.ocop.RegistryFixtures;
import vn.ocop.TestUsers;
import vn.ocop.identity.CurrentUser;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.product.ProductRegistry;
import vn.ocop.shared.OcopClock;

/** The producers' and officers' pages render for their people, and their forms record, refuse and explain. */
@IntegrationTest
class TraceabilityPagesIntegrationTests {

    @Autowired
    ProducerRegistry producers;

    @Autowired
    ProductRegistry products;

    @Autowired
    Lots lots;

    @Autowired
    StampBatches batches;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    TraceFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new TraceFixtures(producers, products, lots, batches, jdbc);
    }

    @Test
    void aProducerRecordsALotAnEventAndStampsFromThePages() throws Exception {
        long product = fixtures.certifiedProduct("Bột sắn dây Tam Nông");
        CurrentUser producer = TestUsers.producerAccount(fixtures.producerOf(product));
        mvc.perform(get("/traceability/lots/new").with(as(producer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Bột sắn dây Tam Nông")));
        mvc.perform(post("/traceability/lots")
                        .with(as(producer))
                        .with(csrf())
                        .param("productId", Long.toString(product))
                        .param("lotNumber", "BSD 01")
                        .param("gtin", "8935049501234")
                        .param(
                                "productionDate",
                                LocalDate.now(OcopClock.VIETNAM).toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Số lô BSD 01 không hợp lệ")));
        String location = mvc.perform(post("/traceability/lots")
                        .with(as(producer))
                        .with(csrf())
                        .param("productId", Long.toString(product))
                        .param("lotNumber", "BSD-01")
                        .param(
                                "productionDate",
                                LocalDate.now(OcopClock.VIETNAM).minusDays(2).toString())
                        .param(
                                "bestBefore",
                                LocalDate.now(OcopClock.VIETNAM).plusMonths(18).toString())
                        .param("quantity", "250")
                        .param("unit", "KGM"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/traceability/lots/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(post("/traceability/lots/" + id + "/events")
                        .with(as(producer))
                        .with(csrf())
                        .param("type", "PROCESSED")
                        .param(
                                "occurredAt",
                                // yesterday: this morning's 8:30 is still ahead between midnight and 8:30
                                LocalDate.now(OcopClock.VIETNAM)
                                        .minusDays(1)
                                        .atTime(8, 30)
                                        .toString())
                        .param("place", "Xưởng Tam Nông")
                        .param("placeCommuneCode", RegistryFixtures.CAO_LANH)
                        .param("party", "HTX")
                        .param("what", "Lọc tinh bột, phơi khô"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("done", "event"));
        mvc.perform(post("/traceability/lots/" + id + "/events")
                        .with(as(producer))
                        .with(csrf())
                        .param("type", "PACKED")
                        .param(
                                "occurredAt",
                                LocalDate.now(OcopClock.VIETNAM)
                                        .plusDays(3)
                                        .atTime(8, 30)
                                        .toString())
                        .param("place", "Kho")
                        .param("party", "HTX")
                        .param("what", "x"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Thời điểm sự kiện không hợp lệ")));
        mvc.perform(post("/traceability/lots/" + id + "/batches")
                        .with(as(producer))
                        .with(csrf())
                        .param("quantity", "40"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("done", "generated"));
        String page = mvc.perform(get("/traceability/lots/" + id).with(as(producer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Lọc tinh bột, phơi khô")))
                .andExpect(content().string(containsString("Chưa kích hoạt")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long batch = jdbc.sql("SELECT id FROM stamp_batch WHERE lot_id = ?")
                .param(id)
                .query(Long.class)
                .single();
        assertThat(page).contains("/traceability/batches/" + batch + "/labels.pdf");
        mvc.perform(post("/traceability/batches/" + batch + "/status")
                        .with(as(producer))
                        .with(csrf())
                        .param("change", "ACTIVATE"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("done", "batch.ACTIVATE"));
        mvc.perform(get("/traceability/batches/" + batch + "/labels.pdf").with(as(producer)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"));
        mvc.perform(get("/traceability/batches/" + batch + "/stamps.csv").with(as(producer)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("tem-BSD-01-dot-1.csv")));
        mvc.perform(post("/traceability/lots/" + id + "/status")
                        .with(as(producer))
                        .with(csrf())
                        .param("change", "RECALL"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", containsString("Hãy nhập thông báo cho người mua")));
        mvc.perform(get("/traceability").with(as(producer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("BSD-01")));
        mvc.perform(get("/traceability/lots/" + id + "/epcis.jsonld").with(as(producer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("creating_class_instance")));
    }

    @Test
    void officersSeeTheirDashboardSectionSignalsAndScanStatistics() throws Exception {
        CurrentUser officer = TestUsers.provinceOfficer(RegistryFixtures.DONG_THAP);
        mvc.perform(get("/dashboard").with(as(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("traceability-section")))
                .andExpect(content().string(containsString("/traceability/signals?status=OPEN")));
        mvc.perform(get("/traceability/signals").with(as(officer))).andExpect(status().isOk());
        mvc.perform(get("/traceability/signals?status=OPEN&kind=HIGH_SCAN_RATE").with(as(officer)))
                .andExpect(status().isOk());
        mvc.perform(get("/traceability/scans?days=90").with(as(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("choropleth")));
        mvc.perform(get("/traceability").with(as(TestUsers.councilMember(RegistryFixtures.DONG_THAP))))
                .andExpect(status().isOk());
        mvc.perform(get("/traceability/lots/new").with(as(TestUsers.communeOfficer(RegistryFixtures.CAO_LANH))))
                .andExpect(status().isOk());
    }

    @Test
    void anotherJurisdictionsLotIsForbiddenAndAnUnknownOneNotFound() throws Exception {
        LotView lot = fixtures.lot(fixtures.certifiedProduct("Dưa hấu Tân Hồng"), null);
        mvc.perform(get("/traceability/lots/" + lot.id()).with(as(TestUsers.provinceOfficer("01"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/traceability/lots/99999999").with(as(TestUsers.provinceOfficer("01"))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/traceability/lots/" + lot.id())).andExpect(status().is3xxRedirection());
    }
}
