package vn.ocop.traceability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import vn.ocop.IntegrationTest;
import vn.ocop.RegistryFixtures;
import vn.ocop.TestUsers;
import vn.ocop.certification.Certificate;
import vn.ocop.certification.Certification;
import vn.ocop.certification.IssuedCertificates;
import vn.ocop.certification.RevocationGround;
import vn.ocop.evaluation.CouncilScoring;
import vn.ocop.evaluation.Dossiers;
import vn.ocop.evaluation.EvaluationRounds;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.product.ProductRegistry;
import vn.ocop.shared.OcopClock;
import vn.ocop.shared.OcopException;
import vn.ocop.traceability.LotCommands.ChangeStatus;

/**
 * The public side: a scan shows the product, lot, events and the live certificate; revocation, suspension, recall and
 * inactive stamps show on the next scan; no session. Unknown and malformed codes, and a scan the log cannot take, are
 * in {@link ScanLogAloneIntegrationTests}.
 */
@IntegrationTest
class PublicTraceIntegrationTests {

    @Autowired
    ProducerRegistry producers;

    @Autowired
    ProductRegistry products;

    @Autowired
    Lots lots;

    @Autowired
    StampBatches batches;

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
    vn.ocop.evaluation.DossierFixtures dossierFixtures;

    @Autowired
    MockMvc mvc;

    @Autowired
    PublicTrace trace;

    TraceFixtures fixtures;
    IssuedCertificates issued;

    @BeforeEach
    void fixtures() {
        fixtures = new TraceFixtures(producers, products, lots, batches, jdbc);
        issued = new IssuedCertificates(
                producers, products, rounds, dossiers, scoring, certification, jdbc, dossierFixtures);
    }

