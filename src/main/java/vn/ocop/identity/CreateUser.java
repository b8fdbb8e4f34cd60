package vn.ocop.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Command: create a user account.
 *
 * @param jurisdictionCode unit of the current edition: a province for province officers, a commune for commune
 *     officers, a province (or none, for the central council) for council members; none for producers
 * @param producerId the producer a producer account acts for (required for, and only for, that role)
 */
public record CreateUser(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,63}", message = "{user.username.format}")
        String username,

        @NotBlank @Size(max = 200) String displayName,
        @Nullable @Email @Size(max = 254) String email,
        @NotNull Role role,
        @Nullable @Size(max = 10) String jurisdictionCode,

        @NotBlank @Size(min = 10, max = 128, message = "{user.password.size}")
        String password,

        @Nullable Long producerId) {

    /** An account of any role but producer. */
    public CreateUser(
            String username,
            String displayName,
            @Nullable String email,
            Role role,
            @Nullable String jurisdictionCode,
            String password) {
        this(username, displayName, email, role, jurisdictionCode, password, null);
    }
}
