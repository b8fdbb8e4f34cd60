package vn.ocop;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import vn.ocop.producer.LegalType;
import vn.ocop.producer.ProducerDetails;
import vn.ocop.product.ProductDetails;

/** Producers and products for tests, in communes with officers in {@link TestUsers}; tax codes never repeat. */
public final class RegistryFixtures {

    /** Phường Cao Lãnh and Phường Sa Đéc (Tỉnh Đồng Tháp, 82), Phường Ba Đình (Hà Nội, 01). */
    public static final String CAO_LANH = "29869";

    public static final String SA_DEC = "29905";
    public static final String BA_DINH = "00004";
    public static final String DONG_THAP = "82";

    /*
     * Provinces each taken by one test class that counts a whole province's figures before and after a change, while
     * other classes run side by side (decision 0034). A class that needs one takes a province no constant here names.
     */

    /** Phường Hạc Thành, Tỉnh Thanh Hóa (38): the catalog's figures by province (CatalogIntegrationTests). */
    public static final String HAC_THANH = "14797";

    public static final String THANH_HOA = "38";

    /**
     * Phường Bạc Liêu, Tỉnh Cà Mau (96): buyer inquiries per province (BuyerInquiriesIntegrationTests, which compares
     * with Vĩnh Long, 86), and an officer's inbox (NotificationsIntegrationTests; inquiries notify producers only).
     */
    public static final String BAC_LIEU = "31825";

    public static final String CA_MAU = "96";

    public static final String VINH_LONG = "86";

    private static final AtomicLong TAX = new AtomicLong(8_200_000_000L + (System.nanoTime() % 1000) * 100_000L);

    private RegistryFixtures() {}

    public static String aTaxCode() {
        return Long.toString(TAX.incrementAndGet());
    }

    public static ProducerDetails aCooperative(String name, String commune) {
        return aProducer(LegalType.COOPERATIVE, name, commune);
    }

    public static ProducerDetails aProducer(LegalType type, String name, String commune) {
        return new ProducerDetails(
                type,
                name,
                aTaxCode(),
                "Nguyễn Văn Tư",
                "Giám đốc",
                "0277 3851 234",
                null,
                null,
                "Ấp 1",
                commune,
                true,
                false,
                true,
                false,
                2015,
                12,
                30,
                null);
    }

    public static ProductDetails aProduct(long producerId, String name, int criteriaSet) {
        return new ProductDetails(
                producerId,
                name,
                criteriaSet,
                null,
                "Mô tả",
                "Cá cơm, muối",
                null,
                "TCCS 01:2024",
                "Chai 500 ml",
                new BigDecimal("85000"),
                new BigDecimal("120000"),
                "24 tháng",
                null,
                List.of(new ProductDetails.Link("Shopee", "https://shopee.vn/nuoc-mam")));
    }
}