    @Test
    void theScanApiShowsProductLotEventsShopsAndTheCertificateAndLogsTheScan() throws Exception {
        long product = fixtures.certifiedProduct("Nước mắm Phú Quốc truy xuất");
        LotView lot = fixtures.lot(product, null);
        fixtures.event(lot.id(), LotEventType.RECEIVED, "Cá cơm than tươi từ tàu QN-1234");
        fixtures.event(lot.id(), LotEventType.PACKED, "Đóng chai 500 ml");
        StampCode code = fixtures.codes(fixtures.activeBatch(lot.id(), 5).id()).get(2);

        MvcResult result = mvc.perform(
                        get("/api/v1/stamps/" + code.grouped().toLowerCase().replace(' ', '-'))
                                .header("User-Agent", "Mozilla/5.0 (Linux; Android 14) Zalo/24.1"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.outcome").value("GENUINE"))
                .andExpect(jsonPath("$.code").value(code.text()))
                .andExpect(jsonPath("$.qrContent").value("http://localhost:8080/t/" + code.text()))
                .andExpect(jsonPath("$.lot.lotNumber").value(lot.lotNumber()))
                .andExpect(jsonPath("$.lot.product.name").value("Nước mắm Phú Quốc truy xuất"))
                .andExpect(jsonPath("$.lot.product.star").value(4))
                .andExpect(jsonPath("$.lot.product.communeName").value("Phường Cao Lãnh"))
                .andExpect(jsonPath("$.lot.product.provinceName").value("Tỉnh Đồng Tháp"))
                .andExpect(jsonPath("$.lot.product.shops[0].platform").value("Shopee"))
                .andExpect(jsonPath("$.lot.certificate.status").value("VALID"))
                .andExpect(jsonPath("$.lot.certificate.source").value("IMPORTED"))
                .andExpect(jsonPath("$.lot.events.length()").value(2))
                .andExpect(jsonPath("$.lot.events[0].type").value("RECEIVED"))
                .andExpect(jsonPath("$.batch.status").value("ACTIVE"))
                .andExpect(jsonPath("$.scanId").isNumber())
                .andReturn();
        long scanId =
                Long.parseLong(result.getResponse().getContentAsString().replaceAll(".*\"scanId\":(\\d+).*", "$1"));
        assertThat(jdbc.sql("SELECT outcome || '/' || channel || '/' || ua_family FROM scan WHERE id = ?")
                        .param(scanId)
                        .query(String.class)
                        .single())
                .isEqualTo("GENUINE/API/Zalo");
    }

    @Test
    void aRevokedCertificateShowsOnTheNextScanAndTheStarIsGone() throws Exception {
        Certificate certificate = issued.province(
                "Hạt sen Tháp Mười truy xuất", LocalDate.now(OcopClock.VIETNAM).minusMonths(2));
        LotView lot = fixtures.lot(certificate.productId(), null);
        StampCode code = fixtures.codes(fixtures.activeBatch(lot.id(), 2).id()).get(0);
        mvc.perform(get("/t/" + code.text()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tem chính hãng")))
                .andExpect(content().string(containsString("/verify/" + certificate.number())))
                .andExpect(content().string(containsString("★★★★")));

        certification.suspend(
                certificate.number(),
                "Hậu kiểm",
                "12/QĐ-TĐC",
                LocalDate.now(OcopClock.VIETNAM),
                TestUsers.provinceOfficer(RegistryFixtures.DONG_THAP));
        mvc.perform(get("/t/" + code.text()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Giấy chứng nhận OCOP đang bị tạm đình chỉ")))
                .andExpect(content().string(not(containsString("★★★★"))))
                .andExpect(content().string(not(containsString("4 sao"))))
                .andExpect(
                        content().string(containsString("Không hiển thị sao vì giấy chứng nhận không còn hiệu lực.")));
        // The JSON says the same as the page and the certificate API: no star while suspended, anywhere.
        mvc.perform(get("/api/v1/stamps/" + code.text()))
                .andExpect(jsonPath("$.lot.certificate.status").value("SUSPENDED"))
                .andExpect(jsonPath("$.lot.certificate.star").doesNotExist())
                .andExpect(jsonPath("$.lot.product.star").doesNotExist());

        certification.revoke(
                certificate.number(),
                RevocationGround.values()[0],
                "15/QĐ-UBND",
                LocalDate.now(OcopClock.VIETNAM),
                TestUsers.provinceOfficer(RegistryFixtures.DONG_THAP));
        mvc.perform(get("/t/" + code.text()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Giấy chứng nhận OCOP đã bị thu hồi")))
                .andExpect(content().string(containsString("Đã bị thu hồi")));
        mvc.perform(get("/api/v1/stamps/" + code.text()))
                .andExpect(jsonPath("$.outcome").value("CERT_REVOKED"))
                .andExpect(jsonPath("$.lot.certificate.status").value("REVOKED"))
                .andExpect(jsonPath("$.lot.product.star").doesNotExist());
    }

    @Test
    void aRecalledLotShowsItsRecallMessage() throws Exception {
        LotView lot = fixtures.lot(fixtures.certifiedProduct("Chả cá thác lác"), null);
        StampCode code = fixtures.codes(fixtures.activeBatch(lot.id(), 2).id()).get(1);
        lots.changeStatus(
                lot.id(),
                new ChangeStatus(StatusChange.RECALL, "Phát hiện vượt ngưỡng vi sinh; xin đổi trả tại nơi mua"),
                TraceFixtures.ADMIN);
        mvc.perform(get("/t/" + code.text()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("SẢN PHẨM ĐÃ BỊ THU HỒI")))
                .andExpect(content().string(containsString("Phát hiện vượt ngưỡng vi sinh; xin đổi trả tại nơi mua")));
        mvc.perform(get("/api/v1/stamps/" + code.text()))
                .andExpect(jsonPath("$.outcome").value("RECALLED"));
    }

    @Test
    void theLotViewKeptInMemoryFollowsNewAndWithdrawnEventsARecallAndAChangedRow() throws Exception {
        LotView lot = fixtures.lot(fixtures.certifiedProduct("Mắm tép chưng thịt truy xuất"), null);
        fixtures.event(lot.id(), LotEventType.RECEIVED, "Tép đồng tươi");
        StampCode code = fixtures.codes(fixtures.activeBatch(lot.id(), 2).id()).get(0);
        String scan = "/api/v1/stamps/" + code.text();
        mvc.perform(get(scan)).andExpect(jsonPath("$.lot.events.length()").value(1));
        mvc.perform(get(scan)).andExpect(jsonPath("$.lot.events.length()").value(1));

        LotView.Event packed = fixtures.event(lot.id(), LotEventType.PACKED, "Đóng hũ 200 g");
        mvc.perform(get(scan))
                .andExpect(jsonPath("$.lot.events.length()").value(2))
                .andExpect(jsonPath("$.lot.events[1].what").value("Đóng hũ 200 g"));

        lots.withdrawEvent(lot.id(), packed.id(), "Ghi nhầm lô", TraceFixtures.ADMIN);
        mvc.perform(get(scan)).andExpect(jsonPath("$.lot.events.length()").value(1));

        lots.changeStatus(lot.id(), new ChangeStatus(StatusChange.RECALL, "Thu hồi để kiểm tra"), TraceFixtures.ADMIN);
        mvc.perform(get(scan))
                .andExpect(jsonPath("$.outcome").value("RECALLED"))
                .andExpect(jsonPath("$.lot.statusMessage").value("Thu hồi để kiểm tra"));

        // Any change of the product's row (here by hand) is seen at the next scan too.
        jdbc.sql("UPDATE trace_product SET product_name = 'Mắm tép đổi tên' WHERE product_id = ?")
                .param(lot.productId())
                .update();
        mvc.perform(get(scan)).andExpect(jsonPath("$.lot.product.name").value("Mắm tép đổi tên"));
    }

    @Test
    void inactiveAndSuspendedStampsWarnTheBuyer() throws Exception {
        LotView lot = fixtures.lot(fixtures.certifiedProduct("Bánh pía sầu riêng"), null);
        LotView.Batch batch = batches.generate(lot.id(), new LotCommands.GenerateBatch(2), TraceFixtures.ADMIN);
        StampCode code = fixtures.codes(batch.id()).get(0);
        mvc.perform(get("/api/v1/stamps/" + code.text()))
                .andExpect(jsonPath("$.outcome").value("INACTIVE"));
        batches.changeStatus(batch.id(), new ChangeStatus(StatusChange.ACTIVATE, null), TraceFixtures.ADMIN);
        batches.changeStatus(
                batch.id(), new ChangeStatus(StatusChange.SUSPEND, "Tem thất lạc tại xưởng in"), TraceFixtures.ADMIN);
        mvc.perform(get("/t/" + code.text()))
                .andExpect(content().string(containsString("Sản phẩm đang tạm ngừng lưu hành")))
                .andExpect(content().string(containsString("Tem thất lạc tại xưởng in")));
    }

    @Test
    void publicPagesSetNoSessionCookie() throws Exception {
        StampCode code = fixtures.aGenuineStamp("Kẹo dừa không phiên");
        for (String path : List.of("/t", "/t/" + code.text(), "/t/AAAA", "/api/v1/stamps/" + code.text())) {
            MvcResult result = mvc.perform(get(path)).andReturn();
            assertThat(result.getResponse().getHeaders("Set-Cookie"))
                    .as(path)
                    .noneMatch(c -> c.startsWith("OCOPSESSION"));
            assertThat(result.getRequest().getSession(false)).as(path).isNull();
        }
    }

    @Test
    void aBrowserMayAddACoarseLocationToItsOwnScanOnce() throws Exception {
        StampCode code = fixtures.aGenuineStamp("Trà sen Hồ Tây vị trí");
        String body = mvc.perform(get("/api/v1/stamps/" + code.text()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long scanId = Long.parseLong(body.replaceAll(".*\"scanId\":(\\d+).*", "$1"));
        String hanoi = "{\"latitude\": 21.02851, \"longitude\": 105.85417}";
        mvc.perform(post("/api/v1/stamps/" + code.text() + "/scans/" + scanId + "/location")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(hanoi))
                .andExpect(status().isNoContent());
        assertThat(jdbc.sql("SELECT province_code || ' ' || lat || ' ' || lon FROM scan WHERE id = ?")
                        .param(scanId)
                        .query(String.class)
                        .single())
                .isEqualTo("01 21.0 105.9");
        mvc.perform(post("/api/v1/stamps/" + code.text() + "/scans/" + scanId + "/location")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(hanoi))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("TRC-023"));
        StampCode other = fixtures.aGenuineStamp("Trà khác vị trí");
        mvc.perform(post("/api/v1/stamps/" + other.text() + "/scans/" + scanId + "/location")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(hanoi))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/stamps/" + code.text() + "/scans/" + scanId + "/location")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"latitude\": 500, \"longitude\": 1}"))
                .andExpect(status().isBadRequest());
    }

    /**
     * Scans arriving together share the writer's lookup and insert: each still gets its own stamp, lot, outcome and
     * log entry, whatever else its batch holds (stamps of an active lot, of a recalled lot, of an inactive batch, and
     * codes no stamp has, interleaved and scanned from many threads at once).
     */
    @Test
    void scansLookedUpAndLoggedTogetherEachGetTheirOwnStampOutcomeAndLogEntry() throws Exception {
        LotView active = fixtures.lot(fixtures.certifiedProduct("Trà shan tuyết lô chung"), null);
        LotView recalled = fixtures.lot(fixtures.certifiedProduct("Miến dong lô chung"), null);
        List<StampCode> genuine =
                fixtures.codes(fixtures.activeBatch(active.id(), 12).id());
        List<StampCode> ofRecalled =
                fixtures.codes(fixtures.activeBatch(recalled.id(), 12).id());
        List<StampCode> inactive =
                fixtures.codes(batches.generate(active.id(), new LotCommands.GenerateBatch(12), TraceFixtures.ADMIN)
                        .id());
        lots.changeStatus(
                recalled.id(), new ChangeStatus(StatusChange.RECALL, "Thu hồi lô chung"), TraceFixtures.ADMIN);
        Map<String, String> expected = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            expected.put(genuine.get(i).text(), "GENUINE/" + active.lotNumber());
            expected.put(ofRecalled.get(i).text(), "RECALLED/" + recalled.lotNumber());
            expected.put(inactive.get(i).text(), "INACTIVE/" + active.lotNumber());
            expected.put(StampCode.of(StampCodes.generate(1)).text(), "UNKNOWN");
        }

        ExecutorService pool = Executors.newFixedThreadPool(16);
        Map<String, Future<String>> answers = new LinkedHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        for (String code : expected.keySet()) {
            answers.put(code, pool.submit(() -> {
                start.await();
                try {
                    PublicTrace.StampScan scan = trace.scan(code, PublicTrace.Channel.API, "wrk-bench", null, null);
                    String logged = jdbc.sql("SELECT encode(code, 'hex') || '/' || outcome FROM scan WHERE id = ?")
                            .param(scan.scanId())
                            .query(String.class)
                            .single();
                    assertThat(logged)
                            .isEqualTo(HexFormat.of()
                                            .formatHex(StampCode.parse(code)
                                                    .orElseThrow()
                                                    .bytes()) + "/" + scan.outcome());
                    return scan.outcome() + "/" + scan.lot().lotNumber();
                } catch (OcopException notFound) {
                    assertThat(notFound.errorCode()).isEqualTo(TraceabilityError.STAMP_NOT_FOUND);
                    return "UNKNOWN";
                }
            }));
        }
        start.countDown();
        Map<String, String> got = new LinkedHashMap<>();
        for (var answer : answers.entrySet()) {
            got.put(answer.getKey(), answer.getValue().get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(got).isEqualTo(expected);
    }
}
