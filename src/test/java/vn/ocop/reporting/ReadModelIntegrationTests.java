package vn.ocop.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ocop.IntegrationTest;
import vn.ocop.certification.CertificationEvents.CertificateIssued;
import vn.ocop.producer.ProducerEvents.ProducerRegistered;
import vn.ocop.product.CertificationLevel;
import vn.ocop.product.CurrentRating;
import vn.ocop.product.ProductEvents.ProductRegistered;

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
    void anOlderCertificateRecordedAfterANewerOneEndsTheNewerOneOnTheDayItIsRecorded() {
        transactions.executeWithoutResult(tx -> {
            long product = IDS.incrementAndGet();
            model.importedRating(
                    product,
                    new CurrentRating(4, "10/QĐ", LocalDate.of(2026, 3, 1), null, null, "IMPORTED"),
                    LocalDate.of(2026, 3, 5));
            assertThat(until(product, "10/QĐ")).isEqualTo("2029-03-02 NEW");
            // The registry now holds the older certificate as the product's rating (a record corrected): the newer
            // one is out of force from the day of the correction, as the registry says from then on.
            model.importedRating(
                    product,
                    new CurrentRating(
                            4, "9/QĐ", LocalDate.of(2022, 11, 1), LocalDate.of(2025, 11, 1), null, "IMPORTED"),
                    LocalDate.of(2026, 6, 10));
            assertThat(until(product, "10/QĐ")).startsWith("2026-06-10");
            assertThat(until(product, "9/QĐ")).isEqualTo("2025-11-02 NEW");
            // Recorded again: the product is certified by it again (the weeks in between are not kept: one row per
            // certificate, as the registry keeps one current rating).
            model.importedRating(
                    product,
                    new CurrentRating(4, "10/QĐ", LocalDate.of(2026, 3, 1), null, null, "IMPORTED"),
                    LocalDate.of(2026, 7, 1));
            assertThat(until(product, "10/QĐ")).startsWith("2029-03-02");
            tx.setRollbackOnly();
        });
    }

    @Test
    void ofTwoCertificatesOfOneDayTheLastRecordedIsInForce() {
        transactions.executeWithoutResult(tx -> {
            long product = IDS.incrementAndGet();
            model.importedRating(
                    product,
                    new CurrentRating(4, "5/QĐ-UBND", LocalDate.of(2025, 3, 1), null, null, "IMPORTED"),
                    LocalDate.of(2025, 3, 2));
            model.importedRating(
                    product,
                    new CurrentRating(
                            5, "6/QĐ-BNN", LocalDate.of(2025, 3, 1), null, CertificationLevel.CENTRAL, "IMPORTED"),
                    LocalDate.of(2025, 3, 2));
            assertThat(until(product, "6/QĐ-BNN")).isEqualTo("2028-03-02 UPGRADE");
            assertThat(until(product, "5/QĐ-UBND")).startsWith("2025-03-01");
            // The 4★ certificate recorded again: the registry's rating is 4★ from then on, and so is the report's.
            model.importedRating(
                    product,
                    new CurrentRating(4, "5/QĐ-UBND", LocalDate.of(2025, 3, 1), null, null, "IMPORTED"),
                    LocalDate.of(2026, 2, 1));
            assertThat(until(product, "5/QĐ-UBND")).startsWith("2028-03-02");
            assertThat(until(product, "6/QĐ-BNN")).startsWith("2025-03-01");
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

    /**
     * A product registered and its certificate issued a moment later: their two updates run on two threads. The
     * certificate's update must wait for the product's, else it copies the product's producer from a row it cannot see
     * yet, and the product's update does not see the certificate: the certificate is never counted.
     */
    @Test
    void aCertificateIssuedWhileItsProductsRegistrationIsStillBeingWrittenGetsTheProductsFacts() throws Exception {
        ReadModelUpdates updates = new ReadModelUpdates(model);
        long producer = IDS.incrementAndGet();
        long product = IDS.incrementAndGet();
        CountDownLatch registrationWritten = new CountDownLatch(1);
        CountDownLatch commitRegistration = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> registration = threads.submit(() -> transactions.executeWithoutResult(tx -> {
                updates.on(
                        new ProducerRegistered(producer, "0" + producer, "29869", "", facts("HTX song song", false)));
                updates.on(new ProductRegistered(product, producer, "29869", "", "Trà song song", 9));
                registrationWritten.countDown();
                await(commitRegistration);
            }));
            assertThat(registrationWritten.await(30, TimeUnit.SECONDS)).isTrue();
            Future<?> certificate =
                    threads.submit(() -> transactions.executeWithoutResult(tx -> updates.on(new CertificateIssued(
                            "PF-RACE-" + product,
                            product,
                            4,
                            "PROVINCE",
                            LocalDate.of(2026, 1, 5),
                            LocalDate.of(2029, 1, 5),
                            "29869",
                            "NEW"))));
            // Long enough for the certificate's update to finish if nothing holds it back.
            Thread.sleep(500);
            commitRegistration.countDown();
            registration.get(30, TimeUnit.SECONDS);
            certificate.get(30, TimeUnit.SECONDS);
            assertThat(jdbc.sql(
                                    "SELECT coalesce(producer_id || '/' || legal_type, 'none') FROM report_certificate WHERE product_id = ?")
                            .param(product)
                            .query(String.class)
                            .single())
                    .isEqualTo(producer + "/COOPERATIVE");
        } finally {
            commitRegistration.countDown();
            threads.shutdownNow();
            // Committed rows: removed, so that no other test counts them.
            jdbc.sql("DELETE FROM report_certificate WHERE product_id = ?")
                    .param(product)
                    .update();
            jdbc.sql("DELETE FROM report_product WHERE id = ?").param(product).update();
            jdbc.sql("DELETE FROM report_producer WHERE id = ?").param(producer).update();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
