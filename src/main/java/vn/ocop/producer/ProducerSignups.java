package vn.ocop.producer;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ocop.geography.AdminEdition;
import vn.ocop.geography.AdminUnit;
import vn.ocop.geography.AdminUnits;
import vn.ocop.geography.GeographyError;
import vn.ocop.identity.AccessPolicy;
import vn.ocop.identity.Action;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.DataScope;
import vn.ocop.identity.Role;
import vn.ocop.identity.UserAccounts;
import vn.ocop.identity.UserSummary;
import vn.ocop.notification.NotificationMessage;
import vn.ocop.notification.Notifications;
import vn.ocop.producer.ProducerEvents.SignupApproved;
import vn.ocop.producer.ProducerEvents.SignupRefused;
import vn.ocop.producer.ProducerEvents.SignupSubmitted;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.abuse.RateLimits;
import vn.ocop.shared.abuse.RateLimits.Limit;

/**
 * Producers signing up from the portal (issue #15). A cooperative, enterprise or household business fills in its
 * producer record and its first account; the officers of its commune are told (notification and work queue), check the
 * request and approve or refuse it with a reason. On approval the producer is registered (as an officer would register
 * it, under the officer's name) and its account opened with the password chosen at sign-up; both are active at once and
 * the new account is notified. The applicant follows the request by a private link and is told by e-mail where that
 * is configured.
 *
 * <p>Clear answers: a tax code already registered ({@code PRD-005}) or waiting ({@code PRD-006}), a user name taken
 * ({@code PRD-007}), a weak password ({@code IAM-008}), a commune unknown ({@code GEO-001}) or a province given as a
 * commune ({@code PRD-004}); at most {@link #PER_ADDRESS_DAY} sign-ups a day from one client address and {@link
 * #PER_EMAIL_DAY} for one e-mail address ({@code COMMON-015}, 429).
 */
@Service
@Transactional
public class ProducerSignups {

    /** Accepted sign-ups per client address and day. */
    public static final Limit PER_ADDRESS_DAY = new Limit("signup-address", 5, Duration.ofDays(1));

    /** Accepted sign-ups per e-mail address and day. */
    public static final Limit PER_EMAIL_DAY = new Limit("signup-email", 2, Duration.ofDays(1));

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final ProducerRegistry producers;
    private final UserAccounts accounts;
    private final Notifications notifications;
    private final AdminUnits units;
    private final AccessPolicy policy;
    private final RateLimits limits;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProducerSignups(
            JdbcClient jdbc,
            ProducerRegistry producers,
            UserAccounts accounts,
            Notifications notifications,
            AdminUnits units,
            AccessPolicy policy,
            RateLimits limits,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.producers = producers;
        this.accounts = accounts;
        this.notifications = notifications;
        this.units = units;
        this.policy = policy;
        this.limits = limits;
        this.events = events;
        this.clock = clock;
    }

