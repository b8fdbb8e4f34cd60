package vn.ocop.producer;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What an applicant fills in on the portal to take part in OCOP: the producer (legal type, name, tax code,
 * representative, contacts, address and commune), whether its phone and e-mail may be shown publicly, and its first
 * account (user name and password; the password is kept only as a hash).
 */
public record SignupRequest(
        @NotNull LegalType legalType,
        @NotBlank @Size(max = 300) String name,
        @NotBlank @Size(max = 20) String taxCode,
        @NotBlank @Size(max = 200) String representative,
        @Nullable @Size(max = 100) String representativeTitle,

        @NotBlank @Size(max = 30) @Pattern(regexp = "[0-9 +().-]*")
        String phone,

        @NotBlank @Email @Size(max = 254) String email,

        @Nullable @Size(max = 500) @Pattern(regexp = "(https?://.*)?")
        String website,

        @NotBlank @Size(max = 500) String address,
        @NotBlank @Size(max = 10) String communeCode,
        boolean publishPhone,
        boolean publishEmail,

        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,63}", message = "{user.username.format}")
        String username,

        @NotBlank @Size(min = 10, max = 128, message = "{user.password.size}")
        String password) {}
