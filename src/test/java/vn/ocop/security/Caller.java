package vn.ocop.security;

import org.jspecify.annotations.Nullable;
import vn.ocop.identity.Role;

/**
 * Who calls a route in the authorization matrix and the bad-input corpus: an anonymous visitor, or a real account of
 * each role living in the home places of {@link MatrixWorld}.
 */
public enum Caller {
    ANONYMOUS(null),
    SYSTEM_ADMIN(Role.SYSTEM_ADMIN),
    CENTRAL_OFFICE(Role.CENTRAL_OFFICE),
    PROVINCE_OFFICER(Role.PROVINCE_OFFICER),
    COMMUNE_OFFICER(Role.COMMUNE_OFFICER),
    COUNCIL_MEMBER(Role.COUNCIL_MEMBER),
    PRODUCER(Role.PRODUCER);

    private final @Nullable Role role;

    Caller(@Nullable Role role) {
        this.role = role;
    }

    /** The account's role; {@code null} for {@link #ANONYMOUS}. */
    public @Nullable Role role() {
        return role;
    }

    public boolean signedIn() {
        return role != null;
    }
}
