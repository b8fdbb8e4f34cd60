package vn.ocop.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ocop.catalog.CatalogEvents.RefreshQueued;
import vn.ocop.certification.CertificationEvents.CertificateExpired;
import vn.ocop.certification.CertificationEvents.CertificateIssued;
import vn.ocop.certification.CertificationEvents.CertificateRevoked;
import vn.ocop.certification.CertificationEvents.CertificateStatusChanged;
import vn.ocop.producer.ProducerEvents.ProducerUpdated;
import vn.ocop.producer.ProducerEvents.ProducersImported;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.producer.ProducerView;
import vn.ocop.product.ProductEvents.ProductEvent;
import vn.ocop.product.ProductEvents.ProductRatingRecorded;
import vn.ocop.product.ProductEvents.ProductUpdated;
import vn.ocop.product.ProductEvents.ProductsImported;
import vn.ocop.product.ProductPhotoEvents.ProductPhotoAdded;
import vn.ocop.product.ProductPhotoEvents.ProductPhotoRemoved;
import vn.ocop.product.ProductView;
import vn.ocop.product.ProductViews;

/**
 * Keeps the catalog's read model in step with the product, producer and certification modules (docs/decisions/0021):
 *
 * <ul>
 *   <li>What takes something away from the public (a certificate revoked, suspended or expired; a producer's changed
 *       or withdrawn contact details) is applied <b>in the same transaction</b> as the change, by synchronous
 *       listeners: when the revocation commits, the product is already out of the catalog, its map count and the
 *       public API. (Reinstatement is applied the same way.)
 *   <li>Everything else (new ratings, edits, photos, imports) is applied <b>after commit</b> by module listeners,
 *       replayed from the event publication registry if they fail.
 *   <li>A refresh reads the product and producer as they are now through their modules' APIs (never the event's
 *       copy), under the catalog's write lock, so an older state can never overwrite a newer one.
 *   <li>An empty read model is filled once from the modules' APIs at start-up.
 * </ul>
 */
