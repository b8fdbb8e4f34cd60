package vn.ocop.producer;

import org.jspecify.annotations.Nullable;

/**
 * A producer as a spreadsheet import carries it: the fields the import template has. Fields the template lacks
 * (flags, founding year, members, status) are left as they are on an existing producer.
 *
 * @param taxCode normalized, 10 or 13 digits
 * @param communeCode a commune of the current edition
 */
public record ImportProducer(
        String taxCode,
        LegalType legalType,
        String name,
        @Nullable String representative,
        @Nullable String phone,
        @Nullable String email,
        @Nullable String address,
        String communeCode) {}
