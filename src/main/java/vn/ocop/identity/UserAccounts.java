package vn.ocop.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ocop.geography.AdminEdition;
import vn.ocop.geography.AdminUnit;
import vn.ocop.geography.AdminUnits;
import vn.ocop.geography.GeographyError;
import vn.ocop.identity.IdentityEvents.PasswordChanged;
import vn.ocop.identity.IdentityEvents.UserCreated;
import vn.ocop.identity.IdentityEvents.UserUpdated;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.PageResult;
import vn.ocop.shared.db.SqlPage;

/**
 * Creating and administering user accounts. Who may grant and manage what:
 *
 * <ul>
 *   <li>a system administrator: any role anywhere;
 *   <li>a province officer: commune officers of the province's communes, council members of the province, and the
 *       accounts of producers located in the province;
 *   <li>the central office: central council members (council-member accounts without jurisdiction, Art. 7.4.b).
 * </ul>
 *
 * Disabling an account, resetting its password or changing its role or jurisdiction ends its browser sessions and
 * revokes its API tokens at once; its owner changing the password ends its other sessions.
 */
@Service
@Transactional
public class UserAccounts {

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final AccessPolicy policy;
    private final AdminUnits units;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ProducerDirectory producers;
    private final JdbcClient jdbc;
    private final AccountSessions sessions;
    private final ApiTokens tokens;
    private final LoginThrottle throttle;

