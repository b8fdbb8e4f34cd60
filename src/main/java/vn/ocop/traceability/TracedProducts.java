package vn.ocop.traceability;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.ocop.certification.Certificate;
import vn.ocop.certification.Certification;
import vn.ocop.certification.CertificationEvents.CertificateEvent;
import vn.ocop.certification.CertificationEvents.CertificateExpired;
import vn.ocop.certification.CertificationEvents.CertificateIssued;
import vn.ocop.certification.CertificationEvents.CertificateRevoked;
import vn.ocop.certification.CertificationEvents.CertificateStatusChanged;
import vn.ocop.producer.ProducerEvents.ProducerUpdated;
import vn.ocop.producer.ProducerEvents.ProducersImported;
import vn.ocop.product.CurrentRating;
import vn.ocop.product.ProductEvents.ProductEvent;
import vn.ocop.product.ProductEvents.ProductsImported;
import vn.ocop.product.ProductRegistry;
import vn.ocop.product.ProductView;
import vn.ocop.shared.AuditableEvent;

/**
 * The read model of what a scan shows of a product ({@code trace_product}): names, place, shops and the live
 * certificate, read through the product and certification modules' APIs, so a scan is one query of this module's
 * tables. Kept current in the transaction that changes the source: a suspension or revocation shows on the very next
 * scan, and a rolled-back change never shows.
 *
 * <p>A refresh first takes the row's lock, then reads the certificate: a lot recorded while a certificate is revoked
 * either waits for the revocation and reads it, or the revocation waits for the lot and then writes over it. Product
 * and producer changes refresh only products that already have a row (the certificate's do every time, so that
 * ordering holds); a daily job refreshes every row in case a display change raced a first lot.
 */
@Component
class TracedProducts {

    private static final Logger log = LoggerFactory.getLogger(TracedProducts.class);

    private final JdbcClient jdbc;
    private final ProductRegistry products;
    private final Certification certification;
    private final JsonMapper json;
    private final TransactionTemplate transactions;
    private final Clock clock;

