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
        @Nullable ProducerStatus status) {}
