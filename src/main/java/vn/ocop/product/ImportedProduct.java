package vn.ocop.product;

import org.jspecify.annotations.Nullable;
import vn.ocop.producer.ImportedProducer.Outcome;

/** What an import did to one product; {@code ocopCode} is the code it has afterwards. */
public record ImportedProduct(
        long id, long producerId, String name, @Nullable String ocopCode, Outcome outcome) {}
