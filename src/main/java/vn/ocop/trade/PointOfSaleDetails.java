package vn.ocop.trade;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What is kept about a point of sale (used to create and to change one).
 *
 * @param open false when the point has closed (it leaves the public pages, its record stays)
 */
public record PointOfSaleDetails(
        @NotBlank @Size(max = 300) String name,
        @NotBlank @Size(max = 500) String address,
        @NotBlank @Size(max = 10) String communeCode,
        @Nullable @Size(max = 300) String openingHours,

        @Nullable @Size(max = 30) @Pattern(regexp = "[0-9 +().-]*")
        String phone,

        @Nullable @Email @Size(max = 254) String email,

        @Nullable @Size(max = 500) @Pattern(regexp = "(https?://.*)?")
        String website,

        @Nullable @Size(max = 3000) String description,
        boolean open) {}