    UserAccounts(
            UserAccountRepository accounts,
            PasswordEncoder passwordEncoder,
            AccessPolicy policy,
            AdminUnits units,
            ApplicationEventPublisher events,
            Clock clock,
            ProducerDirectory producers,
            JdbcClient jdbc,
            AccountSessions sessions,
            ApiTokens tokens,
            LoginThrottle throttle) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.policy = policy;
        this.units = units;
        this.events = events;
        this.clock = clock;
        this.producers = producers;
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.tokens = tokens;
        this.throttle = throttle;
    }

    /** Command: change an account's name, e-mail, role and jurisdiction. */
    public record UpdateUser(
            @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 200)
            String displayName,

            @Nullable @jakarta.validation.constraints.Email @jakarta.validation.constraints.Size(max = 254)
            String email,

            @jakarta.validation.constraints.NotNull Role role,

            @Nullable @jakarta.validation.constraints.Size(max = 10)
            String jurisdictionCode) {}

    /**
     * Filters of the accounts list; all optional.
     *
     * @param text words of the username or display name (accents and case ignored)
     * @param unitCode accounts whose jurisdiction, or whose producer, is in this unit or inside it
     */
    public record AccountQuery(
            @Nullable String text,
            @Nullable Role role,
            @Nullable String unitCode) {}

    /** Creates an account; throws 403 when the actor may not grant this role here, 409 on a taken username. */
    public UserSummary create(CreateUser command, CurrentUser actor) {
        requireAcceptablePassword(command.username().toLowerCase(Locale.ROOT), command.password());
        return createChecked(command, actor);
    }

    /**
     * Creates a demo account with the published demo password (the password policy refuses it for real accounts).
     * Only for the demo data of the default run.
     */
    UserSummary createDemo(CreateUser command, CurrentUser actor) {
        return createChecked(command, actor);
    }

    private UserSummary createChecked(CreateUser command, CurrentUser actor) {
        String username = command.username().toLowerCase(Locale.ROOT);
        String jurisdiction = blankToNull(command.jurisdictionCode());
        Long producerId = command.producerId();
        if ((command.role() == Role.PRODUCER) != (producerId != null) || (producerId != null && jurisdiction != null)) {
            throw new OcopException(IdentityError.PRODUCER_LINK_INVALID);
        }
        if (producerId != null) {
            // Whoever may manage users where the producer is may open its account.
            String commune = producers
                    .communeOf(producerId)
                    .orElseThrow(() -> new OcopException(IdentityError.PRODUCER_UNKNOWN, producerId));
            checkGrantable(actor, command.role(), commune);
        } else {
            checkGrantable(actor, command.role(), jurisdiction);
        }
        validateJurisdiction(command.role(), jurisdiction);
        if (accounts.existsByUsername(username)) {
            throw new OcopException(IdentityError.USERNAME_TAKEN, username);
        }
        UserAccount account = accounts.saveAndFlush(new UserAccount(
                username,
                Objects.requireNonNull(passwordEncoder.encode(command.password())),
                command.displayName().strip(),
                blankToNull(command.email()),
                command.role(),
                jurisdiction,
                producerId,
                Instant.now(clock)));
        events.publishEvent(new UserCreated(account.id(), username, command.role(), jurisdiction));
        return summary(account);
    }

    /**
     * Whether a user name is free: not used by an account (names are compared in lower case). For sign-up forms, which
     * create the account later; the creation checks again.
     */
    @Transactional(readOnly = true)
    public boolean usernameTaken(String username) {
        return accounts.existsByUsername(username.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * The stored form (hash) of a password chosen now for an account created later, e.g. at a producer's sign-up, so
     * that the password itself is never kept; {@code IAM-008} when it breaks the password rules.
     */
    public String passwordHash(String username, String password) {
        requireAcceptablePassword(username.strip().toLowerCase(Locale.ROOT), password);
        return Objects.requireNonNull(passwordEncoder.encode(password));
    }

    /**
     * Opens the first account of a producer whose sign-up an officer approved, with the password hash made at sign-up
     * ({@link #passwordHash}). No authorization: the caller (the sign-up's approval) decided; {@code IAM-003} (409)
     * when the user name was taken meanwhile.
     */
    public UserSummary openProducerAccount(
            String username, String displayName, @Nullable String email, String passwordHash, long producerId) {
        String name = username.strip().toLowerCase(Locale.ROOT);
        if (accounts.existsByUsername(name)) {
            throw new OcopException(IdentityError.USERNAME_TAKEN, name);
        }
        UserAccount account = accounts.saveAndFlush(new UserAccount(
                name,
                passwordHash,
                displayName.strip(),
                blankToNull(email),
                Role.PRODUCER,
                null,
                producerId,
                Instant.now(clock)));
        events.publishEvent(new UserCreated(account.id(), name, Role.PRODUCER, null));
        return summary(account);
    }

    /** Accounts the actor may administer, in username order. */
    @Transactional(readOnly = true)
    public List<UserSummary> list(CurrentUser actor) {
        return search(new AccountQuery(null, null, null), 0, 10_000, actor).items();
    }

    /** One page of the accounts the actor may administer that match the query, in username order. */
    @Transactional(readOnly = true)
    public PageResult<UserSummary> search(AccountQuery query, int page, int size, CurrentUser actor) {
        requireManager(actor);
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        scope(actor, where, params);
        if (query.text() != null && !query.text().isBlank()) {
            where.add(
                    "(ocop_fold(display_name) LIKE '%' || ocop_fold(?) || '%' OR username LIKE '%' || lower(?) || '%')");
            params.add(query.text().strip());
            params.add(query.text().strip());
        }
        if (query.role() != null) {
            where.add("role = ?");
            params.add(query.role().name());
        }
        if (query.unitCode() != null && !query.unitCode().isBlank()) {
            within(query.unitCode().strip(), where, params);
        }
        String condition = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        PageResult<Long> ids =
                SqlPage.of(jdbc, "id", "app_user", condition, params, "username", page, size, (rs, n) -> rs.getLong(1));
        List<UserSummary> items = accounts.findAllById(ids.items()).stream()
                .sorted(Comparator.comparing(UserAccount::username))
                .map(this::summary)
                .toList();
        return new PageResult<>(items, page, size, ids.total());
    }

    /** The actor's part of the accounts table as SQL conditions (see the class comment). */
    private void scope(CurrentUser actor, List<String> where, List<Object> params) {
        switch (actor.role()) {
            case SYSTEM_ADMIN -> {}
            case CENTRAL_OFFICE -> where.add("role = 'COUNCIL_MEMBER' AND jurisdiction_code IS NULL");
            case PROVINCE_OFFICER -> {
                where.add("role IN ('COMMUNE_OFFICER', 'COUNCIL_MEMBER', 'PRODUCER')");
                within(Objects.requireNonNull(actor.jurisdictionCode()), where, params);
            }
            default -> where.add("false");
        }
    }

    /** Accounts whose jurisdiction or producer lies in the unit (or inside it). */
    private void within(String unitCode, List<String> where, List<Object> params) {
        List<String> inside = units.find(AdminEdition.CURRENT, unitCode)
                .map(unit -> unit.isProvince()
                        ? units.children(AdminEdition.CURRENT, unit.code()).stream()
                                .map(AdminUnit::code)
                                .toList()
                        : List.<String>of())
                .orElse(List.of());
        List<String> codes = new ArrayList<>(inside);
        codes.add(unitCode);
        where.add("(jurisdiction_code = ANY (?) OR producer_id = ANY (?))");
        params.add(codes.toArray(String[]::new));
        params.add(producers.idsWithin(unitCode).toArray(Long[]::new));
    }

    /** An account by id for other modules (e.g. to seat a council member); empty when unknown. No authorization. */
    @Transactional(readOnly = true)
    public Optional<UserSummary> lookup(long id) {
        return accounts.findById(id).map(this::summary);
    }

    /**
     * Enabled accounts of the given roles whose jurisdiction is exactly {@code jurisdictionCode} ({@code null}: accounts
     * without one), whose display name or username contains {@code text} (accents and case ignored; blank: any), by
     * display name in Vietnamese order, at most {@code limit}. For other modules that choose people (seating a
     * council); no authorization.
     */
    @Transactional(readOnly = true)
    public List<UserSummary> findEnabled(
            Collection<Role> roles, @Nullable String jurisdictionCode, String text, int limit) {
        if (roles.isEmpty()) {
            return List.of();
        }
        List<Long> ids = jdbc.sql("""
                        SELECT id FROM app_user
                         WHERE enabled AND role = ANY (?)
                           AND jurisdiction_code IS NOT DISTINCT FROM CAST(? AS varchar)
                           AND (ocop_fold(display_name) LIKE '%' || ocop_fold(?) || '%'
                                OR username LIKE '%' || lower(?) || '%')
                         ORDER BY display_name COLLATE vietnamese, id
                         LIMIT ?""")
                .params(
                        roles.stream().map(Role::name).toArray(String[]::new),
                        jurisdictionCode,
                        text.strip(),
                        text.strip(),
                        Math.max(1, Math.min(limit, 200)))
                .query(Long.class)
                .list();
        return accounts.findAllById(ids).stream()
                .sorted(Comparator.comparing((UserAccount a) -> ids.indexOf(a.id())))
                .map(this::summary)
                .toList();
    }

    /**
     * Enabled accounts with a role whose jurisdiction is exactly the given unit (e.g. the province officers of
     * province {@code 82}), or every enabled account of the role when {@code jurisdictionCode} is {@code null} (for
     * nationwide roles); in id order. For other modules that address people by role (notifications); no
     * authorization.
     */
    @Transactional(readOnly = true)
    public List<UserSummary> withRole(Role role, @Nullable String jurisdictionCode) {
        List<UserAccount> found = jurisdictionCode == null
                ? accounts.findByRoleAndEnabledTrueOrderById(role)
                : accounts.findByRoleAndJurisdictionCodeAndEnabledTrueOrderById(role, jurisdictionCode);
        return found.stream().map(this::summary).toList();
    }

    /**
     * Enabled accounts with a role whose jurisdiction is the given unit or inside it (e.g. the commune officers of every
     * commune of province {@code 82}), in id order. For other modules that address people by role; no authorization.
     */
    @Transactional(readOnly = true)
    public List<UserSummary> withRoleWithin(Role role, String unitCode) {
        return accounts.findByRoleAndEnabledTrueOrderById(role).stream()
                .filter(a -> a.jurisdictionCode() != null && units.contains(unitCode, a.jurisdictionCode()))
                .map(this::summary)
                .toList();
    }

    /** Enabled {@link Role#PRODUCER} accounts of a producer, in id order; empty when it has none. No authorization. */
    @Transactional(readOnly = true)
    public List<UserSummary> ofProducer(long producerId) {
        return accounts.findByRoleAndProducerIdAndEnabledTrueOrderById(Role.PRODUCER, producerId).stream()
                .map(this::summary)
                .toList();
    }

    /** The accounts of a producer that the actor manages (disabled ones included), by username. */
    @Transactional(readOnly = true)
    public List<UserSummary> accountsOf(long producerId, CurrentUser actor) {
        if (!mayManage(actor)) {
            return List.of();
        }
        return jdbc
                .sql("SELECT id FROM app_user WHERE role = 'PRODUCER' AND producer_id = ? ORDER BY username")
                .param(producerId)
                .query(Long.class)
                .list()
                .stream()
                .map(id -> accounts.findById(id).orElseThrow())
                .filter(a -> visibleTo(actor, a))
                .map(this::summary)
                .toList();
    }

    /** Whether the actor may open accounts for this producer (it manages users where the producer is). */
    @Transactional(readOnly = true)
    public boolean mayCreateProducerAccount(long producerId, CurrentUser actor) {
        if (!grantableRoles(actor).contains(Role.PRODUCER)) {
            return false;
        }
        return producers
                .communeOf(producerId)
                .map(commune ->
                        actor.role() == Role.SYSTEM_ADMIN || policy.permits(actor, Action.MANAGE_USERS, commune))
                .orElse(false);
    }

    /** One account; 404 when it does not exist, 403 when it is outside the actor's jurisdiction. */
    @Transactional(readOnly = true)
    public UserSummary get(long id, CurrentUser actor) {
        return summary(manageable(id, actor));
    }

    /** Whether the actor may administer accounts at all. */
    public boolean mayManage(CurrentUser actor) {
        return policy.allowsAction(actor, Action.MANAGE_USERS);
    }

    /** The roles the actor may grant (see the class comment). */
    public List<Role> grantableRoles(CurrentUser actor) {
        return switch (actor.role()) {
            case SYSTEM_ADMIN -> List.of(Role.values());
            case PROVINCE_OFFICER -> List.of(Role.COMMUNE_OFFICER, Role.COUNCIL_MEMBER, Role.PRODUCER);
            case CENTRAL_OFFICE -> List.of(Role.COUNCIL_MEMBER);
            default -> List.of();
        };
    }

    /**
     * Enables or disables an account. A disabled account cannot log in; its sessions end and its tokens are revoked
     * at once.
     */
    public UserSummary setEnabled(long id, boolean enabled, long expectedVersion, CurrentUser actor) {
        UserAccount account = manageable(id, actor);
        checkVersion(account, expectedVersion);
        if (account.id() == actor.id() && !enabled) {
            throw OcopException.forbidden();
        }
        boolean before = account.enabled();
        account.setEnabled(enabled);
        accounts.saveAndFlush(account);
        if (!enabled) {
            cutOff(account);
        }
        events.publishEvent(new UserUpdated(
                account.id(), account.username(), account.jurisdictionCode(), "enabled: " + before + " -> " + enabled));
        return summary(account);
    }

    /**
     * Changes an account's name, e-mail, role and jurisdiction, within what the actor may grant; a change of role or
     * jurisdiction ends its sessions and revokes its tokens (its powers changed). A producer account stays linked to
     * its producer.
     */
    public UserSummary update(long id, UpdateUser command, long expectedVersion, CurrentUser actor) {
        UserAccount account = manageable(id, actor);
        checkVersion(account, expectedVersion);
        String jurisdiction = blankToNull(command.jurisdictionCode());
        boolean reassigned =
                command.role() != account.role() || !Objects.equals(jurisdiction, account.jurisdictionCode());
        if (reassigned) {
            if (account.role() == Role.PRODUCER || command.role() == Role.PRODUCER) {
                throw new OcopException(IdentityError.PRODUCER_LINK_INVALID);
            }
            if (account.id() == actor.id()) {
                throw OcopException.forbidden(); // nobody changes their own powers
            }
            checkGrantable(actor, command.role(), jurisdiction);
            validateJurisdiction(command.role(), jurisdiction);
        }
        StringBuilder changes = new StringBuilder();
        if (!command.displayName().strip().equals(account.displayName())
                || !Objects.equals(blankToNull(command.email()), account.email())) {
            account.rename(command.displayName().strip(), blankToNull(command.email()));
            changes.append("name/e-mail changed");
        }
        if (reassigned) {
            changes.append(changes.isEmpty() ? "" : "; ")
                    .append("role: ")
                    .append(account.role())
                    .append(" -> ")
                    .append(command.role())
                    .append(", jurisdiction: ")
                    .append(account.jurisdictionCode())
                    .append(" -> ")
                    .append(jurisdiction);
            account.reassign(command.role(), jurisdiction);
        }
        accounts.saveAndFlush(account);
        if (reassigned) {
            cutOff(account);
        }
        if (!changes.isEmpty()) {
            events.publishEvent(
                    new UserUpdated(account.id(), account.username(), account.jurisdictionCode(), changes.toString()));
        }
        return summary(account);
    }

    /** Sets a new password chosen by an administrator; the account's sessions end and its tokens are revoked. */
    public void resetPassword(long id, String newPassword, CurrentUser actor) {
        UserAccount account = manageable(id, actor);
        requireAcceptablePassword(account.username(), newPassword);
        account.changePassword(Objects.requireNonNull(passwordEncoder.encode(newPassword)), Instant.now(clock));
        cutOff(account);
        events.publishEvent(new PasswordChanged(account.username(), true));
    }

    /**
     * The owner changes their own password; the current one must be given. Their other browser sessions end (the one
     * they are using, {@code currentSessionId}, stays).
     */
    public void changeOwnPassword(
            CurrentUser user, String currentPassword, String newPassword, @Nullable String currentSessionId) {
        UserAccount account = accounts.findById(user.id())
                .orElseThrow(() -> new OcopException(IdentityError.USER_NOT_FOUND, user.id()));
        if (!passwordEncoder.matches(currentPassword, account.passwordHash())) {
            throw new OcopException(IdentityError.WRONG_CURRENT_PASSWORD);
        }
        requireAcceptablePassword(account.username(), newPassword);
        account.changePassword(Objects.requireNonNull(passwordEncoder.encode(newPassword)), Instant.now(clock));
        sessions.endOthers(account.username(), currentSessionId);
        events.publishEvent(new PasswordChanged(account.username(), false));
    }

    /** The producer linked to an account's producer id, by name, for lists; empty for other accounts. */
    @Transactional(readOnly = true)
    public Optional<String> producerNameOf(UserSummary account) {
        return account.producerId() == null ? Optional.empty() : producers.nameOf(account.producerId());
    }

    private void cutOff(UserAccount account) {
        sessions.endAll(account.username());
        tokens.revokeAllOf(account.id());
    }

    private static void requireAcceptablePassword(String username, String password) {
        PasswordPolicy.problem(username, password).ifPresent(rule -> {
            throw new OcopException(
                    IdentityError.WEAK_PASSWORD,
                    new DefaultMessageSourceResolvable(
                            new String[] {rule}, new Object[] {PasswordPolicy.MIN_LENGTH}, rule));
        });
    }

    private UserAccount manageable(long id, CurrentUser actor) {
        requireManager(actor);
        UserAccount account =
                accounts.findById(id).orElseThrow(() -> new OcopException(IdentityError.USER_NOT_FOUND, id));
        if (!visibleTo(actor, account)) {
            throw OcopException.forbidden();
        }
        return account;
    }

    private void requireManager(CurrentUser actor) {
        if (!policy.allowsAction(actor, Action.MANAGE_USERS)) {
            throw OcopException.forbidden();
        }
    }

    private boolean visibleTo(CurrentUser actor, UserAccount account) {
        return switch (actor.role()) {
            case SYSTEM_ADMIN -> true;
            case CENTRAL_OFFICE -> account.role() == Role.COUNCIL_MEMBER && account.jurisdictionCode() == null;
            case PROVINCE_OFFICER -> {
                if (account.role() == Role.PRODUCER) {
                    yield account.producerId() != null
                            && producers
                                    .communeOf(account.producerId())
                                    .map(commune -> policy.permits(actor, Action.MANAGE_USERS, commune))
                                    .orElse(false);
                }
                yield (account.role() == Role.COMMUNE_OFFICER || account.role() == Role.COUNCIL_MEMBER)
                        && policy.permits(actor, Action.MANAGE_USERS, account.jurisdictionCode());
            }
            default -> false;
        };
    }

    private void checkGrantable(CurrentUser actor, Role role, @Nullable String jurisdiction) {
        requireManager(actor);
        if (!grantableRoles(actor).contains(role)) {
            throw new OcopException(IdentityError.ROLE_NOT_GRANTABLE, role);
        }
        switch (actor.role()) {
            case SYSTEM_ADMIN -> {}
            case CENTRAL_OFFICE -> {
                if (jurisdiction != null) {
                    throw OcopException.forbidden(); // the central office manages the central council only
                }
            }
            default -> policy.check(actor, Action.MANAGE_USERS, jurisdiction);
        }
    }

    private void validateJurisdiction(Role role, @Nullable String jurisdiction) {
        if (jurisdiction == null) {
            if (role.requiresJurisdiction()) {
                throw new OcopException(IdentityError.JURISDICTION_REQUIRED, role);
            }
            return;
        }
        if (role.nationwide()) {
            throw new OcopException(IdentityError.JURISDICTION_LEVEL_MISMATCH, role, jurisdiction);
        }
        AdminUnit unit = units.find(AdminEdition.CURRENT, jurisdiction)
                .orElseThrow(() -> new OcopException(GeographyError.UNIT_NOT_FOUND, jurisdiction, "2025"));
        boolean levelFits = switch (role) {
            case PROVINCE_OFFICER, COUNCIL_MEMBER -> unit.isProvince();
            case COMMUNE_OFFICER -> !unit.isProvince();
            default -> true;
        };
        if (!levelFits) {
            throw new OcopException(IdentityError.JURISDICTION_LEVEL_MISMATCH, role, jurisdiction);
        }
    }

    private static void checkVersion(UserAccount account, long expectedVersion) {
        if (account.version() != expectedVersion) {
            throw new org.springframework.orm.ObjectOptimisticLockingFailureException(UserAccount.class, account.id());
        }
    }

    private UserSummary summary(UserAccount a) {
        return new UserSummary(
                a.id(),
                a.username(),
                a.displayName(),
                a.email(),
                a.role(),
                a.jurisdictionCode(),
                a.enabled(),
                throttle.anyLockout(a.username()),
                a.lastLoginAt(),
                a.createdAt(),
                a.version(),
                a.producerId());
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
