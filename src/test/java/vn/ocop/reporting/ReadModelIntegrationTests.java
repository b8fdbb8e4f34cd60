package vn.ocop.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ocop.IntegrationTest;
import vn.ocop.product.CertificationLevel;
import vn.ocop.product.CurrentRating;

/**
 * How facts arriving in any order become a product's certificates in force: the last day of each (expiry, revocation,
 * the next certificate, an uncertified rating), the kind of an imported one, and the product's producer and criteria
 * set when the product's own event comes after its certificate's. Written in transactions rolled back at the end.
 */
@IntegrationTest
class ReadModelIntegrationTests {

    private static final AtomicLong IDS = new AtomicLong(900_000_000L);

    @Autowired
    ReadModel model;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    private String until(long product, String number) {
        return jdbc.sql("SELECT valid_until || ' ' || kind FROM report_certificate WHERE product_id = ? AND number = ?")
                .params(product, number)
                .query(String.class)
                .single();
    }

    @Test
    void eachCertificateEndsAtExpiryRevocationTheNextOneOrAnUncertifiedRating() {
        transactions.executeWithoutResult(tx -> {
            long product = IDS.incrementAndGet();
            model.importedRating(
                    product,
                    new CurrentRating(
                            3, "1/QĐ", LocalDate.of(2020, 5, 1), null, CertificationLevel.PROVINCE, "IMPORTED"),
                    LocalDate.of(2026, 1, 1));
            assertThat(until(product, "1/QĐ")).isEqualTo("2023-05-02 NEW");
            // A 4★ certificate issued while the first is in force: an upgrade, and the first ends that day.
            model.importedRating(
                    product,
                    new CurrentRating(4, "2/QĐ", LocalDate.of(2022, 3, 15), null, null, "IMPORTED"),
                    LocalDate.of(2026, 1, 1));
            assertThat(until(product, "1/QĐ")).isEqualTo("2022-03-15 NEW");
            assertThat(until(product, "2/QĐ")).isEqualTo("2025-03-16 UPGRADE");
            // Facts about older certificates arriving late still put every certificate in its place.
            model.platformCertificate(
                    product, "PF-1", 3, "PROVINCE", "NEW", LocalDate.of(2017, 1, 1), LocalDate.of(2020, 1, 1), null);
            assertThat(until(product, "PF-1")).isEqualTo("2020-01-02 NEW");
            model.revoked(product, "2/QĐ", LocalDate.of(2024, 7, 1));
            assertThat(until(product, "2/QĐ")).startsWith("2024-07-01");
            // An imported rating below 3★ replaces the certificate in force.
            model.importedRating(
                    product,
                    new CurrentRating(3, "3/QĐ", LocalDate.of(2024, 8, 1), null, null, "IMPORTED"),
                    LocalDate.of(2026, 1, 1));
            assertThat(until(product, "3/QĐ"))
                    .as("nothing in force on its issue day: new")
                    .isEqualTo("2027-08-02 NEW");
            model.importedRating(
                    product,
                    new CurrentRating(2, null, LocalDate.of(2025, 9, 9), null, null, "IMPORTED"),
                    LocalDate.of(2026, 1, 1));
            assertThat(until(product, "3/QĐ")).startsWith("2025-09-09");
            tx.setRollbackOnly();
        });
    }

    @Test
    void aCertificateArrivingBeforeItsProductGetsTheProductsProducerAndSetLater() {
        transactions.executeWithoutResult(tx -> {
            long product = IDS.incrementAndGet();
            model.platformCertificate(
                    product, "PF-2", 4, "PROVINCE", "NEW", LocalDate.of(2025, 1, 1), LocalDate.of(2028, 1, 1), null);
            assertThat(jdbc.sql("SELECT producer_id FROM report_certificate WHERE product_id = ?")
                            .param(product)
                            .query(Long.class)
                            .optional())
                    .isEmpty();
            model.product(product, 77L, "Sản phẩm đến sau", 9, false);
            assertThat(jdbc.sql(
                                    "SELECT producer_id || '/' || criteria_set_no FROM report_certificate WHERE product_id = ?")
                            .param(product)
                            .query(String.class)
                            .single())
                    .isEqualTo("77/9");
            // A later change of criteria set follows to the certificates.
            model.product(product, 77L, "Sản phẩm đến sau", 12, true);
            assertThat(jdbc.sql("SELECT criteria_set_no FROM report_certificate WHERE product_id = ?")
                            .param(product)
                            .query(Integer.class)
                            .single())
                    .isEqualTo(12);
            tx.setRollbackOnly();
        });
    }

    @Test
    void aProducersChangeOverwritesWhatWasStoredAndARegistrationNever() {
        transactions.executeWithoutResult(tx -> {
            long producer = IDS.incrementAndGet();
            model.producer(producer, facts("HTX cũ", false), false);
            model.producer(producer, facts("HTX mới", true), true); // an update (ProducerUpdated)
            model.producer(producer, facts("HTX đăng ký lại", false), false); // a late registration changes nothing
            assertThat(jdbc.sql("SELECT name || '/' || women_led FROM report_producer WHERE id = ?")
                            .param(producer)
                            .query(String.class)
                            .single())
                    .isEqualTo("HTX mới/true");
            tx.setRollbackOnly();
        });
    }

    private static vn.ocop.producer.ProducerEvents.ProducerFacts facts(String name, boolean womenLed) {
        return new vn.ocop.producer.ProducerEvents.ProducerFacts(
                name,
                vn.ocop.producer.LegalType.COOPERATIVE,
                "29869",
                "82",
                false,
                false,
                null,
                womenLed,
                false,
                vn.ocop.producer.ProducerStatus.ACTIVE);
    }
}
