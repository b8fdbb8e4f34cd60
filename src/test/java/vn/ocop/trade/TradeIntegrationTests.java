package vn.ocop.trade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.ocop.IntegrationTest;
import vn.ocop.RegistryFixtures;
import vn.ocop.TestUsers;
import vn.ocop.catalog.Catalog;
import vn.ocop.catalog.CatalogFixtures;
import vn.ocop.identity.CurrentUser;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.product.ProductRegistry;
import vn.ocop.product.ProductView;
import vn.ocop.shared.OcopClock;
import vn.ocop.shared.OcopException;

/**
 * Points of sale and fairs: officers keep those of their jurisdiction, producers declare where their own products are
 * sold and register for fairs; the public sees open points, the fairs calendar, and where a product is sold.
 */
@IntegrationTest
class TradeIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    PointsOfSale points;

    @Autowired
    Fairs fairs;

    @Autowired
    Catalog catalog;

    @Autowired
    ProducerRegistry producers;

    @Autowired
    ProductRegistry products;

    private CatalogFixtures fixtures;
    private final CurrentUser dongThap = TestUsers.provinceOfficer("82");

    @BeforeEach
    void setUp() {
        fixtures = new CatalogFixtures(producers, products, catalog);
    }

    @Test
    void officersKeepTheirJurisdictionsPointsAndProducersDeclareTheirProductsThere() throws Exception {
        String tag = CatalogFixtures.uniqueWord();
        ProductView own = fixtures.listed("Hủ tiếu Sa Đéc " + tag, RegistryFixtures.SA_DEC);
        ProductView others = fixtures.listed("Bánh tráng " + tag, RegistryFixtures.CAO_LANH);
        assertThatThrownBy(() -> points.create(details("Điểm Hà Nội " + tag, RegistryFixtures.BA_DINH), dongThap))
                .isInstanceOf(OcopException.class);
        assertThatThrownBy(() ->
                        points.create(details("Điểm " + tag, RegistryFixtures.CAO_LANH), TestUsers.councilMember("82")))
                .isInstanceOf(OcopException.class);
        PointOfSale point = points.create(details("Điểm OCOP " + tag, RegistryFixtures.CAO_LANH), dongThap);
        assertThat(point.kind()).isEqualTo("OCOP_POINT");

        CurrentUser producer = TestUsers.producerAccount(own.producerId());
        points.addProduct(point.id(), own.id(), producer);
        assertThatThrownBy(() -> points.addProduct(point.id(), others.id(), producer))
                .as("a producer declares only its own products")
                .isInstanceOf(OcopException.class);
        assertThatThrownBy(() -> points.update(
                        point.id(), details("Đổi tên", RegistryFixtures.CAO_LANH), point.version(), producer))
                .isInstanceOf(OcopException.class);
        points.addProduct(point.id(), others.id(), TestUsers.communeOfficer(RegistryFixtures.CAO_LANH));

        mvc.perform(get("/points-of-sale/{id}", point.id()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Hủ tiếu Sa Đéc " + tag)));
        mvc.perform(get("/catalog/products/{id}", own.id()))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/points-of-sale/" + point.id())));
        mvc.perform(get("/api/v1/public/points-of-sale").param("q", tag))
                .andExpect(jsonPath("$.items[0].products.length()").value(2));

        points.removeProduct(point.id(), own.id(), producer);
        PointOfSale closed = points.update(
                point.id(),
                closedDetails("Điểm OCOP " + tag),
                points.get(point.id(), dongThap).version(),
                dongThap);
        assertThat(closed.open()).isFalse();
        mvc.perform(get("/points-of-sale/{id}", point.id())).andExpect(status().isNotFound());
    }

    @Test
    void aProducerKeepsItsOwnShop() {
        ProductView product = fixtures.listed("Chiếu cói " + CatalogFixtures.uniqueWord(), RegistryFixtures.SA_DEC);
        CurrentUser producer = TestUsers.producerAccount(product.producerId());
        PointOfSale shop = points.create(details("Cửa hàng chiếu cói", RegistryFixtures.BA_DINH), producer);
        assertThat(shop.kind()).isEqualTo("SHOP");
        assertThat(shop.ownerProducerId()).isEqualTo(product.producerId());
        assertThat(points.managed(producer, 0, 10).items())
                .extracting(PointOfSale::id)
                .contains(shop.id());
        PointOfSale renamed = points.update(
                shop.id(), details("Cửa hàng chiếu cói Sa Đéc", RegistryFixtures.BA_DINH), shop.version(), producer);
        assertThat(renamed.name()).isEqualTo("Cửa hàng chiếu cói Sa Đéc");
        assertThatThrownBy(() ->
                        points.update(shop.id(), details("x", RegistryFixtures.BA_DINH), shop.version(), producer))
                .as("a stale version")
                .isInstanceOf(org.springframework.dao.OptimisticLockingFailureException.class);
    }

    @Test
    void theFairsCalendarShowsProducersTakingPart() throws Exception {
        String tag = CatalogFixtures.uniqueWord();
        ProductView product = fixtures.listed("Nem chua " + tag, RegistryFixtures.CAO_LANH);
        LocalDate start = LocalDate.now(OcopClock.VIETNAM).plusDays(10);
        assertThatThrownBy(() -> fairs.create(fair("Hội chợ " + tag, start, start.minusDays(1)), dongThap))
                .isInstanceOfSatisfying(
                        OcopException.class, e -> assertThat(e.errorCode()).isEqualTo(TradeError.FAIR_DATES));
        assertThatThrownBy(() -> fairs.create(fair("Hội chợ " + tag, start, start), TestUsers.provinceOfficer("01")))
                .isInstanceOf(OcopException.class);
        Fair fair = fairs.create(fair("Hội chợ " + tag, start, start.plusDays(3)), dongThap);

        fairs.addParticipant(fair.id(), product.producerId(), "A12", TestUsers.producerAccount(product.producerId()));
        assertThatThrownBy(() -> fairs.addParticipant(
                        fair.id(), product.producerId() + 1, null, TestUsers.producerAccount(product.producerId())))
                .isInstanceOf(OcopException.class);
        mvc.perform(get("/fairs/{id}", fair.id()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString("/catalog/producers/" + product.producerId())))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("A12")));
        mvc.perform(get("/fairs")).andExpect(content().string(org.hamcrest.Matchers.containsString("Hội chợ " + tag)));
        mvc.perform(get("/catalog/products/{id}", product.id()))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/fairs/" + fair.id())));
        mvc.perform(get("/api/v1/public/fairs/{id}", fair.id()))
                .andExpect(jsonPath("$.participants[0].booth").value("A12"));
    }

    @Test
    void removalsCheckAuthorityBeforeSayingAnythingAboutStockOrParticipants() {
        String tag = CatalogFixtures.uniqueWord();
        ProductView product = fixtures.listed("Bánh pía " + tag, RegistryFixtures.SA_DEC);
        PointOfSale point = points.create(details("Điểm " + tag, RegistryFixtures.CAO_LANH), dongThap);
        CurrentUser council = TestUsers.councilMember("82");

        // Not stocked: still refused to someone who may not remove it, not a silent success.
        assertThatThrownBy(() -> points.removeProduct(point.id(), product.id(), council))
                .isInstanceOfSatisfying(
                        OcopException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(vn.ocop.shared.CommonError.ACCESS_DENIED));
        assertThat(points.removeProduct(point.id(), product.id(), TestUsers.producerAccount(product.producerId())))
                .as("its producer: nothing to remove")
                .isNotNull();
        assertThatThrownBy(() -> points.removeProduct(point.id(), 999_999_999L, dongThap))
                .as("a product that never was in the catalog")
                .isInstanceOfSatisfying(
                        OcopException.class, e -> assertThat(e.errorCode()).isEqualTo(TradeError.PRODUCT_NOT_LISTED));

        LocalDate start = LocalDate.now(OcopClock.VIETNAM).plusDays(10);
        Fair fair = fairs.create(fair("Hội chợ " + tag, start, start.plusDays(1)), dongThap);
        assertThatThrownBy(() -> fairs.removeParticipant(fair.id(), product.producerId(), council))
                .isInstanceOfSatisfying(
                        OcopException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(vn.ocop.shared.CommonError.ACCESS_DENIED));
        assertThatThrownBy(() -> fairs.removeParticipant(fair.id(), 999_999_999L, dongThap))
                .isInstanceOfSatisfying(
                        OcopException.class, e -> assertThat(e.errorCode()).isEqualTo(TradeError.PRODUCER_NOT_FOUND));
        assertThat(fairs.removeParticipant(fair.id(), product.producerId(), dongThap)
                        .id())
                .as("a producer not taking part: nothing to remove")
                .isEqualTo(fair.id());
    }

    private static PointOfSaleDetails details(String name, String commune) {
        return new PointOfSaleDetails(
                name,
                "Số 1 đường Nguyễn Huệ",
                commune,
                "8:00–20:00",
                "0277 3000 000",
                null,
                null,
                "Trưng bày sản phẩm OCOP",
                true);
    }

    private static PointOfSaleDetails closedDetails(String name) {
        return new PointOfSaleDetails(
                name,
                "Số 1 đường Nguyễn Huệ",
                RegistryFixtures.CAO_LANH,
                "8:00–20:00",
                "0277 3000 000",
                null,
                null,
                "Trưng bày sản phẩm OCOP",
                false);
    }

    private static FairDetails fair(String name, LocalDate from, LocalDate to) {
        return new FairDetails(
                name,
                "Kết nối cung cầu",
                from,
                to,
                "Quảng trường",
                RegistryFixtures.CAO_LANH,
                "Sở Công Thương",
                null,
                false);
    }
}
