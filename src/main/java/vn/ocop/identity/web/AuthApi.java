package vn.ocop.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.identity.ApiTokens;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.IdentityError;
import vn.ocop.shared.OcopException;

/** Token login for API clients, and the caller's own identity and tokens. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Authentication")
class AuthApi {

    private final AuthenticationManager authenticationManager;
    private final ApiTokens tokens;

    AuthApi(AuthenticationManager authenticationManager, ApiTokens tokens) {
        this.authenticationManager = authenticationManager;
        this.tokens = tokens;
    }

    record TokenRequest(
            @NotBlank @Size(max = 64) String username,
            @NotBlank @Size(max = 128) String password,
            @Nullable @Size(max = 100) String label) {}

    record TokenResponse(String accessToken, String tokenType, long tokenId, Instant expiresAt) {}

    @PostMapping("/auth/token")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Exchange username and password for a bearer token",
            description = "Failed attempts count per account name and client: after five, this client is refused for"
                    + " that name for a while (doubling on repetition). Wrong password, unknown name, disabled"
                    + " account and a refused client all get the same 401 answer.")
    TokenResponse token(@Valid @RequestBody TokenRequest request, jakarta.servlet.http.HttpServletRequest http) {
        Authentication authentication;
        try {
            UsernamePasswordAuthenticationToken attempt =
                    UsernamePasswordAuthenticationToken.unauthenticated(request.username(), request.password());
            attempt.setDetails(new org.springframework.security.web.authentication.WebAuthenticationDetails(http));
            authentication = authenticationManager.authenticate(attempt);
        } catch (AuthenticationException e) {
            // One answer for all: it must not tell which accounts exist, are disabled or refuse this client.
            throw new OcopException(IdentityError.BAD_CREDENTIALS);
        }
        CurrentUser user = requireUser(CurrentUser.from(authentication));
        ApiTokens.IssuedToken issued =
                tokens.issue(user, request.label() == null || request.label().isBlank() ? "api" : request.label());
        return new TokenResponse(issued.value(), "Bearer", issued.id(), issued.expiresAt());
    }

    @DeleteMapping("/auth/token")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Revoke the token this request was made with",
            security = @SecurityRequirement(name = "bearer"))
    void revokeCurrent(Authentication authentication) {
        if (authentication instanceof BearerTokenAuthentication bearer) {
            tokens.revokeByValue(bearer.getToken().getTokenValue());
        }
    }

    @GetMapping("/auth/tokens")
    @Operation(summary = "The caller's tokens", security = @SecurityRequirement(name = "bearer"))
    List<ApiTokens.TokenInfo> myTokens(CurrentUser actor) {
        return tokens.list(actor);
    }

    @DeleteMapping("/auth/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke one of the caller's tokens", security = @SecurityRequirement(name = "bearer"))
    void revoke(@PathVariable long id, CurrentUser actor) {
        tokens.revoke(id, actor);
    }

    @GetMapping("/me")
    @Operation(summary = "Who the caller is", security = @SecurityRequirement(name = "bearer"))
    CurrentUser me(CurrentUser actor) {
        return actor;
    }

    private static CurrentUser requireUser(@Nullable CurrentUser user) {
        if (user == null) {
            throw new OcopException(vn.ocop.shared.CommonError.UNAUTHENTICATED);
        }
        return user;
    }
}
