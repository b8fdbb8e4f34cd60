package vn.ocop.identity;

import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.stereotype.Component;

/** Resolves our own opaque bearer tokens from the database (no remote introspection endpoint). */
@Component
class TokenIntrospector implements OpaqueTokenIntrospector {

    private final ApiTokens tokens;

    TokenIntrospector(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public OAuth2AuthenticatedPrincipal introspect(String token) {
        return tokens.authenticate(token)
                .map(TokenPrincipal::new)
                .orElseThrow(() -> new BadOpaqueTokenException("unknown, expired or revoked token"));
    }
}
