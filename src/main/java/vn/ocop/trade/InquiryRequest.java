package vn.ocop.trade;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A buyer's inquiry: about one listed product ({@code productId}), or about a category ({@code criteriaSetNo}) in a
 * province ({@code provinceCode}), for a quantity. The e-mail address (and phone, optional) only serve to answer.
 */
public record InquiryRequest(
        @Nullable Long productId,
        @Nullable @Min(1) @Max(26) Integer criteriaSetNo,
        @Nullable @Size(max = 10) String provinceCode,
        @NotNull BuyerKind buyerKind,
        @NotBlank @Size(max = 200) String buyerName,
        @Nullable @Size(max = 300) String organisation,
        @NotBlank @Email @Size(max = 254) String email,

        @Nullable @Size(max = 30) @Pattern(regexp = "[0-9 +().-]*")
        String phone,

        @NotBlank @Size(max = 200) String quantity,
        @NotBlank @Size(max = 3000) String message) {}
