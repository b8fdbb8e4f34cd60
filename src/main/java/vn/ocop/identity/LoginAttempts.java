package vn.ocop.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ocop.identity.IdentityEvents.LoginFailed;
import vn.ocop.identity.IdentityEvents.LoginSucceeded;

/**
 * Counts failed logins from Spring Security's authentication events (page login and API token requests alike) and
 * locks an account after too many in a row. Runs in its own transaction: a failed login must be counted even though
 * the request that carried it fails.
 */
@Component
class LoginAttempts {

    private final UserAccountRepository accounts;
    private final IdentityProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    LoginAttempts(
            UserAccountRepository accounts,
            IdentityProperties properties,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.accounts = accounts;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @EventListener
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken)) {
            return; // a rejected bearer token: its "name" is the token itself, which must never be logged
        }
        String username = event.getAuthentication().getName().strip().toLowerCase(Locale.ROOT);
        String reason = event.getException().getClass().getSimpleName();
        ownTransaction.executeWithoutResult(status -> {
            boolean lockedOut = accounts.findByUsername(username)
                    .map(account -> account.recordFailedLogin(
                            Instant.now(clock),
                            properties.lockout().maxFailedAttempts(),
                            properties.lockout().duration()))
                    .orElse(false);
            events.publishEvent(new LoginFailed(truncate(username), reason, lockedOut));
        });
    }

    @EventListener
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (!(event.getAuthentication().getPrincipal() instanceof AccountPrincipal principal)) {
            // Bearer-token requests authenticate on every call; only password logins count, and the check comes
            // before any transaction is opened: it runs on every API request.
            return;
        }
        String username = principal.getUsername();
        ownTransaction.executeWithoutResult(status -> {
            accounts.findByUsername(username).ifPresent(account -> account.recordSuccessfulLogin(Instant.now(clock)));
            events.publishEvent(new LoginSucceeded(username, "password"));
        });
    }

    private static String truncate(String username) {
        return username.length() > 64 ? username.substring(0, 64) : username;
    }
}
