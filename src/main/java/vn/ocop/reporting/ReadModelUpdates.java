package vn.ocop.reporting;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.ocop.certification.CertificationEvents.CertificateIssued;
import vn.ocop.certification.CertificationEvents.CertificateRevoked;
import vn.ocop.certification.CertificationEvents.CertificateStatusChanged;
import vn.ocop.evaluation.EvaluationEvents.DossierTransitioned;
import vn.ocop.evaluation.EvaluationEvents.ProductRated;
import vn.ocop.producer.ProducerEvents.ProducerRegistered;
import vn.ocop.producer.ProducerEvents.ProducerUpdated;
import vn.ocop.producer.ProducerEvents.ProducersImported;
import vn.ocop.product.ProductEvents.ProductRatingRecorded;
import vn.ocop.product.ProductEvents.ProductRegistered;
import vn.ocop.product.ProductEvents.ProductUpdated;
import vn.ocop.product.ProductEvents.ProductsImported;
import vn.ocop.shared.AuditableEvent;

/**
 * Keeps the read model current from the other modules' events, each after its transaction committed, in a transaction
 * of its own; a failed update stays in the event publication registry and is run again ({@code EventRetries}). Expiry
 * needs no event: a certificate's last day is part of it. Each update first takes the read model's lock
 * ({@link ReadModel#lock()}): updates of related facts run one after the other, never side by side.
 */
@Component
class ReadModelUpdates {

    private final ReadModel model;

    ReadModelUpdates(ReadModel model) {
        this.model = model;
    }

    @ApplicationModuleListener
    void on(ProducerRegistered event) {
        model.lock();
        model.producer(event.producerId(), event.facts(), false);
    }

    @ApplicationModuleListener
    void on(ProducerUpdated event) {
        model.lock();
        model.producer(event.producerId(), event.facts(), true);
    }

    @ApplicationModuleListener
    void on(ProducersImported event) {
        model.lock();
        for (AuditableEvent e : event.events()) {
            if (e instanceof ProducerRegistered registered) {
                model.producer(registered.producerId(), registered.facts(), false);
            } else if (e instanceof ProducerUpdated updated) {
                model.producer(updated.producerId(), updated.facts(), true);
            }
        }
    }

    @ApplicationModuleListener
    void on(ProductRegistered event) {
        model.lock();
        model.product(event.productId(), event.producerId(), event.name(), event.criteriaSetNo(), false);
    }

    @ApplicationModuleListener
    void on(ProductUpdated event) {
        model.lock();
        model.product(event.productId(), event.producerId(), event.name(), event.criteriaSetNo(), true);
    }

    @ApplicationModuleListener
    void on(ProductRatingRecorded event) {
        model.lock();
        rating(event);
    }

    @ApplicationModuleListener
    void on(ProductsImported event) {
        model.lock();
        for (AuditableEvent e : event.events()) {
            if (e instanceof ProductRegistered registered) {
                model.product(
                        registered.productId(),
                        registered.producerId(),
                        registered.name(),
                        registered.criteriaSetNo(),
                        false);
            } else if (e instanceof ProductUpdated updated) {
                model.product(updated.productId(), updated.producerId(), updated.name(), updated.criteriaSetNo(), true);
            } else if (e instanceof ProductRatingRecorded rated) {
                rating(rated);
            }
        }
    }

    /** Ratings recorded by certification are its certificates' (see below); imported ones are read here. */
    private void rating(ProductRatingRecorded event) {
        if ("IMPORTED".equals(event.rating().source())) {
            model.importedRating(event.productId(), event.rating(), model.today());
        }
    }

    @ApplicationModuleListener
    void on(CertificateIssued event) {
        model.lock();
        model.platformCertificate(
                event.productId(),
                event.number(),
                event.star(),
                event.level(),
                event.kind(),
                event.issuedOn(),
                event.expiresOn(),
                null);
    }

    @ApplicationModuleListener
    void on(CertificateRevoked event) {
        model.lock();
        model.revoked(event.productId(), event.number(), event.revokedOn());
    }

    @ApplicationModuleListener
    void on(CertificateStatusChanged event) {
        model.lock();
        if ("suspended".equals(event.change())) {
            model.suspended(event.productId(), event.number(), event.effectiveOn());
        } else if ("reinstated".equals(event.change())) {
            model.reinstated(event.productId(), event.number(), event.effectiveOn());
        }
    }

    @ApplicationModuleListener
    void on(ProductRated event) {
        model.lock();
        model.rated(
                event.dossierId(),
                event.productId(),
                event.level(),
                event.star(),
                event.fiveStarCandidate(),
                model.today());
    }

    @ApplicationModuleListener
    void on(DossierTransitioned event) {
        model.lock();
        model.dossierStep(
                event.dossierId(), event.productId(), event.kind(), event.to().name(), model.now());
    }
}
