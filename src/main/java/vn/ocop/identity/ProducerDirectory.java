package vn.ocop.identity;

import java.util.Optional;

/**
 * Where a producer is, for linking producer accounts: implemented by the producer module (which depends on identity,
 * not the other way round).
 */
public interface ProducerDirectory {

    /** The current commune of a producer, or empty when there is no such producer. */
    Optional<String> communeOf(long producerId);

    /** The producer's name, or empty when there is no such producer. */
    Optional<String> nameOf(long producerId);

    /** The ids of the producers located in the unit or inside it (a commune, or every commune of a province). */
    java.util.List<Long> idsWithin(String unitCode);

    /** The producer with this tax code, or empty (used to link the demo producer accounts). */
    Optional<Long> idOfTaxCode(String taxCode);
}
