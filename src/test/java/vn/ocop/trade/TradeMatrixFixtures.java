package vn.ocop.trade;

import java.time.LocalDate;
import java.util.Set;
import vn.ocop.TestUsers;
import vn.ocop.security.Instance;
import vn.ocop.security.MatrixFixtures;
import vn.ocop.security.MatrixWorld;
import vn.ocop.shared.OcopClock;

/**
 * Matrix fixtures of trade promotion, around the listed products of {@code catalog-product}: {@code point-of-sale} (an
 * open OCOP point in the home, or the other, commune stocking that side's listed product), {@code fair} (a coming fair
 * in that commune, that side's producer taking part), {@code inquiry} (a buyer's inquiry about that side's listed
 * product: its producer is the recipient) and {@code inquiry-token} (the buyer's private token of it). Attributes:
 * {@code version} of points and fairs (current). Markers: the point's and fair's names, the inquiry's buyer.
 */
class TradeMatrixFixtures implements MatrixFixtures {

    private final PointsOfSale points;
    private final Fairs fairs;
    private final BuyerInquiries inquiries;

    TradeMatrixFixtures(PointsOfSale points, Fairs fairs, BuyerInquiries inquiries) {
        this.points = points;
        this.fairs = fairs;
        this.inquiries = inquiries;
    }

    @Override
    public Set<String> provides() {
        return Set.of("point-of-sale", "fair", "inquiry", "inquiry-token");
    }

    @Override
    public Set<String> requires() {
        return Set.of("catalog-product", "catalog-producer");
    }

    @Override
    public void create(MatrixWorld world) {
        world.put(
                "point-of-sale",
                point(
                        world,
                        MatrixWorld.HOME_COMMUNE,
                        world.own("catalog-product").id()),
                point(
                        world,
                        MatrixWorld.OTHER_COMMUNE,
                        world.other("catalog-product").id()));
        world.put(
                "fair",
                fair(
                        world,
                        MatrixWorld.HOME_COMMUNE,
                        world.own("catalog-producer").id()),
                fair(
                        world,
                        MatrixWorld.OTHER_COMMUNE,
                        world.other("catalog-producer").id()));
        Sent own = inquiry(
                world,
                world.own("catalog-product").id(),
                world.own("catalog-producer").id());
        Sent other = inquiry(
                world,
                world.other("catalog-product").id(),
                world.other("catalog-producer").id());
        world.put("inquiry", Instance.of(own.id(), own.buyer()), Instance.of(other.id(), other.buyer()));
        world.put("inquiry-token", Instance.of(own.token()), Instance.of(other.token()));
    }

    private Instance point(MatrixWorld world, String commune, long product) {
        PointOfSale point = points.create(
                new PointOfSaleDetails(
                        world.name("Điểm bán OCOP"),
                        "Số 1 đường Ma Trận",
                        commune,
                        "7:00–21:00",
                        "0277 3851 000",
                        null,
                        null,
                        null,
                        true),
                world.system());
        points.addProduct(point.id(), product, world.system());
        return Instance.of(point.id(), point.name())
                .with("version", () -> points.get(point.id(), world.system()).version());
    }

    private Instance fair(MatrixWorld world, String commune, long producer) {
        LocalDate starts = LocalDate.now(OcopClock.VIETNAM).plusDays(30);
        Fair fair = fairs.create(
                new FairDetails(
                        world.name("Hội chợ OCOP"),
                        null,
                        starts,
                        starts.plusDays(3),
                        "Quảng trường",
                        commune,
                        "Sở Công Thương",
                        null,
                        false),
                world.system());
        fairs.addParticipant(fair.id(), producer, "A1", world.system());
        return Instance.of(fair.id(), fair.name())
                .with("version", () -> fairs.get(fair.id()).version());
    }

    private record Sent(long id, String token, String buyer) {}

    private Sent inquiry(MatrixWorld world, long product, long producer) {
        String buyer = world.name("Người mua");
        String token = inquiries.send(
                new InquiryRequest(
                        product,
                        null,
                        null,
                        BuyerKind.RETAIL_CHAIN,
                        buyer,
                        null,
                        world.tag() + "@example.vn",
                        null,
                        "100 chai",
                        "Xin báo giá."),
                "matrix-" + world.name("client"));
        long id = inquiries.inbox(TestUsers.producerAccount(producer), 0, 50).items().stream()
                .filter(i -> i.buyerName().equals(buyer))
                .findFirst()
                .orElseThrow()
                .id();
        return new Sent(id, token, buyer);
    }
}
