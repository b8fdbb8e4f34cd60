package vn.ocop.trade;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ocop.catalog.Catalog;
import vn.ocop.catalog.CatalogProduct;
import vn.ocop.catalog.CatalogQuery;
import vn.ocop.catalog.CatalogSort;
import vn.ocop.geography.AdminEdition;
import vn.ocop.geography.AdminUnit;
import vn.ocop.geography.AdminUnits;
import vn.ocop.identity.CurrentUser;

/**
 * Demo points of sale and fairs for the default run (never in {@code prod}): an OCOP point in three demo provinces
 * stocking some of the province's listed products, and two coming fairs with producers taking part. Idempotent:
 * nothing is created once a point of sale exists.
 */
@Component
@Order(40)
@ConditionalOnBooleanProperty(name = "ocop.demo-data.enabled")
class DemoTrade implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoTrade.class);
    private static final CurrentUser SYSTEM = CurrentUser.SYSTEM;

    private final PointsOfSale points;
    private final Fairs fairs;
    private final Catalog catalog;
    private final AdminUnits units;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoTrade(
            PointsOfSale points,
            Fairs fairs,
            Catalog catalog,
            AdminUnits units,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.points = points;
        this.fairs = fairs;
        this.catalog = catalog;
        this.units = units;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM point_of_sale)")
                .query(Boolean.class)
                .single()) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            point("82", "Điểm giới thiệu và bán sản phẩm OCOP Đồng Tháp", "Số 12 đường 30/4");
            point("01", "Trung tâm giới thiệu sản phẩm OCOP Hà Nội", "Số 489 Hoàng Quốc Việt");
            point("68", "Điểm bán sản phẩm OCOP chợ Đà Lạt", "Khu C, chợ Đà Lạt");
            LocalDate today = LocalDate.now(clock);
            fair(
                    "01",
                    "Hội chợ sản phẩm OCOP toàn quốc",
                    "Cung Triển lãm Kinh tế - Kiến trúc Quốc gia",
                    today.plusDays(14),
                    today.plusDays(18),
                    "Bộ Nông nghiệp và Môi trường");
            fair(
                    "82",
                    "Lễ hội trái cây và sản phẩm OCOP Đồng Tháp",
                    "Quảng trường Văn Miếu",
                    today.plusDays(35),
                    today.plusDays(38),
                    "UBND tỉnh Đồng Tháp");
        });
        log.info("Demo data: points of sale and fairs created");
    }

    private void point(String province, String name, String address) {
        AdminUnit commune = units.children(AdminEdition.CURRENT, province).get(0);
        PointOfSale point = points.create(
                new PointOfSaleDetails(
                        name,
                        address,
                        commune.code(),
                        "7:30–21:00 hằng ngày",
                        "0277 3851 000",
                        null,
                        null,
                        "Trưng bày và bán sản phẩm OCOP 3–5 sao của tỉnh.",
                        true),
                SYSTEM);
        for (CatalogProduct product : listed(province, 6)) {
            points.addProduct(point.id(), product.id(), SYSTEM);
        }
    }

    private void fair(String province, String name, String venue, LocalDate from, LocalDate to, String organiser) {
        AdminUnit commune = units.children(AdminEdition.CURRENT, province).get(0);
        Fair fair = fairs.create(
                new FairDetails(
                        name,
                        "Giới thiệu, kết nối tiêu thụ sản phẩm OCOP.",
                        from,
                        to,
                        venue,
                        commune.code(),
                        organiser,
                        null,
                        false),
                SYSTEM);
        listed(province, 8).stream()
                .map(CatalogProduct::producerId)
                .distinct()
                .limit(4)
                .forEach(producer -> fairs.addParticipant(fair.id(), producer, null, SYSTEM));
    }

    private List<CatalogProduct> listed(String province, int count) {
        return catalog.search(
                        new CatalogQuery(null, province, null, null, null, null, null, null, CatalogSort.STARS),
                        0,
                        count)
                .page()
                .items();
    }
}
