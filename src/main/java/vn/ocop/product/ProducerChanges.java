package vn.ocop.product;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.ocop.producer.ProducerEvents.ProducerUpdated;
import vn.ocop.producer.ProducerRegistry;

/**
 * Keeps products located where their producer is, and their search text current with the producer's name. Runs in
 * the producer's transaction (not after it), because a product's location decides who may see it: there must be no
 * moment where a moved producer's products are still visible to the old commune.
 */
@Component
class ProducerChanges {

    private final ProductRegistry products;
    private final ProducerRegistry producers;

    ProducerChanges(ProductRegistry products, ProducerRegistry producers) {
        this.products = products;
        this.producers = producers;
    }

    @EventListener
    void on(ProducerUpdated event) {
        producers
                .lookup(event.producerId())
                .ifPresent(producer -> products.producerMoved(
                        producer.id(), producer.communeCode(), producer.provinceCode(), producer.name()));
    }
}
