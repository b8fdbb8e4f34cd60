package vn.ocop.traceability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.ocop.TestUsers.as;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.ocop.IntegrationTest;
import vn.ocop.RegistryFixtures;
import vn.ocop.TestUsers;
import vn.ocop.identity.CurrentUser;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.product.ProductRegistry;
import vn.ocop.shared.OcopClock;
import vn.ocop.shared.OcopException;
import vn.ocop.traceability.LotCommands.ChangeStatus;
import vn.ocop.traceability.LotCommands.GenerateBatch;
import vn.ocop.traceability.LotCommands.RecordLot;
import vn.ocop.traceability.LotCommands.RecordLotEvent;

/** Recording lots and their events, generating and downloading stamps, suspending and recalling, by whom. */
@IntegrationTest
class LotsIntegrationTests {

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
    void producerRecordsALotOfItsCertifiedProductWithEventsAndAuditTrail() {
        long product = fixtures.certifiedProduct("Nước mắm cá linh");
        CurrentUser producer = TestUsers.producerAccount(fixtures.producerOf(product));
        LotView lot = lots.record(
                new RecordLot(
                        product,
                        "NM-2026.11",
                        "893 5049 50123 7",
                        LocalDate.now(OcopClock.VIETNAM).minusDays(2),
                        null,
                        null,
                        null,
                        null),
                producer);
        assertThat(lot.gtin()).isEqualTo("08935049501237");
        assertThat(lot.status()).isEqualTo(LotStatus.ACTIVE);
        assertThat(lot.publicKey()).hasSize(17);
        assertThat(lot.certificateNumber()).startsWith("82-TX-");
        lots.addEvent(
                lot.id(),
                new RecordLotEvent(
                        LotEventType.RECEIVED,
                        OffsetDateTime.now(OcopClock.VIETNAM).minusDays(3),
                        "Bến cá Hồng Ngự",
                        null,
                        "Tổ hợp tác đánh bắt cá linh",
                        "1,2 tấn cá linh non",
                        new java.math.BigDecimal("1.2"),
                        LotCommands.Unit.TNE,
                        null),
                producer);
        assertThat(lots.events(lot.id(), producer)).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(LotEventType.RECEIVED);
            assertThat(e.occurredAt().getOffset().getId()).isEqualTo("+07:00");
            assertThat(e.recordedBy()).isEqualTo(producer.username());
        });
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE object_type = 'lot' AND object_id = ?")
                        .param(Long.toString(lot.id()))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void refusesLotsOfUncertifiedProductsWrongGtinsAndRepeatedNumbers() {
        long uncertified = products.register(
                        RegistryFixtures.aProduct(
                                producers
                                        .register(
                                                RegistryFixtures.aCooperative(
                                                        "HTX chưa sao", RegistryFixtures.CAO_LANH),
                                                TraceFixtures.ADMIN)
                                        .id(),
                                "Bánh phồng tôm chưa xếp hạng",
                                3),
                        TraceFixtures.ADMIN)
                .id();
        assertError(() -> fixtures.lot(uncertified, null), TraceabilityError.PRODUCT_NOT_CERTIFIED);
        long product = fixtures.certifiedProduct("Bánh phồng tôm Sa Giang");
        assertError(() -> fixtures.lot(product, "8935049501234"), TraceabilityError.INVALID_GTIN);
        LotView first = fixtures.lot(product, "8935049501244");
        assertError(
                () -> lots.record(
                        new RecordLot(
                                product,
                                first.lotNumber(),
                                null,
                                LocalDate.now(OcopClock.VIETNAM),
                                null,
                                null,
                                null,
                                null),
                        TraceFixtures.ADMIN),
                TraceabilityError.LOT_NUMBER_TAKEN);
        long other = fixtures.certifiedProduct("Bánh tráng khác");
        assertError(() -> fixtures.lot(other, "8935049501244"), TraceabilityError.GTIN_OF_ANOTHER_PRODUCT);
        assertError(
                () -> lots.record(
                        new RecordLot(product, "LÔ-01", null, LocalDate.now(OcopClock.VIETNAM), null, null, null, null),
                        TraceFixtures.ADMIN),
                TraceabilityError.INVALID_LOT_NUMBER);
        assertError(
                () -> lots.record(
                        new RecordLot(
                                product,
                                "L-FUT",
                                null,
                                LocalDate.now(OcopClock.VIETNAM).plusDays(2),
                                null,
                                null,
                                null,
                                null),
                        TraceFixtures.ADMIN),
                TraceabilityError.INVALID_DATES);
    }

    @Test
    void officersRecordLotsOnlyInTheirJurisdictionAndCouncilMembersOnlyLook() {
        long product = fixtures.certifiedProduct("Xoài cát Hòa Lộc");
        RecordLot command =
                new RecordLot(product, "XC-01", null, LocalDate.now(OcopClock.VIETNAM), null, null, null, null);
        assertThatThrownBy(() -> lots.record(command, TestUsers.provinceOfficer("01")))
                .isInstanceOf(OcopException.class);
        assertThatThrownBy(() -> lots.record(command, TestUsers.councilMember(RegistryFixtures.DONG_THAP)))
                .isInstanceOf(OcopException.class);
        assertThatThrownBy(() -> lots.record(command, TestUsers.producerAccount(999_999)))
                .isInstanceOf(OcopException.class);
        LotView lot = lots.record(command, TestUsers.communeOfficer(RegistryFixtures.CAO_LANH));
        assertThat(lots.get(lot.id(), TestUsers.councilMember(RegistryFixtures.DONG_THAP))
                        .lotNumber())
                .isEqualTo("XC-01");
        assertThatThrownBy(() -> lots.get(lot.id(), TestUsers.communeOfficer(RegistryFixtures.SA_DEC)))
                .isInstanceOf(OcopException.class);
        assertThat(lots.list(Lots.LotQuery.all(), 0, 100, TestUsers.provinceOfficer("01"))
                        .items())
                .noneMatch(l -> l.id() == lot.id());
    }

    @Test
    void generatesBatchesOfUniqueCodesAndWritesThemForLabelPrinters() throws Exception {
        LotView lot = fixtures.lot(fixtures.certifiedProduct("Mật ong hoa tràm"), "8935049501251");
        LotView.Batch batch = batches.generate(lot.id(), new GenerateBatch(2_000), TraceFixtures.ADMIN);
        assertThat(batch.status()).isEqualTo(BatchStatus.CREATED);
        assertThat(batch.number()).isEqualTo(1);
        List<StampCode> codes = fixtures.codes(batch.id());
        assertThat(codes).hasSize(2_000);
        assertThat(new HashSet<>(codes)).hasSize(2_000);
        assertThat(batches.generate(lot.id(), new GenerateBatch(5), TraceFixtures.ADMIN)
                        .number())
                .isEqualTo(2);

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        batches.csv(batch.id(), TraceFixtures.ADMIN).writeTo(csv);
        List<String> lines = csv.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2_001);
        assertThat(lines.get(0)).isEqualTo("\uFEFFseq,code,code_printed,url,lot,gtin,product,batch");
        assertThat(lines.get(1))
                .startsWith("1," + codes.get(0).text() + "," + codes.get(0).grouped() + ",")
                .contains("http://localhost:8080/01/08935049501251/10/" + lot.lotNumber() + "/21/"
                        + codes.get(0).text())
                .contains("8935049501251")
                .contains("Mật ong hoa tràm");

        byte[] pdf = batches.labels(batch.id(), 1_990, 30, TraceFixtures.ADMIN);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("Mật ong hoa tràm")
                    .contains(codes.get(1_989).grouped())
                    .contains("#2000");
            assertThat(text).doesNotContain(codes.get(1_988).grouped());
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE object_type = 'stamp-batch' AND object_id = ?"
                                + " AND action = 'stamp-batch.exported'")
                        .param(Long.toString(batch.id()))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertError(() -> batches.labels(batch.id(), 1, 5_000, TraceFixtures.ADMIN), TraceabilityError.LABEL_RANGE);
        assertError(
                () -> batches.generate(lot.id(), new GenerateBatch(0), TraceFixtures.ADMIN),
                TraceabilityError.BATCH_SIZE);
    }

    @Test
    void codesAreOnlyForWhoMayChangeTheLot() {
        LotView lot = fixtures.lot(fixtures.certifiedProduct("Sen sấy Tháp Mười"), null);
        LotView.Batch batch = batches.generate(lot.id(), new GenerateBatch(3), TraceFixtures.ADMIN);
        for (CurrentUser outsider : List.of(
                TestUsers.councilMember(RegistryFixtures.DONG_THAP),
                TestUsers.provinceOfficer("01"),
                TestUsers.producerAccount(999_998))) {
            assertThatThrownBy(() -> batches.csv(batch.id(), outsider)).isInstanceOf(OcopException.class);
            assertThatThrownBy(() -> batches.labels(batch.id(), 1, 3, outsider)).isInstanceOf(OcopException.class);
            assertThatThrownBy(() -> batches.generate(lot.id(), new GenerateBatch(1), outsider))
                    .isInstanceOf(OcopException.class);
        }
    }

    @Test
    void anOfficersSuspensionIsLiftedByAnOfficerAndARecallIsFinal() {
        long product = fixtures.certifiedProduct("Gạo thơm Tràm Chim");
        LotView lot = fixtures.lot(product, null);
        CurrentUser producer = TestUsers.producerAccount(fixtures.producerOf(product));
        CurrentUser officer = TestUsers.provinceOfficer(RegistryFixtures.DONG_THAP);
        assertError(
                () -> lots.changeStatus(lot.id(), new ChangeStatus(StatusChange.SUSPEND, " "), officer),
                TraceabilityError.MESSAGE_REQUIRED);
        lots.changeStatus(lot.id(), new ChangeStatus(StatusChange.SUSPEND, "Đang kiểm tra mẫu"), officer);
        assertError(
                () -> lots.changeStatus(lot.id(), new ChangeStatus(StatusChange.REINSTATE, null), producer),
                TraceabilityError.SUSPENDED_BY_OFFICER);
        assertThat(lots.changeStatus(lot.id(), new ChangeStatus(StatusChange.REINSTATE, null), officer)
                        .status())
                .isEqualTo(LotStatus.ACTIVE);
        LotView recalled = lots.changeStatus(
                lot.id(), new ChangeStatus(StatusChange.RECALL, "Thu hồi do nhãn sai hạn dùng"), producer);
        assertThat(recalled.status()).isEqualTo(LotStatus.RECALLED);
        assertThat(recalled.statusMessage()).isEqualTo("Thu hồi do nhãn sai hạn dùng");
        assertError(
                () -> lots.changeStatus(lot.id(), new ChangeStatus(StatusChange.REINSTATE, null), officer),
                TraceabilityError.ILLEGAL_TRANSITION);
        assertError(() -> fixtures.event(lot.id(), LotEventType.SHIPPED, "x"), TraceabilityError.LOT_RECALLED);
        assertError(
                () -> batches.generate(lot.id(), new GenerateBatch(1), TraceFixtures.ADMIN),
                TraceabilityError.LOT_RECALLED);
    }

    @Test
    void aWithdrawnEventStaysOnRecordAndLeavesThePublicPage() {
        LotView lot = fixtures.lot(fixtures.certifiedProduct("Khô cá lóc"), null);
        LotView.Event wrong = fixtures.event(lot.id(), LotEventType.PACKED, "Đóng gói nhầm ngày");
        lots.withdrawEvent(lot.id(), wrong.id(), "Sai ngày đóng gói", TraceFixtures.ADMIN);
        assertThat(lots.events(lot.id(), TraceFixtures.ADMIN)).singleElement().satisfies(e -> {
            assertThat(e.withdrawn()).isTrue();
            assertThat(e.withdrawalReason()).isEqualTo("Sai ngày đóng gói");
        });
        assertError(
                () -> lots.withdrawEvent(lot.id(), wrong.id(), "lần nữa", TraceFixtures.ADMIN),
                TraceabilityError.ILLEGAL_TRANSITION);
    }

    @Test
    void theApiRecordsALotAndAnswersBadInputWithProblems() throws Exception {
        long product = fixtures.certifiedProduct("Bưởi Năm Roi");
        mvc.perform(
                        post("/api/v1/lots")
                                .with(as(TraceFixtures.ADMIN))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"productId\": " + product
                                                + ", \"lotNumber\": \"BNR-1\", \"gtin\": \"8935049501234\", \"productionDate\": \"2026-01-05\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("TRC-003"));
        mvc.perform(post("/api/v1/lots")
                        .with(as(TraceFixtures.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"productId\": " + product + ", \"lotNumber\": \"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("COMMON-002"));
        String created = mvc.perform(
                        post("/api/v1/lots")
                                .with(as(TraceFixtures.ADMIN))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"productId\": " + product
                                                + ", \"lotNumber\": \"BNR-1\", \"productionDate\": \"2026-01-05\", \"quantity\": 500, \"unit\": \"KGM\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.lotNumber").value("BNR-1"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = Long.parseLong(created.replaceAll(".*\"id\":(\\d+).*", "$1"));
        mvc.perform(post("/api/v1/lots/" + id + "/stamp-batches")
                        .with(as(TraceFixtures.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"quantity\": 10000001}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("TRC-010"));
        mvc.perform(get("/api/v1/lots/" + id).with(as(TestUsers.provinceOfficer("01"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/lots/987654321").with(as(TraceFixtures.ADMIN)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("TRC-001"));
    }

    static void assertError(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, TraceabilityError code) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        OcopException.class, e -> assertThat(e.errorCode()).isEqualTo(code));
    }
}
