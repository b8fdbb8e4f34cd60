package vn.ocop.traceability;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ocop.RegistryFixtures;
import vn.ocop.TestUsers;
import vn.ocop.identity.CurrentUser;
import vn.ocop.product.CurrentRating;
import vn.ocop.product.ProductRegistry;
import vn.ocop.security.Instance;
import vn.ocop.security.MatrixFixtures;
import vn.ocop.security.MatrixWorld;
import vn.ocop.shared.OcopClock;
import vn.ocop.traceability.LotCommands.ChangeStatus;
import vn.ocop.traceability.LotCommands.GenerateBatch;
import vn.ocop.traceability.LotCommands.RecordLot;
import vn.ocop.traceability.LotCommands.RecordLotEvent;
import vn.ocop.traceability.LotCommands.Unit;

/**
 * Matrix fixtures of the traceability module, on each side's producer (home: Phường Cao Lãnh, 82; other: Phường Ba
 * Đình, 01):
 *
 * <ul>
 *   <li>{@code traced-product}: a product certified 4★ on paper, recorded by its province's officer (Art. 4.1.a), for
 *       the rows that record lots;
 *   <li>{@code lot} (marker: its lot number), {@code lot-event} (an event of that lot), {@code stamp-batch} (a batch of
 *       that lot, still {@code CREATED}) and {@code lot-key} (the lot's public key);
 *   <li>{@code stamp-code} (a stamp of an activated batch of another lot of the product) and {@code scan} (a scan of
 *       that stamp, made afresh for each call: a scan takes a location once and only while it is recent);
 *   <li>{@code signal} (an open signal of a third lot, recalled and still scanned).
 * </ul>
 */
class TraceabilityMatrixFixtures implements MatrixFixtures {

    private final ProductRegistry products;
    private final Lots lots;
    private final StampBatches batches;
    private final PublicTrace trace;
    private final ScanSignals job;
    private final Signals signals;
    private final JdbcClient jdbc;

