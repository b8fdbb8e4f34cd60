package vn.ocop.producer;

import org.jspecify.annotations.Nullable;

/**
 * Filters of the producer list; all optional. {@code text} matches the name or tax code, ignoring accents and case.
 */
public record ProducerQuery(
        @Nullable String text,
        @Nullable String provinceCode,
        @Nullable String communeCode,
        @Nullable LegalType legalType,
        @Nullable ProducerStatus status) {

    public static ProducerQuery all() {
        return new ProducerQuery(null, null, null, null, null);
    }
}
