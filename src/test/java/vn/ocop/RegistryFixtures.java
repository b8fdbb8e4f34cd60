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

    /**
     * Phường Hạc Thành (Tỉnh Thanh Hóa, 38): no other test class works there, so a test that counts a whole province's
     * figures before and after a change (while other classes run side by side) takes it.
     */
    public static final String HAC_THANH = "14797";

    public static final String THANH_HOA = "38";

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