    TraceabilityMatrixFixtures(
            ProductRegistry products,
            Lots lots,
            StampBatches batches,
            PublicTrace trace,
            ScanSignals job,
            Signals signals,
            JdbcClient jdbc) {
        this.products = products;
        this.lots = lots;
        this.batches = batches;
        this.trace = trace;
        this.job = job;
        this.signals = signals;
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> provides() {
        return Set.of("traced-product", "lot", "lot-event", "lot-key", "stamp-batch", "stamp-code", "scan", "signal");
    }

    @Override
    public Set<String> requires() {
        return Set.of("producer");
    }

    @Override
    public void create(MatrixWorld world) {
        Side own = side(world, world.own("producer").id(), MatrixWorld.HOME_PROVINCE);
        Side other = side(world, world.other("producer").id(), MatrixWorld.OTHER_PROVINCE);
        world.put("traced-product", Instance.of(own.product()), Instance.of(other.product()));
        world.put(
                "lot",
                Instance.of(own.lot().id(), own.lot().lotNumber()),
                Instance.of(other.lot().id(), other.lot().lotNumber()));
        world.put("lot-event", Instance.of(own.event()), Instance.of(other.event()));
        world.put(
                "lot-key",
                Instance.of(own.lot().publicKey()),
                Instance.of(other.lot().publicKey()));
        world.put("stamp-batch", Instance.of(own.batch()), Instance.of(other.batch()));
        world.put("stamp-code", Instance.of(own.stamp()), Instance.of(other.stamp()));
        world.put("scan", caller -> Instance.of(scan(own.stamp())), caller -> Instance.of(scan(other.stamp())));
        world.put("signal", Instance.of(signal(world, own)), Instance.of(signal(world, other)));
    }

    /** One side's things. */
    private record Side(CurrentUser officer, long product, LotView lot, long event, long batch, String stamp) {}

    private Side side(MatrixWorld world, long producer, String province) {
        CurrentUser officer = TestUsers.provinceOfficer(province);
        long product = products.register(
                        RegistryFixtures.aProduct(producer, world.name("Mắm truy xuất ma trận"), 9), world.system())
                .id();
        products.recordRating(
                product,
                new CurrentRating(
                        4,
                        province + "-MT-" + world.name("").strip().replace(' ', '-'),
                        LocalDate.now(OcopClock.VIETNAM).minusMonths(1),
                        null,
                        null,
                        "IMPORTED"),
                officer); // a province's 3–4★ are recorded by its officers (Art. 4.1.a)
        LotView lot = lot(world, product);
        long event = lots.addEvent(
                        lot.id(),
                        new RecordLotEvent(
                                LotEventType.PACKED,
                                OffsetDateTime.now(OcopClock.VIETNAM).minusHours(2),
                                "Xưởng đóng gói ma trận",
                                null,
                                "HTX ma trận",
                                "Đóng chai 500 ml",
                                null,
                                null,
                                null),
                        world.system())
                .id();
        long batch =
                batches.generate(lot.id(), new GenerateBatch(3), world.system()).id();
        LotView stamped = lot(world, product);
        LotView.Batch active = batches.generate(stamped.id(), new GenerateBatch(2), world.system());
        batches.changeStatus(active.id(), new ChangeStatus(StatusChange.ACTIVATE, null), world.system());
        return new Side(officer, product, lot, event, batch, firstCode(active.id(), world.system()));
    }

    private LotView lot(MatrixWorld world, long product) {
        return lots.record(
                new RecordLot(
                        product,
                        lotNumber(world),
                        null,
                        LocalDate.now(OcopClock.VIETNAM).minusDays(1),
                        LocalDate.now(OcopClock.VIETNAM).plusYears(1),
                        new BigDecimal("500"),
                        Unit.XBO,
                        "Vùng nguyên liệu ma trận"),
                world.system());
    }

    /**
     * A unique lot number that is also a marker: closed by a letter, so that no other lot's number contains it (…-12L
     * is not in …-112L).
     */
    private static String lotNumber(MatrixWorld world) {
        return ("L" + world.name("").strip().replace(' ', '-') + "L").toUpperCase(java.util.Locale.ROOT);
    }

    /** The first code of a batch, read from its CSV export (the service producers print from). */
    private String firstCode(long batchId, CurrentUser actor) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        batches.csv(batchId, actor).writeTo(out);
        String text = out.toString(StandardCharsets.UTF_8).replace("\uFEFF", "");
        try {
            CSVRecord first = CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(new StringReader(text))
                    .iterator()
                    .next();
            return first.get("code");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private long scan(String code) {
        PublicTrace.StampScan scan = trace.scan(code, PublicTrace.Channel.API, "Mozilla/5.0 Chrome/120", null, null);
        if (scan.scanId() == null) {
            throw new IllegalStateException("the scan of " + code + " was not acknowledged");
        }
        return scan.scanId();
    }

    /**
     * An open signal of the side's province: a stamp of a recalled lot scanned. The job counts only scans older than
     * {@code signals.lag} (2 minutes), which a run cannot wait for: the scan is made older the way the module's tests
     * do ({@code SignalsIntegrationTests}), the one write here that is not through a service.
     */
    private long signal(MatrixWorld world, Side side) {
        LotView lot = lot(world, side.product());
        LotView.Batch batch = batches.generate(lot.id(), new GenerateBatch(1), world.system());
        batches.changeStatus(batch.id(), new ChangeStatus(StatusChange.ACTIVATE, null), world.system());
        String code = firstCode(batch.id(), world.system());
        lots.changeStatus(lot.id(), new ChangeStatus(StatusChange.RECALL, "Thu hồi ma trận"), world.system());
        scan(code);
        jdbc.sql("UPDATE scan SET recorded_at = recorded_at - interval '1 hour' WHERE lot_id = ?")
                .param(lot.id())
                .update();
        job.catchUp();
        return signals
                .list(new Signals.SignalQuery(SignalStatus.OPEN, null, lot.id()), 0, 10, world.system())
                .items()
                .stream()
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no signal for the recalled lot " + lot.id()))
                .id();
    }
}
