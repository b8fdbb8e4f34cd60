package vn.ocop.identity;

import java.util.Collection;
import java.util.Map;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;

/** The principal of an API request authenticated by a bearer token. */
record TokenPrincipal(CurrentUser currentUser) implements OAuth2AuthenticatedPrincipal, CurrentUser.HasCurrentUser {

    @Override
    public Map<String, Object> getAttributes() {
        return Map.of("sub", currentUser.username(), "role", currentUser.role().name());
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return AccountPrincipal.authoritiesOf(currentUser.role());
    }

    @Override
    public String getName() {
        return currentUser.username();
    }
}
