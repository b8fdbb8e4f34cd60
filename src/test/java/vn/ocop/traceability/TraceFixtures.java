package vn.ocop.traceability;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ocop.RegistryFixtures;
import vn.ocop.TestUsers;
import vn.ocop.identity.CurrentUser;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.product.CurrentRating;
import vn.ocop.product.ProductRegistry;
import vn.ocop.shared.OcopClock;
import vn.ocop.traceability.LotCommands.ChangeStatus;
import vn.ocop.traceability.LotCommands.GenerateBatch;
import vn.ocop.traceability.LotCommands.RecordLot;
import vn.ocop.traceability.LotCommands.RecordLotEvent;
import vn.ocop.traceability.LotCommands.Unit;

/**
 * Certified products, lots and stamps for tests, through the modules' services: a cooperative in Phường Cao Lãnh
 * (Đồng Tháp, 82) whose product carries a 4★ certificate recorded from paper (imported rating), unless a test brings a
 * product certified on the platform. A bean of the test context (autowire it), or built by hand from the services.
 */
@org.springframework.stereotype.Component
record TraceFixtures(
        ProducerRegistry producers, ProductRegistry products, Lots lots, StampBatches batches, JdbcClient jdbc) {

    private static final AtomicInteger SEQ = new AtomicInteger();
    static final CurrentUser ADMIN = TestUsers.admin();

    /** A producer in Cao Lãnh with a product certified 4★ on paper a month ago; returns the product id. */
    long certifiedProduct(String name) {
        long producer = producers
                .register(
                        RegistryFixtures.aCooperative(
                                "HTX truy xuất " + SEQ.incrementAndGet(), RegistryFixtures.CAO_LANH),
                        ADMIN)
                .id();
        long product = products.register(RegistryFixtures.aProduct(producer, name, 12), ADMIN)
                .id();
        products.recordRating(
                product,
                new CurrentRating(
                        4,
                        "82-TX-" + SEQ.incrementAndGet(),
                        LocalDate.now(OcopClock.VIETNAM).minusMonths(1),
                        null,
                        null,
                        "IMPORTED"),
                vn.ocop.TestUsers.provinceOfficer("82")); // a province's 3–4★ are recorded by its officers
        return product;
    }

    long producerOf(long productId) {
        return products.get(productId, ADMIN).producerId();
    }

    /** A lot of the product, produced yesterday, best before in a year, with a GTIN when one is given. */
    LotView lot(long productId, @Nullable String gtin) {
        return lots.record(
                new RecordLot(
                        productId,
                        "L" + SEQ.incrementAndGet(),
                        gtin,
                        LocalDate.now(OcopClock.VIETNAM).minusDays(1),
                        LocalDate.now(OcopClock.VIETNAM).plusYears(1),
                        new java.math.BigDecimal("1200"),
                        Unit.XBO,
                        "Cánh đồng mẫu xã Tân Thuận"),
                ADMIN);
    }

    LotView.Event event(long lotId, LotEventType type, String what) {
        return lots.addEvent(
                lotId,
                new RecordLotEvent(
                        type,
                        OffsetDateTime.now(OcopClock.VIETNAM).minusHours(5),
                        "Xưởng chế biến Cao Lãnh",
                        "29869",
                        "HTX truy xuất",
                        what,
                        null,
                        null,
                        null),
                ADMIN);
    }

    /** A batch of {@code n} stamps, activated; returns the batch. */
    LotView.Batch activeBatch(long lotId, int n) {
        LotView.Batch batch = batches.generate(lotId, new GenerateBatch(n), ADMIN);
        return batches.changeStatus(batch.id(), new ChangeStatus(StatusChange.ACTIVATE, null), ADMIN);
    }

    /** The batch's codes in label order. */
    List<StampCode> codes(long batchId) {
        return jdbc.sql("SELECT code FROM stamp WHERE batch_id = ? ORDER BY seq")
                .param((int) batchId)
                .query((rs, n) -> StampCode.of(rs.getBytes(1)))
                .list();
    }

    /** One active stamp of a new lot of a new certified product. */
    StampCode aGenuineStamp(String productName) {
        LotView lot = lot(certifiedProduct(productName), null);
        return codes(activeBatch(lot.id(), 3).id()).get(0);
    }
}
