package vn.ocop.identity;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The principal of a page session. Serializable into the JDBC session store: it holds only plain values. */
final class AccountPrincipal implements UserDetails, CredentialsContainer, CurrentUser.HasCurrentUser {

    private static final long serialVersionUID = 1L;

    private final CurrentUser user;
    private String passwordHash;
    private final boolean enabled;
    private final boolean nonLocked;

    AccountPrincipal(CurrentUser user, String passwordHash, boolean enabled, boolean nonLocked) {
        this.user = user;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.nonLocked = nonLocked;
    }

    static List<GrantedAuthority> authoritiesOf(Role role) {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public CurrentUser currentUser() {
        return user;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authoritiesOf(user.role());
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public boolean isAccountNonLocked() {
        return nonLocked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = "";
    }
}
