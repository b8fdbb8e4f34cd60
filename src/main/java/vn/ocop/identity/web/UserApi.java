package vn.ocop.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.identity.CreateUser;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.UserAccounts;
import vn.ocop.identity.UserSummary;

/** User administration, limited to the caller's jurisdiction. */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users")
@SecurityRequirement(name = "bearer")
class UserApi {

    private final UserAccounts users;

    UserApi(UserAccounts users) {
        this.users = users;
    }

    @GetMapping
    @Operation(summary = "Accounts the caller administers (producers' included), by username, filtered and paged")
    vn.ocop.shared.PageResult<UserSummary> list(
            @org.springframework.web.bind.annotation.RequestParam(required = false) @Nullable @Size(max = 100) String q,
            @org.springframework.web.bind.annotation.RequestParam(required = false)
                    vn.ocop.identity.@Nullable Role role,
            @org.springframework.web.bind.annotation.RequestParam(required = false) @Nullable @Size(max = 10)
                    String unit,
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "0")
                    @jakarta.validation.constraints.Min(0)
                    @jakarta.validation.constraints.Max(100000)
                    int page,
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "50")
                    @jakarta.validation.constraints.Min(1)
                    @jakarta.validation.constraints.Max(200)
                    int size,
            CurrentUser actor) {
        return users.search(new UserAccounts.AccountQuery(q, role, unit), page, size, actor);
    }

    record Update(
            @jakarta.validation.constraints.NotBlank @Size(max = 200)
            String displayName,

            @Nullable @jakarta.validation.constraints.Email @Size(max = 254)
            String email,

            @NotNull vn.ocop.identity.@Nullable Role role,
            @Nullable @Size(max = 10) String jurisdictionCode,
            @NotNull Long version) {}

    @PutMapping("/{id}")
    @Operation(
            summary = "Change an account's name, e-mail, role and jurisdiction (a new role or jurisdiction ends its"
                    + " sessions and revokes its tokens); 409 on a stale version")
    UserSummary update(@PathVariable long id, @Valid @RequestBody Update body, CurrentUser actor) {
        return users.update(
                id,
                new UserAccounts.UpdateUser(body.displayName(), body.email(), body.role(), body.jurisdictionCode()),
                body.version(),
                actor);
    }

    @PostMapping
    @Operation(summary = "Create an account (role and jurisdiction must be grantable by the caller)")
    ResponseEntity<UserSummary> create(@Valid @RequestBody CreateUser command, CurrentUser actor) {
        UserSummary created = users.create(command, actor);
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.id()))
                .body(created);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One account")
    UserSummary one(@PathVariable long id, CurrentUser actor) {
        return users.get(id, actor);
    }

    record EnabledChange(@NotNull Boolean enabled, @NotNull Long version) {}

    @PutMapping("/{id}/enabled")
    @Operation(
            summary = "Enable or disable an account (disabling ends its sessions and revokes its tokens); version is"
                    + " the one last read (409 when stale)")
    UserSummary setEnabled(@PathVariable long id, @Valid @RequestBody EnabledChange change, CurrentUser actor) {
        return users.setEnabled(id, change.enabled(), change.version(), actor);
    }

    record PasswordReset(@NotBlank @Size(max = 128) String password) {}

    @PutMapping("/{id}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Set a new password for an account; its sessions end and its tokens are revoked")
    void resetPassword(@PathVariable long id, @Valid @RequestBody PasswordReset reset, CurrentUser actor) {
        users.resetPassword(id, reset.password(), actor);
    }
}
