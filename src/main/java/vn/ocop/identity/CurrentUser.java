package vn.ocop.identity;

import java.io.Serializable;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The logged-in user as other modules see it. Serializable because page sessions (and their principal) are stored in
 * PostgreSQL.
 *
 * @param jurisdictionCode the administrative unit (current edition) an officer acts in; {@code null} for nationwide
 *     roles and for producers
 * @param producerId the producer a {@link Role#PRODUCER} account belongs to; {@code null} otherwise
 */
public record CurrentUser(
        long id,
        String username,
        String displayName,
        Role role,
        @Nullable String jurisdictionCode,
        @Nullable Long producerId)
        implements Serializable {

    /**
     * The platform itself acting outside any request (demo data, rebuilding a read model): a system administrator
     * with id 0, named so in the audit log. Never a logged-in user.
     */
    public static final CurrentUser SYSTEM = new CurrentUser(0, "system", "Hệ thống", Role.SYSTEM_ADMIN, null, null);

    /** The user of the current request, or {@code null} when anonymous. */
    public static @Nullable CurrentUser current() {
        return from(SecurityContextHolder.getContext().getAuthentication());
    }

    /** The user behind an authentication, or {@code null} when it is not one of ours (e.g. anonymous). */
    public static @Nullable CurrentUser from(@Nullable Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof HasCurrentUser holder) {
            return holder.currentUser();
        }
        return null;
    }

    /** Implemented by the security principals of this module (session login and API token). */
    public interface HasCurrentUser {
        CurrentUser currentUser();
    }
}
