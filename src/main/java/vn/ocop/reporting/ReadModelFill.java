package vn.ocop.reporting;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ocop.certification.CertificateHistory;
import vn.ocop.evaluation.DossierHistory;
import vn.ocop.evaluation.DossierStatus;
import vn.ocop.identity.CurrentUser;
import vn.ocop.producer.ProducerBulk;
import vn.ocop.producer.ProducerQuery;
import vn.ocop.product.ProductBulk;
import vn.ocop.shared.OcopClock;

/**
 * At start-up: writes the legacy attribution of communes, and fills the read model once from the other modules'
 * published APIs, source by source, when it has not been filled from that source yet (the first start with the
 * reporting module on an existing database). Each source is filled in one transaction under the read model's lock, so
 * nodes starting together fill it once and no event is applied half-way through; rows already written by events are kept (events are newer).
 */
@Component
@Order(1)
class ReadModelFill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReadModelFill.class);
    private static final CurrentUser SYSTEM = CurrentUser.SYSTEM;

    private final ReadModel model;
    private final LegacyAttribution attribution;
    private final ProducerBulk producers;
    private final ProductBulk products;
    private final CertificateHistory certificates;
    private final DossierHistory dossiers;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    ReadModelFill(
            ReadModel model,
            LegacyAttribution attribution,
            ProducerBulk producers,
            ProductBulk products,
            CertificateHistory certificates,
            DossierHistory dossiers,
            JdbcTemplate jdbc,
            TransactionTemplate transactions) {
        this.model = model;
        this.attribution = attribution;
        this.producers = producers;
        this.products = products;
        this.certificates = certificates;
        this.dossiers = dossiers;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        transactions.executeWithoutResult(status -> attribution.store());
        fillAll();
    }

    /** Fills from every source not filled yet; returns the rows read. */
    long fillAll() {
        return fill("producers", this::fillProducers)
                + fill("products", this::fillProducts)
                + fill("certificates", this::fillCertificates)
                + fill("dossiers", this::fillDossiers);
    }

    private long fill(String source, java.util.function.LongSupplier filler) {
        Long rows = transactions.execute(status -> {
            model.lock();
            Integer done =
                    jdbc.queryForObject("SELECT count(*) FROM report_fill WHERE source = ?", Integer.class, source);
            if (done != null && done > 0) {
                return 0L;
            }
            long n = filler.getAsLong();
            if ("certificates".equals(source) || "products".equals(source)) {
                model.recomputeAll();
                model.syncAllCertificates();
            }
            jdbc.update("INSERT INTO report_fill (source, rows) VALUES (?, ?)", source, n);
            return n;
        });
        long n = rows == null ? 0 : rows;
        if (n > 0) {
            log.info("Reporting read model filled from {}: {} rows", source, n);
        }
        return n;
    }

    private long fillProducers() {
        AtomicLong n = new AtomicLong();
        producers.forEach(ProducerQuery.all(), SYSTEM, producer -> {
            model.producer(producer.id(), producer.facts(), false);
            n.incrementAndGet();
        });
        return n.get();
    }

    private long fillProducts() {
        AtomicLong n = new AtomicLong();
        LocalDate today = model.today();
        products.forEachProduct(product -> {
            model.product(product.id(), product.producerId(), product.name(), product.criteriaSetNo(), false);
            if (product.rating() != null && "IMPORTED".equals(product.rating().source())) {
                model.importedRating(product.id(), product.rating(), today);
            }
            n.incrementAndGet();
        });
        return n.get();
    }

    private long fillCertificates() {
        AtomicLong n = new AtomicLong();
        certificates.forEach(c -> {
            model.platformCertificate(
                    c.productId(),
                    c.number(),
                    c.star(),
                    c.level(),
                    c.kind(),
                    c.issuedOn(),
                    c.expiresOn(),
                    c.revokedOn());
            for (CertificateHistory.Suspension s : c.suspensions()) {
                model.suspended(c.productId(), c.number(), s.from());
                if (s.until() != null) {
                    model.reinstated(c.productId(), c.number(), s.until());
                }
            }
            n.incrementAndGet();
        });
        return n.get();
    }

    private long fillDossiers() {
        AtomicLong n = new AtomicLong();
        dossiers.forEach(d -> {
            for (DossierHistory.Step step : d.steps()) {
                model.dossierStep(d.id(), d.productId(), d.kind(), step.status().name(), step.at());
                if (step.status() == DossierStatus.RATED && d.resultStar() != null) {
                    model.rated(
                            d.id(),
                            d.productId(),
                            d.level(),
                            d.resultStar(),
                            d.fiveStarCandidate(),
                            step.at().atZone(OcopClock.VIETNAM).toLocalDate());
                }
            }
            n.incrementAndGet();
        });
        return n.get();
    }
}
