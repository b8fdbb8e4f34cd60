package vn.ocop.producer;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A producer as officers and the API see it. {@code version} is needed to update it (optimistic locking).
 *
 * @param publishPhone whether the producer chose to show its phone on the public portal (never shown otherwise)
 * @param publishEmail whether the producer chose to show its e-mail address on the public portal
 */
public record ProducerView(
        long id,
        LegalType legalType,
        String name,
        String taxCode,
        @Nullable String representative,
        @Nullable String representativeTitle,
        @Nullable String phone,
        @Nullable String email,
        boolean publishPhone,
        boolean publishEmail,
        @Nullable String website,
        @Nullable String address,
        String communeCode,
        String provinceCode,
        boolean sme,
        boolean craftVillage,
        boolean womenLed,
        boolean ethnicMinorityArea,
        @Nullable Integer foundedYear,
        @Nullable Integer members,
        @Nullable Integer employees,
        ProducerStatus status,
        Instant createdAt,
        Instant updatedAt,
        long version,
        @Nullable String craftVillageName) {

    /** The facts other modules' read models keep of this producer (see {@link ProducerEvents.ProducerFacts}). */
    public ProducerEvents.ProducerFacts facts() {
        return new ProducerEvents.ProducerFacts(
                name,
                legalType,
                communeCode,
                provinceCode,
                sme,
                craftVillage,
                craftVillageName,
                womenLed,
                ethnicMinorityArea,
                status);
    }
}
