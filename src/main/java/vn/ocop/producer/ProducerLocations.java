package vn.ocop.producer;

import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.ocop.identity.ProducerDirectory;

/** Tells the identity module where a producer is, so officers can open accounts for producers they cover. */
@Component
class ProducerLocations implements ProducerDirectory {

    private final ProducerRegistry producers;

    ProducerLocations(ProducerRegistry producers) {
        this.producers = producers;
    }

    @Override
    public Optional<String> communeOf(long producerId) {
        return producers.lookup(producerId).map(ProducerView::communeCode);
    }

    @Override
    public Optional<String> nameOf(long producerId) {
        return producers.lookup(producerId).map(ProducerView::name);
    }

    @Override
    public java.util.List<Long> idsWithin(String unitCode) {
        return producers.idsWithin(unitCode);
    }

    @Override
    public Optional<Long> idOfTaxCode(String taxCode) {
        return producers.findByTaxCode(taxCode).map(ProducerView::id);
    }
}
