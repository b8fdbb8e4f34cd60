package vn.ocop.producer;

/**
 * What an import did to one producer.
 *
 * @param relocatedOrRenamed whether an existing producer changed commune or name, so its products must follow
 */
public record ImportedProducer(
        long id,
        String taxCode,
        String name,
        String communeCode,
        String provinceCode,
        Outcome outcome,
        boolean relocatedOrRenamed) {

    /** What happened to the record. */
    public enum Outcome {
        /** It did not exist and was registered. */
        CREATED,
        /** It existed and at least one imported field differed. */
        UPDATED,
        /** It existed with exactly the imported values; nothing was written. */
        UNCHANGED
    }
}
