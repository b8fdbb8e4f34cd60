package vn.ocop.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ocop.identity.IdentityEvents.LoginFailed;
import vn.ocop.identity.IdentityEvents.LoginSucceeded;

/**
 * Counts failed password logins per (account name, client) and locks out that client for that name after too many in
 * a row, for a time that doubles with each lockout (up to a day). Counting per client means an anonymous client can
 * lock out only itself: the account's owner still logs in from elsewhere, and tokens already issued keep working.
 * Page logins and API token requests count alike; unknown names are counted the same way as known ones, so the
 * answers and their timing do not tell them apart. Runs in its own transaction: a failure must be counted although
 * the request that carried it fails. The rows live in PostgreSQL, so every application node sees the same counts.
 */
@Component
class LoginThrottle {

    /** The longest a lockout lasts, however often it recurs. */
    static final Duration LONGEST = Duration.ofDays(1);

    /** Thrown instead of checking a password while the client is locked out; answered like a wrong password. */
    static final class LockedOut extends BadCredentialsException {
        LockedOut() {
            super("Bad credentials");
        }
    }

    private final JdbcClient jdbc;
    private final UserAccountRepository accounts;
    private final IdentityProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    LoginThrottle(
            JdbcClient jdbc,
            UserAccountRepository accounts,
            IdentityProperties properties,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Whether this client is locked out for this name now. */
    boolean lockedOut(String username, String client) {
        Instant now = Instant.now(clock);
        return jdbc.sql("SELECT count(*) FROM login_throttle WHERE username = ? AND client = ? AND locked_until > ?")
                        .params(name(username), client, Timestamp.from(now))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Whether any client is locked out for this account name now (shown to administrators). */
    boolean anyLockout(String username) {
        return jdbc.sql("SELECT count(*) FROM login_throttle WHERE username = ? AND locked_until > ?")
                        .params(name(username), Timestamp.from(Instant.now(clock)))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The client of an authentication request: its address, as the application sees it behind trusted proxies. */
    static String client(Authentication authentication) {
        if (authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null) {
            return truncate(details.getRemoteAddress());
        }
        return "unknown";
    }

    @EventListener
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken)) {
            return; // a rejected bearer token: its "name" is the token itself, which must never be logged
        }
        String username = name(event.getAuthentication().getName());
        String client = client(event.getAuthentication());
        if (event.getException() instanceof LockedOut) {
            events.publishEvent(new LoginFailed(username, "LockedOut", false));
            return; // attempts while locked out neither count nor extend the lockout
        }
        String reason = event.getException().getClass().getSimpleName();
        ownTransaction.executeWithoutResult(status -> {
            boolean lockedOut = recordFailure(username, client, Instant.now(clock));
            events.publishEvent(new LoginFailed(username, reason, lockedOut));
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
        String client = client(event.getAuthentication());
        ownTransaction.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM login_throttle WHERE username = ? AND client = ?")
                    .params(username, client)
                    .update();
            accounts.findByUsername(username).ifPresent(account -> account.loggedIn(Instant.now(clock)));
            events.publishEvent(new LoginSucceeded(username, "password"));
        });
    }

    /** Counts one failure; returns whether it locked the client out (then the count starts again). */
    boolean recordFailure(String username, String client, Instant now) {
        Row row = jdbc.sql("""
                        INSERT INTO login_throttle (username, client, failures, last_failure_at) VALUES (?, ?, 1, ?)
                        ON CONFLICT (username, client) DO UPDATE
                           SET failures = login_throttle.failures + 1, last_failure_at = EXCLUDED.last_failure_at
                        RETURNING failures, lockouts""")
                .params(username, client, Timestamp.from(now))
                .query((rs, n) -> new Row(rs.getInt(1), rs.getInt(2)))
                .single();
        if (row.failures() < properties.lockout().maxFailedAttempts()) {
            return false;
        }
        Duration lock = lockout(properties.lockout().duration(), row.lockouts());
        jdbc.sql("""
                        UPDATE login_throttle SET failures = 0, lockouts = lockouts + 1, locked_until = ?
                         WHERE username = ? AND client = ?""").params(Timestamp.from(now.plus(lock)), username, client).update();
        return true;
    }

    /** The n-th lockout (from 0) lasts the base duration doubled n times, at most {@link #LONGEST}. */
    static Duration lockout(Duration base, int previousLockouts) {
        Duration lock = base;
        for (int i = 0; i < previousLockouts && lock.compareTo(LONGEST) < 0; i++) {
            lock = lock.multipliedBy(2);
        }
        return lock.compareTo(LONGEST) > 0 ? LONGEST : lock;
    }

    /** Rows of clients quiet for a day are forgotten (their back-off starts again), on one node. */
    @Scheduled(cron = "0 17 * * * *", zone = "Asia/Ho_Chi_Minh")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "login-throttle-cleanup", lockAtMostFor = "PT10M")
    void forgetQuietClients() {
        Instant now = Instant.now(clock);
        jdbc.sql("DELETE FROM login_throttle WHERE last_failure_at < ? AND (locked_until IS NULL OR locked_until < ?)")
                .params(Timestamp.from(now.minus(LONGEST)), Timestamp.from(now))
                .update();
    }

    private record Row(int failures, int lockouts) {}

    static String name(@Nullable String username) {
        return truncate(username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String truncate(String value) {
        return value.length() > 64 ? value.substring(0, 64) : value;
    }
}
