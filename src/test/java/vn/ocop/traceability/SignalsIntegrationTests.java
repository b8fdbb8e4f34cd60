package vn.ocop.traceability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ocop.IntegrationTest;
import vn.ocop.RegistryFixtures;
import vn.ocop.TestUsers;
import vn.ocop.identity.CreateUser;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.Role;
import vn.ocop.identity.UserAccounts;
import vn.ocop.identity.UserSummary;
import vn.ocop.notification.Notifications;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.product.CurrentRating;
import vn.ocop.product.ProductRegistry;
import vn.ocop.shared.OcopClock;
import vn.ocop.shared.OcopException;
import vn.ocop.traceability.LotCommands.ChangeStatus;
import vn.ocop.traceability.LotCommands.RecordLot;
import vn.ocop.workspace.Workspace;

/**
 * The signal job: copied stamps (scanned far above the lot's rate, from many provinces), unknown codes, products no
 * longer certified, recalled and expired lots still scanned; counted once however often it runs; told to the
 * province's officers, who review them; producers see their own.
 */
@IntegrationTest
class SignalsIntegrationTests {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    ProducerRegistry producers;

    @Autowired
    ProductRegistry products;

    @Autowired
    Lots lots;

    @Autowired
    StampBatches batches;

    @Autowired
    PublicTrace trace;

    @Autowired
    ScanSignals job;

    @Autowired
    Signals signals;

    @Autowired
    ScanStatistics statistics;

    @Autowired
    UserAccounts users;

    @Autowired
    Notifications notifications;

    @Autowired
    Workspace workspace;

    @Autowired
    JdbcClient jdbc;

    TraceFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new TraceFixtures(producers, products, lots, batches, jdbc);
    }

    @Test
    void aCopiedStampIsSignalledOnceToTheProvinceOfficersWhoReviewIt() {
        UserSummary account = users.create(
                new CreateUser(
                        "tx.tinh" + SEQ.incrementAndGet() + System.nanoTime() % 10_000,
                        "Cán bộ tỉnh Đồng Tháp",
                        null,
                        Role.PROVINCE_OFFICER,
                        RegistryFixtures.DONG_THAP,
                        "Truy-xuat-2026!"),
                TestUsers.admin());
        CurrentUser officer = new CurrentUser(
                account.id(), account.username(), "Cán bộ", Role.PROVINCE_OFFICER, RegistryFixtures.DONG_THAP, null);
        long product = fixtures.certifiedProduct("Nem Lai Vung sao chép");
        LotView lot = fixtures.lot(product, null);
        List<StampCode> codes = fixtures.codes(fixtures.activeBatch(lot.id(), 3).id());
        StampCode copied = codes.get(0);
        scan(codes.get(1), null, null);
        scan(codes.get(2), null, null);
        double[][] places = {{21.03, 105.85}, {10.78, 106.70}, {10.46, 105.64}}; // Hà Nội, TP HCM, Đồng Tháp
        for (int i = 0; i < 12; i++) {
            PublicTrace.StampScan scan = scan(copied, null, null);
            if (i < 3) {
                trace.locate(copied.text(), scan.scanId(), places[i][0], places[i][1]);
            }
        }
        StampCode unknown = StampCode.of(StampCodes.generate(1));
        assertThatThrownBy(() -> scan(unknown, null, null)).isInstanceOf(OcopException.class);
        age(lot.id());
        jdbc.sql("UPDATE scan SET recorded_at = recorded_at - interval '1 hour' WHERE code = ?")
                .param(unknown.bytes())
                .update();

        job.catchUp();
        List<Signals.SignalView> found = signals.list(new Signals.SignalQuery(null, null, lot.id()), 0, 50, officer)
                .items();
        assertThat(found)
                .extracting(Signals.SignalView::kind)
                .containsExactlyInAnyOrder(SignalKind.HIGH_SCAN_RATE, SignalKind.MANY_PROVINCES);
        Signals.SignalView rate = found.stream()
                .filter(s -> s.kind() == SignalKind.HIGH_SCAN_RATE)
                .findFirst()
                .orElseThrow();
        assertThat(rate.subject()).isEqualTo(copied.grouped());
        assertThat(rate.scans()).isEqualTo(12);
        assertThat(rate.provinces()).isEqualTo(3);
        assertThat(rate.provinceCode()).isEqualTo(RegistryFixtures.DONG_THAP);
        assertThat(notifications.inbox(officer, 0, 20).items())
                .anySatisfy(n -> assertThat(n.link()).isEqualTo("/traceability/signals?status=OPEN"));
        assertThat(workspace.workFor(officer))
                .anySatisfy(w -> assertThat(w.kind()).isEqualTo("work.trace.signals"));
        assertThat(signals.list(
                                new Signals.SignalQuery(SignalStatus.OPEN, SignalKind.UNKNOWN_CODE, null),
                                0,
                                50,
                                TestUsers.centralOffice())
                        .items())
                .anySatisfy(s -> assertThat(s.provinceCode()).isNull());

        // Running again, here or on another node, counts nothing twice.
        job.catchUp();
        assertThat(signals.get(rate.id(), officer).scans()).isEqualTo(12);
        assertThat(statistics.of(30, lot.id(), officer).total()).isEqualTo(14);
        assertThat(statistics.of(30, lot.id(), officer).byScannerProvince()).containsKeys("01", "79", "82");

        // Officers elsewhere neither see nor review it; the producer sees it; the province officer reviews it once.
        assertThat(signals.list(new Signals.SignalQuery(null, null, lot.id()), 0, 50, TestUsers.provinceOfficer("01"))
                        .items())
                .isEmpty();
        assertThatThrownBy(
                        () -> signals.review(rate.id(), SignalStatus.DISMISSED, "x", TestUsers.provinceOfficer("01")))
                .isInstanceOf(OcopException.class);
        CurrentUser producer = TestUsers.producerAccount(fixtures.producerOf(product));
        assertThat(signals.list(new Signals.SignalQuery(null, null, lot.id()), 0, 50, producer)
                        .items())
                .hasSize(2);
        assertThatThrownBy(() -> signals.review(rate.id(), SignalStatus.DISMISSED, "x", producer))
                .isInstanceOf(OcopException.class);
        Signals.SignalView reviewed =
                signals.review(rate.id(), SignalStatus.CONFIRMED, "Tem in lại bán ở chợ Bình Tây", officer);
        assertThat(reviewed.status()).isEqualTo(SignalStatus.CONFIRMED);
        assertThat(reviewed.reviewedBy()).isEqualTo(officer.username());
        assertThatThrownBy(() -> signals.review(rate.id(), SignalStatus.DISMISSED, "lần hai", officer))
                .isInstanceOfSatisfying(
                        OcopException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(TraceabilityError.SIGNAL_ALREADY_REVIEWED));
    }

    @Test
    void stampsOfExpiredCertificatesRecalledLotsAndLotsPastBestBeforeAreSignalled() {
        long product = fixtures.certifiedProduct("Bánh tráng Mỹ Lồng hết hạn");
        LotView lot = fixtures.lot(product, null);
        StampCode stamp = fixtures.codes(fixtures.activeBatch(lot.id(), 1).id()).get(0);
        // The paper certificate is recorded again, as expired: the read model follows in the same transaction.
        products.recordRating(
                product,
                new CurrentRating(
                        4,
                        "82-TX-OLD-" + SEQ.incrementAndGet(),
                        LocalDate.now(OcopClock.VIETNAM).minusYears(4),
                        LocalDate.now(OcopClock.VIETNAM).minusDays(3),
                        null,
                        "IMPORTED"),
                TestUsers.provinceOfficer("82"));
        assertThat(scan(stamp, null, null).outcome()).isEqualTo(ScanOutcome.CERT_EXPIRED);

        LotView old = lots.record(
                new RecordLot(
                        fixtures.certifiedProduct("Lạp xưởng hết hạn dùng"),
                        "LX-OLD",
                        null,
                        LocalDate.now(OcopClock.VIETNAM).minusYears(2),
                        LocalDate.now(OcopClock.VIETNAM).minusDays(10),
                        new BigDecimal("10"),
                        LotCommands.Unit.KGM,
                        null),
                TestUsers.admin());
        StampCode expired =
                fixtures.codes(fixtures.activeBatch(old.id(), 1).id()).get(0);
        PublicTrace.StampScan pastBestBefore = scan(expired, null, null);
        assertThat(pastBestBefore.lot().pastBestBefore()).isTrue();
        assertThat(pastBestBefore.outcome()).isEqualTo(ScanOutcome.GENUINE);

        LotView recalled = fixtures.lot(fixtures.certifiedProduct("Cốm dẹp thu hồi"), null);
        StampCode recalledStamp =
                fixtures.codes(fixtures.activeBatch(recalled.id(), 1).id()).get(0);
        lots.changeStatus(recalled.id(), new ChangeStatus(StatusChange.RECALL, "Thu hồi"), TestUsers.admin());
        scan(recalledStamp, null, null);

        age(lot.id());
        age(old.id());
        age(recalled.id());
        job.catchUp();
        CurrentUser central = TestUsers.centralOffice();
        assertThat(kinds(lot.id(), central)).contains(SignalKind.INVALID_CERTIFICATE);
        assertThat(kinds(old.id(), central)).contains(SignalKind.PAST_BEST_BEFORE);
        assertThat(kinds(recalled.id(), central)).contains(SignalKind.RECALLED_IN_CIRCULATION);
    }

    private List<SignalKind> kinds(long lotId, CurrentUser actor) {
        return signals.list(new Signals.SignalQuery(null, null, lotId), 0, 50, actor).items().stream()
                .map(Signals.SignalView::kind)
                .toList();
    }

    private PublicTrace.StampScan scan(StampCode code, Double latitude, Double longitude) {
        return trace.scan(code.text(), PublicTrace.Channel.API, "Mozilla/5.0 Chrome/120", latitude, longitude);
    }

    /** Makes the lot's scans old enough for the job (it counts scans older than the lag). */
    private void age(long lotId) {
        jdbc.sql("UPDATE scan SET recorded_at = recorded_at - interval '1 hour' WHERE lot_id = ?")
                .param(lotId)
                .update();
    }
}
