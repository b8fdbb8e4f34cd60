package vn.ocop.producer;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What an officer (or the producer itself) fills in about a producer; used to register and to update.
 *
 * @param taxCode 10 or 13 digits; {@code 0123456789-001} is accepted
 * @param communeCode commune of the current scheme where the producer is located
 * @param craftVillage whether it works in a craft village (làng nghề); set by itself when the village is named
 * @param craftVillageName the craft village's name, e.g. {@code Làng nghề bánh phồng tôm Sa Giang}; optional
 */
public record ProducerDetails(
        @NotNull LegalType legalType,
        @NotBlank @Size(max = 300) String name,
        @NotBlank @Size(max = 20) String taxCode,
        @Nullable @Size(max = 200) String representative,
        @Nullable @Size(max = 100) String representativeTitle,

        @Nullable @Size(max = 30) @Pattern(regexp = "[0-9 +().-]*")
        String phone,

        @Nullable @Email @Size(max = 254) String email,

        @Nullable @Size(max = 500) @Pattern(regexp = "(https?://.*)?")
        String website,

        @Nullable @Size(max = 500) String address,
        @NotBlank @Size(max = 10) String communeCode,
        boolean sme,
        boolean craftVillage,
        boolean womenLed,
        boolean ethnicMinorityArea,
        @Nullable @Min(1900) @Max(2100) Integer foundedYear,
        @Nullable @PositiveOrZero Integer members,
        @Nullable @PositiveOrZero Integer employees,
        @Nullable ProducerStatus status,
        @Nullable @Size(max = 200) String craftVillageName) {

    /** Details without a craft village name (callers written before the name existed). */
    public ProducerDetails(
            LegalType legalType,
            String name,
            String taxCode,
            @Nullable String representative,
            @Nullable String representativeTitle,
            @Nullable String phone,
            @Nullable String email,
            @Nullable String website,
            @Nullable String address,
            String communeCode,
            boolean sme,
            boolean craftVillage,
            boolean womenLed,
            boolean ethnicMinorityArea,
            @Nullable Integer foundedYear,
            @Nullable Integer members,
            @Nullable Integer employees,
            @Nullable ProducerStatus status) {
        this(
                legalType,
                name,
                taxCode,
                representative,
                representativeTitle,
                phone,
                email,
                website,
                address,
                communeCode,
                sme,
                craftVillage,
                womenLed,
                ethnicMinorityArea,
                foundedYear,
                members,
                employees,
                status,
                null);
    }
}
