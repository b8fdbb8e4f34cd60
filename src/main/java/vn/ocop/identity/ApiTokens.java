package vn.ocop.identity;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.ocop.identity.IdentityEvents.ApiTokenIssued;
import vn.ocop.identity.IdentityEvents.ApiTokenRevoked;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.storage.FileContents;

/**
 * Opaque bearer tokens for the API. A token is 256 random bits; the database keeps only its SHA-256 digest, so a
 * leaked database does not leak usable tokens. Tokens expire and can be revoked one by one.
 */
@Service
@Transactional
public class ApiTokens {

    static final String PREFIX = "ocop_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenRepository tokens;
    private final UserAccountRepository accounts;
    private final IdentityProperties properties;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;

    ApiTokens(
            ApiTokenRepository tokens,
            UserAccountRepository accounts,
            IdentityProperties properties,
            ApplicationEventPublisher events,
            JdbcClient jdbc,
            Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.properties = properties;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A freshly issued token: {@code value} is shown to the caller once and never stored. */
    public record IssuedToken(long id, String value, Instant expiresAt) {}

    /** A token as its owner sees it in a listing. */
    public record TokenInfo(long id, String label, Instant createdAt, Instant expiresAt, boolean active) {}

    /** Issues a token for an already authenticated user. */
    public IssuedToken issue(CurrentUser user, String label) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String value = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = Instant.now(clock);
        ApiToken token = tokens.save(new ApiToken(
                user.id(),
                digest(value),
                label,
                now,
                now.plus(properties.apiToken().validity())));
        events.publishEvent(new ApiTokenIssued(token.id(), user.username()));
        return new IssuedToken(token.id(), value, token.expiresAt());
    }

    /**
     * The user a token stands for, when the token is known, active and its account may log in. Runs on every API
     * request: one statement, outside any transaction, without loading entities.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Optional<CurrentUser> authenticate(String value) {
        if (!value.startsWith(PREFIX) || value.length() > 100) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
        return jdbc.sql("""
                        SELECT u.id, u.username, u.display_name, u.role, u.jurisdiction_code, u.producer_id
                          FROM api_token t JOIN app_user u ON u.id = t.user_id
                         WHERE t.token_hash = ? AND t.revoked_at IS NULL AND t.expires_at > ?
                           AND u.enabled""")
                .params(digest(value), now)
                .query((rs, n) -> new CurrentUser(
                        rs.getLong("id"),
                        rs.getString("username"),
                        rs.getString("display_name"),
                        Role.valueOf(rs.getString("role")),
                        rs.getString("jurisdiction_code"),
                        rs.getObject("producer_id", Long.class)))
                .optional();
    }

    /** Revokes every active token of an account (disabled, password reset, role or jurisdiction changed). */
    public int revokeAllOf(long userId) {
        Instant now = Instant.now(clock);
        int revoked = 0;
        for (ApiToken token : tokens.findByUserIdOrderByCreatedAtDesc(userId)) {
            if (token.isActive(now)) {
                revoke(token, ownerName(token));
                revoked++;
            }
        }
        return revoked;
    }

    /** Revokes the token with this value (the caller's own); unknown values are ignored. */
    public void revokeByValue(String value) {
        tokens.findByTokenHash(digest(value)).ifPresent(token -> revoke(token, ownerName(token)));
    }

    /** Revokes one of the user's tokens, or any token for a system administrator; 404 when not found/visible. */
    public void revoke(long tokenId, CurrentUser actor) {
        ApiToken token = tokens.findById(tokenId)
                .filter(t -> t.userId() == actor.id() || actor.role() == Role.SYSTEM_ADMIN)
                .orElseThrow(() -> new OcopException(IdentityError.TOKEN_NOT_FOUND, tokenId));
        revoke(token, ownerName(token));
    }

    @Transactional(readOnly = true)
    public List<TokenInfo> list(CurrentUser user) {
        Instant now = Instant.now(clock);
        return tokens.findByUserIdOrderByCreatedAtDesc(user.id()).stream()
                .map(t -> new TokenInfo(t.id(), t.label(), t.createdAt(), t.expiresAt(), t.isActive(now)))
                .toList();
    }

    private void revoke(ApiToken token, String owner) {
        if (token.revokedAt() == null) {
            token.revoke(Instant.now(clock));
            events.publishEvent(new ApiTokenRevoked(token.id(), owner));
        }
    }

    private String ownerName(ApiToken token) {
        return accounts.findById(token.userId()).map(UserAccount::username).orElse("?");
    }

    static String digest(String value) {
        return FileContents.sha256(value.getBytes(StandardCharsets.UTF_8));
    }
}
