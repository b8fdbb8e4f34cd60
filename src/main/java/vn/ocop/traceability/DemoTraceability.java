package vn.ocop.traceability;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.ocop.identity.CurrentUser;
import vn.ocop.product.ProductQuery;
import vn.ocop.product.ProductRegistry;
import vn.ocop.product.ProductSummary;
import vn.ocop.shared.OcopClock;
import vn.ocop.shared.OcopException;
import vn.ocop.traceability.LotCommands.ChangeStatus;
import vn.ocop.traceability.LotCommands.GenerateBatch;
import vn.ocop.traceability.LotCommands.RecordLot;
import vn.ocop.traceability.LotCommands.RecordLotEvent;
import vn.ocop.traceability.LotCommands.Unit;

/**
 * Demo lots for the default run (never in {@code prod}): three certified products of Đồng Tháp get lots with their
 * tracking events and activated stamps (one with a GTIN, so its labels carry GS1 Digital Link URIs), a batch not yet
 * activated, a recalled lot, and a producer account {@code chuthe.dongthap} for the first product's producer. Runs
 * once: nothing is created when a lot exists.
 */
@Component
@Order(30)
@ConditionalOnBooleanProperty(name = "ocop.demo-data.enabled")
class DemoTraceability implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoTraceability.class);
    private static final CurrentUser SYSTEM = CurrentUser.SYSTEM;

    private final Lots lots;
    private final StampBatches batches;
    private final ProductRegistry products;
    private final vn.ocop.identity.DemoUsers demoUsers;
    private final PublicTrace trace;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoTraceability(
            Lots lots,
            StampBatches batches,
            ProductRegistry products,
            vn.ocop.identity.DemoUsers demoUsers,
            PublicTrace trace,
            JdbcClient jdbc,
            Clock clock) {
        this.lots = lots;
        this.batches = batches;
        this.products = products;
        this.demoUsers = demoUsers;
        this.trace = trace;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT count(*) FROM lot").query(Long.class).single() > 0) {
            return;
        }
        List<ProductSummary> certified = products
                .search(new ProductQuery(null, "82", null, null, null, null, null, null, null), 0, 60, SYSTEM)
                .items()
                .stream()
                .filter(p -> p.star() != null && p.star() >= 3 && p.certificateNumber() != null)
                .filter(p -> p.certificateExpiresOn() == null
                        || p.certificateExpiresOn().isAfter(today()))
                .limit(3)
                .toList();
        if (certified.size() < 3) {
            return;
        }
        try {
            StampCode example = create(certified);
            log.info(
                    "Demo data: traceability lots and stamps created; try the scan page /t/{} (producer account"
                            + " chuthe.dongthap)",
                    example.text());
        } catch (OcopException e) {
            log.info("Demo traceability data not created ({}): another node may be creating it", e.getMessage());
        }
    }

    private StampCode create(List<ProductSummary> certified) {
        ProductSummary first = certified.get(0);
        LotView lot = lots.record(
                new RecordLot(
                        first.id(),
                        "DT-"
                                + today().minusDays(12)
                                        .toString()
                                        .replace("-", "")
                                        .substring(2),
                        "8935049501237",
                        today().minusDays(12),
                        today().plusMonths(18),
                        new BigDecimal("2400"),
                        Unit.XBO,
                        "Vùng nguyên liệu xã Tân Thuận Đông, Đồng Tháp"),
                SYSTEM);
        event(
                lot,
                LotEventType.RECEIVED,
                14,
                "Vùng trồng Tân Thuận Đông",
                "Tổ hợp tác nông dân Tân Thuận",
                "Nguyên liệu tươi, thu hoạch trong ngày");
        event(
                lot,
                LotEventType.PROCESSED,
                12,
                "Xưởng chế biến của chủ thể",
                first.producerName(),
                "Sơ chế, chế biến theo TCCS");
        event(
                lot,
                LotEventType.INSPECTED,
                11,
                "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng",
                "Phòng thử nghiệm",
                "Kiểm nghiệm vi sinh, kim loại nặng: đạt");
        event(lot, LotEventType.PACKED, 10, "Xưởng đóng gói", first.producerName(), "Đóng chai, dán tem truy xuất");
        event(
                lot,
                LotEventType.SHIPPED,
                8,
                "Kho thành phẩm",
                "Nhà phân phối đặc sản Cao Lãnh",
                "Giao 600 chai cho cửa hàng OCOP");
        LotView.Batch batch = batches.generate(lot.id(), new GenerateBatch(24), SYSTEM);
        batches.changeStatus(batch.id(), new ChangeStatus(StatusChange.ACTIVATE, null), SYSTEM);
        batches.generate(lot.id(), new GenerateBatch(12), SYSTEM);

        ProductSummary second = certified.get(1);
        LotView other = lots.record(
                new RecordLot(
                        second.id(), "L2611-07", null, today().minusDays(30), today().plusMonths(6), null, null, null),
                SYSTEM);
        event(
                other,
                LotEventType.RECEIVED,
                32,
                "Hợp tác xã",
                second.producerName(),
                "Nguyên liệu từ vùng trồng của hợp tác xã");
        event(other, LotEventType.PACKED, 30, "Xưởng của hợp tác xã", second.producerName(), "Đóng gói hút chân không");
        LotView.Batch otherBatch = batches.generate(other.id(), new GenerateBatch(12), SYSTEM);
        batches.changeStatus(otherBatch.id(), new ChangeStatus(StatusChange.ACTIVATE, null), SYSTEM);

        ProductSummary third = certified.get(2);
        LotView recalled = lots.record(
                new RecordLot(
                        third.id(), "L2609-02", null, today().minusDays(70), today().plusMonths(3), null, null, null),
                SYSTEM);
        event(recalled, LotEventType.PACKED, 70, "Xưởng đóng gói", third.producerName(), "Đóng gói");
        LotView.Batch recalledBatch = batches.generate(recalled.id(), new GenerateBatch(6), SYSTEM);
        batches.changeStatus(recalledBatch.id(), new ChangeStatus(StatusChange.ACTIVATE, null), SYSTEM);
        lots.changeStatus(
                recalled.id(),
                new ChangeStatus(
                        StatusChange.RECALL,
                        "Thu hồi tự nguyện do bao bì in sai hạn sử dụng. Vui lòng đổi tại nơi mua."),
                SYSTEM);

        demoUsers.producerAccount("chuthe.dongthap", "Chủ thể " + first.producerName(), first.producerId());
        StampCode example = StampCode.of(jdbc.sql("SELECT code FROM stamp WHERE batch_id = ? AND seq = 1")
                .param((int) batch.id())
                .query(byte[].class)
                .single());
        for (int i = 0; i < 3; i++) {
            trace.scan(example.text(), PublicTrace.Channel.PAGE, "Mozilla/5.0 (demo) Chrome/120", null, null);
        }
        return example;
    }

    private void event(LotView lot, LotEventType type, int daysAgo, String place, String party, String what) {
        lots.addEvent(
                lot.id(),
                new RecordLotEvent(
                        type,
                        OffsetDateTime.now(clock)
                                .minusDays(daysAgo)
                                .withHour(8)
                                .withMinute(0)
                                .withSecond(0)
                                .withNano(0),
                        place,
                        null,
                        party,
                        what,
                        null,
                        null,
                        null),
                SYSTEM);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(OcopClock.VIETNAM));
    }
}