    TracedProducts(
            JdbcClient jdbc,
            ProductRegistry products,
            Certification certification,
            JsonMapper json,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.jdbc = jdbc;
        this.products = products;
        this.certification = certification;
        this.json = json;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** A product as a scan shows it, with its certificate; empty when the product has no row yet. */
    Optional<TracedProduct> find(long productId) {
        return jdbc.sql("SELECT * FROM trace_product WHERE product_id = ?")
                .param(productId)
                .query(this::map)
                .optional();
    }

    /**
     * Brings a product's row up to date from the modules' APIs, creating it; in the caller's transaction. Returns the
     * row, or empty when the product does not exist.
     */
    Optional<TracedProduct> refresh(long productId) {
        Optional<ProductView> found = products.lookup(productId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ProductView product = found.get();
        jdbc.sql("""
                        INSERT INTO trace_product (product_id, producer_id, product_name, producer_name, commune_code,
                                                   province_code, cert_source, refreshed_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'NONE', ?) ON CONFLICT (product_id) DO NOTHING""")
                .params(
                        productId,
                        product.producerId(),
                        product.name(),
                        product.producerName(),
                        product.communeCode(),
                        product.provinceCode(),
                        Timestamp.from(Instant.now(clock)))
                .update();
        jdbc.sql("SELECT product_id FROM trace_product WHERE product_id = ? FOR UPDATE")
                .param(productId)
                .query(Long.class)
                .single();
        // Read after the lock: a concurrent certificate change has either committed or waits for this transaction.
        CertificateState certificate = certificateOf(product, certification.latestOf(productId));
        jdbc.sql("""
                        UPDATE trace_product SET producer_id = ?, product_name = ?, producer_name = ?, commune_code = ?,
                               province_code = ?, ocop_code = ?, links = ?::jsonb, cert_source = ?, cert_number = ?,
                               cert_star = ?, cert_level = ?, cert_status = ?, cert_issued_on = ?, cert_expires_on = ?,
                               cert_revoked_on = ?, refreshed_at = ?
                         WHERE product_id = ?""")
                .params(
                        product.producerId(),
                        product.name(),
                        product.producerName(),
                        product.communeCode(),
                        product.provinceCode(),
                        product.ocopCode(),
                        json.writeValueAsString(product.links().stream()
                                .map(l -> Map.of("platform", l.platform(), "url", l.url()))
                                .toList()),
                        certificate.source().name(),
                        certificate.number(),
                        certificate.star(),
                        certificate.level(),
                        certificate.status() == null
                                ? null
                                : certificate.status().name(),
                        date(certificate.issuedOn()),
                        date(certificate.expiresOn()),
                        date(certificate.revokedOn()),
                        Timestamp.from(Instant.now(clock)),
                        productId)
                .update();
        // Lots and signals are located where their producer is now, like products (the officers there answer for them).
        jdbc.sql("UPDATE lot SET commune_code = ?, province_code = ? WHERE product_id = ? AND commune_code <> ?")
                .params(product.communeCode(), product.provinceCode(), productId, product.communeCode())
                .update();
        jdbc.sql("""
                        UPDATE trace_signal SET commune_code = ?, province_code = ?
                         WHERE product_id = ? AND commune_code <> ?""")
                .params(product.communeCode(), product.provinceCode(), productId, product.communeCode())
                .update();
        return find(productId);
    }

    /** Refreshes the products among these that already have a row. */
    void refreshTraced(Collection<Long> productIds) {
        if (productIds.isEmpty()) {
            return;
        }
        List<Long> traced = jdbc.sql("SELECT product_id FROM trace_product WHERE product_id = ANY(?) ORDER BY 1")
                .param(productIds.toArray(Long[]::new))
                .query(Long.class)
                .list();
        traced.forEach(this::refresh);
    }

    private static CertificateState certificateOf(ProductView product, Optional<Certificate> platform) {
        CurrentRating rating = product.rating();
        if (platform.isPresent()) {
            Certificate c = platform.get();
            boolean importedIsNewer = rating != null
                    && "IMPORTED".equals(rating.source())
                    && rating.issuedOn() != null
                    && rating.issuedOn().isAfter(c.issuedOn());
            if (!importedIsNewer) {
                return new CertificateState(
                        CertificateState.Source.PLATFORM,
                        c.number(),
                        c.star(),
                        c.level(),
                        CertificateState.Status.valueOf(c.storedStatus().name()),
                        c.issuedOn(),
                        c.expiresOn(),
                        c.revokedOn());
            }
        }
        if (rating != null && rating.certified()) {
            return new CertificateState(
                    CertificateState.Source.IMPORTED,
                    rating.certificateNumber(),
                    rating.star(),
                    rating.level() == null ? null : rating.level().name(),
                    CertificateState.Status.VALID,
                    rating.issuedOn(),
                    rating.expiresOn(),
                    null);
        }
        ProductView.LastCertificate last = product.lastCertificate();
        if (last != null && !last.inForce() && "IMPORTED".equals(last.source())) {
            // A certificate recorded from a province's records that has lapsed: shown as expired, not as none.
            return new CertificateState(
                    CertificateState.Source.IMPORTED,
                    last.number(),
                    last.star(),
                    last.level() == null ? null : last.level().name(),
                    CertificateState.Status.EXPIRED,
                    last.issuedOn(),
                    last.expiresOn(),
                    null);
        }
        return CertificateState.NONE;
    }

    // --- keeping the rows current: in the transaction that changes the source -------------------------------------

    /** Certificate changes refresh the product every time (creating its row): see the class comment. */
    @EventListener
    void on(CertificateEvent event) {
        productOf(event).ifPresent(this::refresh);
    }

    @EventListener
    void on(ProductEvent event) {
        refreshTraced(List.of(event.productId()));
    }

    @EventListener
    void on(ProductsImported batch) {
        Set<Long> ids = new LinkedHashSet<>();
        for (AuditableEvent event : batch.auditEvents()) {
            if (event instanceof ProductEvent product) {
                ids.add(product.productId());
            }
        }
        refreshTraced(ids);
    }

    @EventListener
    void on(ProducerUpdated event) {
        refreshTraced(productsOf(List.of(event.producerId())));
    }

    @EventListener
    void on(ProducersImported batch) {
        List<Long> producers = new ArrayList<>();
        for (AuditableEvent event : batch.auditEvents()) {
            if (event instanceof ProducerUpdated updated) {
                producers.add(updated.producerId());
            }
        }
        refreshTraced(productsOf(producers));
    }

    /** Every night: all rows again, one transaction each (a display change may have raced a product's first lot). */
    @Scheduled(cron = "0 15 2 * * *", zone = "Asia/Ho_Chi_Minh")
    @SchedulerLock(name = "traceability-products-refresh", lockAtLeastFor = "PT1M")
    void refreshAll() {
        List<Long> ids = jdbc.sql("SELECT product_id FROM trace_product ORDER BY product_id")
                .query(Long.class)
                .list();
        for (Long id : ids) {
            try {
                transactions.executeWithoutResult(tx -> refresh(id));
            } catch (RuntimeException e) {
                log.warn("Refreshing traced product {} failed; the next run tries again", id, e);
            }
        }
    }

    private List<Long> productsOf(Collection<Long> producerIds) {
        if (producerIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT product_id FROM trace_product WHERE producer_id = ANY(?)")
                .param(producerIds.toArray(Long[]::new))
                .query(Long.class)
                .list();
    }

    private static Optional<Long> productOf(CertificateEvent event) {
        if (event instanceof CertificateIssued e) {
            return Optional.of(e.productId());
        }
        if (event instanceof CertificateRevoked e) {
            return Optional.of(e.productId());
        }
        if (event instanceof CertificateStatusChanged e) {
            return Optional.of(e.productId());
        }
        if (event instanceof CertificateExpired e) {
            return Optional.of(e.productId());
        }
        return Optional.empty(); // reminders change nothing a scan shows
    }

    private static @Nullable Date date(@Nullable LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    /** A row of {@code trace_product}. */
    record TracedProduct(
            long productId,
            long producerId,
            String productName,
            String producerName,
            String communeCode,
            String provinceCode,
            @Nullable String ocopCode,
            String linksJson,
            CertificateState certificate) {}

    TracedProduct map(ResultSet rs, int row) throws SQLException {
        return new TracedProduct(
                rs.getLong("product_id"),
                rs.getLong("producer_id"),
                rs.getString("product_name"),
                rs.getString("producer_name"),
                rs.getString("commune_code"),
                rs.getString("province_code"),
                rs.getString("ocop_code"),
                rs.getString("links"),
                certificate(rs));
    }

    /** The certificate columns of a row (also used by queries that join {@code trace_product}). */
    static CertificateState certificate(ResultSet rs) throws SQLException {
        String status = rs.getString("cert_status");
        Integer star = rs.getObject("cert_star", Integer.class);
        return new CertificateState(
                CertificateState.Source.valueOf(rs.getString("cert_source")),
                rs.getString("cert_number"),
                star,
                rs.getString("cert_level"),
                status == null ? null : CertificateState.Status.valueOf(status),
                rs.getObject("cert_issued_on", LocalDate.class),
                rs.getObject("cert_expires_on", LocalDate.class),
                rs.getObject("cert_revoked_on", LocalDate.class));
    }
}