@Component
@Order(30)
class CatalogProjection implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogProjection.class);
    private static final int BATCH = 1000;

    private final CatalogStore store;
    private final ProductViews products;
    private final ProducerRegistry producers;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    CatalogProjection(
            CatalogStore store,
            ProductViews products,
            ProducerRegistry producers,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions) {
        this.store = store;
        this.products = products;
        this.producers = producers;
        this.jdbc = jdbc;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    // --- withdrawals: in the changing transaction -------------------------------------------------------------

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(CertificateRevoked revoked) {
        refreshProducts(List.of(revoked.productId()), true);
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(CertificateExpired expired) {
        refreshProducts(List.of(expired.productId()), true);
    }

    /** Suspended (out at once) or reinstated (back at once). */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(CertificateStatusChanged changed) {
        refreshProducts(List.of(changed.productId()), true);
    }

    /** A producer's name, place or published contacts changed: a contact withdrawn must not stay public a moment. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ProducerUpdated updated) {
        store.lockAndBump();
        producers.lookup(updated.producerId()).ifPresent(producer -> store.upsertProducers(List.of(producer)));
    }

    /** An import's batch: its products and producers are queued here and read again after commit. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ProductsImported imported) {
        Set<Long> ids = new LinkedHashSet<>();
        imported.events().forEach(event -> {
            if (event instanceof ProductEvent product) {
                ids.add(product.productId());
            }
        });
        queue("P", ids);
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ProducersImported imported) {
        Set<Long> ids = new LinkedHashSet<>();
        imported.events().forEach(event -> ids.add(Long.parseLong(event.auditObjectId())));
        queue("R", ids);
    }

    // --- additions and edits: after commit --------------------------------------------------------------------

    @ApplicationModuleListener
    void on(ProductRatingRecorded recorded) {
        refreshProducts(List.of(recorded.productId()), false);
    }

    @ApplicationModuleListener
    void on(ProductUpdated updated) {
        refreshProducts(List.of(updated.productId()), false);
    }

    /** A certificate issued: the rating arrived with {@link ProductRatingRecorded}; the history changed too. */
    @ApplicationModuleListener
    void on(CertificateIssued issued) {
        refreshProducts(List.of(issued.productId()), false);
    }

    @ApplicationModuleListener
    void on(ProductPhotoAdded added) {
        photosChanged(added.productId());
    }

    @ApplicationModuleListener
    void on(ProductPhotoRemoved removed) {
        photosChanged(removed.productId());
    }

    @ApplicationModuleListener
    void on(RefreshQueued queued) {
        while (Boolean.TRUE.equals(transaction.execute(status -> drainOnce()))) {
            // one transaction per batch, so that a large import is worked off in steps
        }
    }

    /** Fills an empty read model from the product and producer modules, once (the first node to start does it). */
    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> {
            if (store.filledForUpdate()) {
                return;
            }
            store.lockAndBump();
            long started = System.nanoTime();
            List<ProductView> batch = new ArrayList<>();
            int[] count = {0};
            products.forEachCertified(product -> {
                batch.add(product);
                if (batch.size() == BATCH) {
                    write(batch);
                    count[0] += batch.size();
                    batch.clear();
                }
            });
            write(batch);
            count[0] += batch.size();
            store.markFilled();
            log.info(
                    "Catalog filled from the registry: {} certified products in {} ms",
                    count[0],
                    (System.nanoTime() - started) / 1_000_000);
        });
    }

    private void write(List<ProductView> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Map<Long, ProducerView> owners = producers.lookupAll(
                batch.stream().map(ProductView::producerId).distinct().toList());
        store.upsertProducts(batch, owners);
    }

    /**
     * Reads the products again and writes their rows: certified products, and products already in the catalog (to
     * withdraw or update them). {@code always}: write a row even for a product never listed, so that no older state
     * read by a concurrent refresh can list it afterwards (used for withdrawals).
     */
    private void refreshProducts(Collection<Long> ids, boolean always) {
        store.lockAndBump();
        List<Long> known = store.known(ids);
        List<ProductView> views = products.byIds(ids).stream()
                .filter(p -> always || known.contains(p.id()) || CatalogStore.certifiedRating(p.rating()) != null)
                .toList();
        write(views);
    }

    private void photosChanged(long productId) {
        transaction.executeWithoutResult(status -> {
            if (!store.known(List.of(productId)).isEmpty()) {
                store.lockAndBump();
            }
        });
    }

    private void queue(String kind, Set<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("INSERT INTO catalog_refresh (kind, id) SELECT ?, unnest(?::bigint[]) ON CONFLICT DO NOTHING")
                .params(kind, ids.toArray(Long[]::new))
                .update();
        events.publishEvent(new RefreshQueued(ids.size()));
    }

    /** Works off one batch of the refresh queue; false when it was empty. */
    private boolean drainOnce() {
        store.lockAndBump();
        List<Object[]> rows = jdbc.sql("""
                        DELETE FROM catalog_refresh WHERE (kind, id) IN
                            (SELECT kind, id FROM catalog_refresh ORDER BY queued_at, kind, id LIMIT ?)
                        RETURNING kind, id""")
                .param(BATCH)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2)})
                .list();
        if (rows.isEmpty()) {
            return false;
        }
        List<Long> productIds = rows.stream()
                .filter(r -> "P".equals(r[0]))
                .map(r -> (Long) r[1])
                .toList();
        List<Long> producerIds = rows.stream()
                .filter(r -> "R".equals(r[0]))
                .map(r -> (Long) r[1])
                .toList();
        if (!productIds.isEmpty()) {
            refreshProducts(productIds, false);
        }
        List<Long> knownProducers = store.producersOfKnownProducts(producerIds);
        if (!knownProducers.isEmpty()) {
            store.upsertProducers(
                    List.copyOf(producers.lookupAll(knownProducers).values()));
        }
        return true;
    }
}