    /** Stores a sign-up (anonymous) and tells the commune's officers; the caller validated the request's fields. */
    public Signup submit(SignupRequest request, String clientAddress) {
        String taxCode = TaxCode.normalize(request.taxCode())
                .orElseThrow(() -> new OcopException(ProducerError.INVALID_TAX_CODE, request.taxCode()));
        if (producers.findByTaxCode(taxCode).isPresent()) {
            throw new OcopException(ProducerError.SIGNUP_TAX_CODE_REGISTERED, taxCode);
        }
        AdminUnit commune = units.find(
                        AdminEdition.CURRENT, request.communeCode().strip())
                .orElseThrow(() ->
                        new OcopException(GeographyError.UNIT_NOT_FOUND, request.communeCode(), AdminEdition.CURRENT));
        if (commune.isProvince()) {
            throw new OcopException(ProducerError.COMMUNE_REQUIRED, commune.code());
        }
        String username = request.username().strip().toLowerCase(Locale.ROOT);
        if (accounts.usernameTaken(username) || pendingUsername(username)) {
            throw new OcopException(ProducerError.SIGNUP_USERNAME_TAKEN, username);
        }
        String hash = accounts.passwordHash(username, request.password());
        limits.hit(PER_ADDRESS_DAY, clientAddress);
        limits.hit(PER_EMAIL_DAY, request.email());
        String token = token();
        long id;
        try {
            id = jdbc.sql("""
                            INSERT INTO producer_signup (token, status, legal_type, name, tax_code, representative,
                                    representative_title, phone, email, website, address, commune_code, province_code,
                                    publish_phone, publish_email, username, password_hash, created_at)
                            VALUES (?, 'PENDING', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                    .params(
                            token,
                            request.legalType().name(),
                            request.name().strip(),
                            taxCode,
                            request.representative().strip(),
                            blankToNull(request.representativeTitle()),
                            request.phone().strip(),
                            request.email().strip(),
                            blankToNull(request.website()),
                            request.address().strip(),
                            commune.code(),
                            commune.provinceCode(),
                            request.publishPhone(),
                            request.publishEmail(),
                            username,
                            hash,
                            Timestamp.from(Instant.now(clock)))
                    .query(Long.class)
                    .single();
        } catch (DuplicateKeyException e) {
            // Two sign-ups of the same tax code or user name at the same moment: the unique indexes decide.
            throw new OcopException(ProducerError.SIGNUP_PENDING, taxCode);
        }
        events.publishEvent(new SignupSubmitted(id, taxCode, username, commune.code()));
        List<Long> officers = reviewers(commune);
        notifications.send(
                officers,
                new NotificationMessage(
                        "notify.signup.submitted.title",
                        "notify.signup.submitted.body",
                        List.of(request.name().strip(), taxCode, commune.fullName()),
                        "/producers/signups/" + id));
        notifications.mail(
                request.email(),
                new NotificationMessage(
                        "mail.signup.received.title",
                        "mail.signup.received.body",
                        List.of(request.name().strip(), commune.fullName()),
                        "/signup/status/" + token));
        return find(id);
    }

    /** The sign-up behind an applicant's link; {@code PRD-009} (404) when there is none. */
    @Transactional(readOnly = true)
    public Signup byToken(String token) {
        if (!token.matches("[A-Za-z0-9_-]{20,40}")) {
            throw new OcopException(ProducerError.SIGNUP_NOT_FOUND, "-");
        }
        return jdbc.sql("SELECT * FROM producer_signup WHERE token = ?")
                .param(token)
                .query(this::map)
                .optional()
                .orElseThrow(() -> new OcopException(ProducerError.SIGNUP_NOT_FOUND, "-"));
    }

    /**
     * Sign-ups the actor may decide on or see, in its jurisdiction: waiting ones first (oldest first), then the last
     * decided ones; at most {@code limit}. Officers only (403 otherwise).
     */
    @Transactional(readOnly = true)
    public List<Signup> list(CurrentUser actor, int limit) {
        DataScope scope = officerScope(actor);
        StringBuilder where = new StringBuilder(" WHERE true");
        java.util.ArrayList<Object> params = new java.util.ArrayList<>();
        if (scope.provinceCode() != null) {
            where.append(" AND province_code = ?");
            params.add(scope.provinceCode());
        }
        if (scope.communeCode() != null) {
            where.append(" AND commune_code = ?");
            params.add(scope.communeCode());
        }
        params.add(limit);
        return jdbc.sql("SELECT * FROM producer_signup" + where
                        + " ORDER BY (status = 'PENDING') DESC,"
                        + " CASE WHEN status = 'PENDING' THEN created_at END, decided_at DESC NULLS LAST, id LIMIT ?")
                .params(params)
                .query(this::map)
                .list();
    }

    /** The waiting sign-ups of a commune officer's commune, oldest first (its work queue). */
    @Transactional(readOnly = true)
    public List<Signup> waitingFor(CurrentUser actor) {
        if (actor.role() != Role.COMMUNE_OFFICER || actor.jurisdictionCode() == null) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM producer_signup WHERE commune_code = ? AND status = 'PENDING'"
                        + " ORDER BY created_at, id")
                .param(actor.jurisdictionCode())
                .query(this::map)
                .list();
    }

    /** One sign-up for an officer covering its commune; 404 unknown, 403 elsewhere. */
    @Transactional(readOnly = true)
    public Signup get(long id, CurrentUser actor) {
        Signup signup = find(id);
        officerScope(actor);
        policy.check(actor, Action.VIEW_RECORDS, signup.communeCode());
        return signup;
    }

    /** Whether the actor may approve or refuse this sign-up (an officer with edit rights on its commune). */
    public boolean mayDecide(Signup signup, CurrentUser actor) {
        return signup.status() == SignupStatus.PENDING
                && actor.role() != Role.PRODUCER
                && actor.role() != Role.COUNCIL_MEMBER
                && policy.permits(actor, Action.EDIT_RECORDS, signup.communeCode());
    }

    /**
     * Approves a waiting sign-up: registers the producer (with what it chose to publish), opens its account with the
     * password chosen at sign-up, tells the new account. {@code PRD-008} (409) when already decided, {@code
     * COMMON-006} when {@code expectedVersion} is stale, {@code PRD-003}/{@code IAM-003} when the tax code or user
     * name was taken meanwhile.
     */
    public Signup approve(long id, long expectedVersion, CurrentUser actor) {
        Signup signup = decidable(id, expectedVersion, actor);
        String hash = jdbc.sql("SELECT password_hash FROM producer_signup WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
        ProducerView producer = producers.register(
                new ProducerDetails(
                        signup.legalType(),
                        signup.name(),
                        signup.taxCode(),
                        signup.representative(),
                        signup.representativeTitle(),
                        signup.phone(),
                        signup.email(),
                        signup.website(),
                        signup.address(),
                        signup.communeCode(),
                        false,
                        false,
                        false,
                        false,
                        null,
                        null,
                        null,
                        ProducerStatus.ACTIVE),
                actor);
        if (signup.publishPhone() || signup.publishEmail()) {
            producers.publishContacts(producer.id(), signup.publishPhone(), signup.publishEmail(), actor);
        }
        UserSummary account = accounts.openProducerAccount(
                signup.username(), signup.representative(), signup.email(), hash, producer.id());
        jdbc.sql("""
                        UPDATE producer_signup SET status = 'APPROVED', producer_id = ?, password_hash = NULL,
                               decided_at = ?, decided_by = ?, version = version + 1 WHERE id = ?""")
                .params(producer.id(), Timestamp.from(Instant.now(clock)), actor.username(), id)
                .update();
        events.publishEvent(new SignupApproved(id, producer.id(), account.username(), signup.communeCode()));
        notifications.send(
                List.of(account.id()),
                new NotificationMessage(
                        "notify.signup.approved.title",
                        "notify.signup.approved.body",
                        List.of(signup.name(), account.username()),
                        "/dashboard"));
        return find(id);
    }

    /** Refuses a waiting sign-up with a reason the applicant reads; the password hash is dropped. */
    public Signup refuse(long id, String reason, long expectedVersion, CurrentUser actor) {
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty() || text.length() > 1000) {
            throw new OcopException(ProducerError.SIGNUP_REASON_REQUIRED);
        }
        Signup signup = decidable(id, expectedVersion, actor);
        jdbc.sql("""
                        UPDATE producer_signup SET status = 'REFUSED', refusal_reason = ?, password_hash = NULL,
                               decided_at = ?, decided_by = ?, version = version + 1 WHERE id = ?""")
                .params(text, Timestamp.from(Instant.now(clock)), actor.username(), id)
                .update();
        events.publishEvent(new SignupRefused(id, text, signup.communeCode()));
        notifications.mail(
                signup.email(),
                new NotificationMessage(
                        "mail.signup.refused.title",
                        "mail.signup.refused.body",
                        List.of(signup.name(), text),
                        "/signup/status/" + signup.token()));
        return find(id);
    }

    private Signup decidable(long id, long expectedVersion, CurrentUser actor) {
        Signup signup = jdbc.sql("SELECT * FROM producer_signup WHERE id = ? FOR UPDATE")
                .param(id)
                .query(this::map)
                .optional()
                .orElseThrow(() -> new OcopException(ProducerError.SIGNUP_NOT_FOUND, id));
        officerScope(actor);
        if (actor.role() == Role.COUNCIL_MEMBER) {
            throw OcopException.forbidden();
        }
        policy.check(actor, Action.EDIT_RECORDS, signup.communeCode());
        if (signup.status() != SignupStatus.PENDING) {
            throw new OcopException(ProducerError.SIGNUP_DECIDED, id);
        }
        if (signup.version() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException("producer_signup", id);
        }
        return signup;
    }

    /** Officers' data scope for sign-ups (producers and council members have none). */
    private DataScope officerScope(CurrentUser actor) {
        DataScope scope = policy.scopeFor(actor, Action.VIEW_RECORDS);
        if (actor.role() == Role.PRODUCER
                || actor.role() == Role.COUNCIL_MEMBER
                || scope.kind() == DataScope.Kind.NONE) {
            throw OcopException.forbidden();
        }
        return scope;
    }

    /** The commune's officers, or the province's when the commune has none yet. */
    private List<Long> reviewers(AdminUnit commune) {
        List<Long> officers = accounts.withRole(Role.COMMUNE_OFFICER, commune.code()).stream()
                .map(UserSummary::id)
                .toList();
        if (!officers.isEmpty()) {
            return officers;
        }
        return accounts.withRole(Role.PROVINCE_OFFICER, commune.provinceCode()).stream()
                .map(UserSummary::id)
                .toList();
    }

    private boolean pendingUsername(String username) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM producer_signup WHERE username = ? AND status = 'PENDING')")
                .param(username)
                .query(Boolean.class)
                .single();
    }

    private Signup find(long id) {
        return jdbc.sql("SELECT * FROM producer_signup WHERE id = ?")
                .param(id)
                .query(this::map)
                .optional()
                .orElseThrow(() -> new OcopException(ProducerError.SIGNUP_NOT_FOUND, id));
    }

    private Signup map(ResultSet rs, int row) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new Signup(
                rs.getLong("id"),
                rs.getString("token"),
                SignupStatus.valueOf(rs.getString("status")),
                LegalType.valueOf(rs.getString("legal_type")),
                rs.getString("name"),
                rs.getString("tax_code"),
                rs.getString("representative"),
                rs.getString("representative_title"),
                rs.getString("phone"),
                rs.getString("email"),
                rs.getString("website"),
                rs.getString("address"),
                rs.getString("commune_code"),
                rs.getString("province_code"),
                rs.getBoolean("publish_phone"),
                rs.getBoolean("publish_email"),
                rs.getString("username"),
                rs.getTimestamp("created_at").toInstant(),
                decided == null ? null : decided.toInstant(),
                rs.getString("decided_by"),
                rs.getString("refusal_reason"),
                rs.getObject("producer_id", Long.class),
                rs.getLong("version"));
    }

    private static String token() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
