package vn.ocop.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ocop.geography.AdminUnit;
import vn.ocop.geography.AdminUnits;
import vn.ocop.geography.GeographyError;
import vn.ocop.identity.IdentityEvents.PasswordChanged;
import vn.ocop.identity.IdentityEvents.UserCreated;
import vn.ocop.identity.IdentityEvents.UserUpdated;
import vn.ocop.shared.OcopException;

/**
 * Creating and administering user accounts. Who may grant what: a system administrator any role anywhere; a province
 * officer commune officers, council members and producer accounts inside the province. An account is visible to
 * administrators whose jurisdiction covers the account's.
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

    UserAccounts(
            UserAccountRepository accounts,
            PasswordEncoder passwordEncoder,
            AccessPolicy policy,
            AdminUnits units,
            ApplicationEventPublisher events,
            Clock clock,
            ProducerDirectory producers) {
        this.producers = producers;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.policy = policy;
        this.units = units;
        this.events = events;
        this.clock = clock;
    }

    /** Creates an account; throws 403 when the actor may not grant this role here, 409 on a taken username. */
    public UserSummary create(CreateUser command, CurrentUser actor) {
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
        if (!PasswordRules.acceptable(username, command.password())) {
            throw new OcopException(IdentityError.WEAK_PASSWORD, PasswordRules.MIN_LENGTH);
        }
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
        if (!PasswordRules.acceptable(username.strip().toLowerCase(Locale.ROOT), password)) {
            throw new OcopException(IdentityError.WEAK_PASSWORD, PasswordRules.MIN_LENGTH);
        }
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
        requireManager(actor);
        return accounts.findAll().stream()
                .filter(a -> visibleTo(actor, a))
                .sorted(Comparator.comparing(UserAccount::username))
                .map(this::summary)
                .toList();
    }

    /** An account by id for other modules (e.g. to seat a council member); empty when unknown. No authorization. */
    @Transactional(readOnly = true)
    public java.util.Optional<UserSummary> lookup(long id) {
        return accounts.findById(id).map(this::summary);
    }

    /**
     * Enabled accounts with a role whose jurisdiction is exactly the given unit (e.g. the province officers of
     * province {@code 82}), or every enabled account of the role when {@code jurisdictionCode} is {@code null} (for
     * nationwide roles); in id order. For other modules that address people by role (notifications); no
     * authorization. Locked accounts are included: a lockout is temporary.
     */
    @Transactional(readOnly = true)
    public List<UserSummary> withRole(Role role, @Nullable String jurisdictionCode) {
        List<UserAccount> found = jurisdictionCode == null
                ? accounts.findByRoleAndEnabledTrueOrderById(role)
                : accounts.findByRoleAndJurisdictionCodeAndEnabledTrueOrderById(role, jurisdictionCode);
        return found.stream().map(this::summary).toList();
    }

    /** Enabled {@link Role#PRODUCER} accounts of a producer, in id order; empty when it has none. No authorization. */
    @Transactional(readOnly = true)
    public List<UserSummary> ofProducer(long producerId) {
        return accounts.findByRoleAndProducerIdAndEnabledTrueOrderById(Role.PRODUCER, producerId).stream()
                .map(this::summary)
                .toList();
    }

    /** One account; 404 when it does not exist, 403 when it is outside the actor's jurisdiction. */
    @Transactional(readOnly = true)
    public UserSummary get(long id, CurrentUser actor) {
        return summary(manageable(id, actor));
    }

    /** Enables or disables an account (a disabled account cannot log in and its tokens stop working). */
    public UserSummary setEnabled(long id, boolean enabled, long expectedVersion, CurrentUser actor) {
        UserAccount account = manageable(id, actor);
        checkVersion(account, expectedVersion);
        if (account.id() == actor.id() && !enabled) {
            throw OcopException.forbidden();
        }
        boolean before = account.enabled();
        account.setEnabled(enabled);
        accounts.saveAndFlush(account);
        events.publishEvent(new UserUpdated(
                account.id(), account.username(), account.jurisdictionCode(), "enabled: " + before + " -> " + enabled));
        return summary(account);
    }

    /** Sets a new password chosen by an administrator; the owner should change it at next login. */
    public void resetPassword(long id, String newPassword, CurrentUser actor) {
        UserAccount account = manageable(id, actor);
        if (!PasswordRules.acceptable(account.username(), newPassword)) {
            throw new OcopException(IdentityError.WEAK_PASSWORD, PasswordRules.MIN_LENGTH);
        }
        account.changePassword(Objects.requireNonNull(passwordEncoder.encode(newPassword)), Instant.now(clock));
        events.publishEvent(new PasswordChanged(account.username(), true));
    }

    /** The owner changes their own password; the current one must be given. */
    public void changeOwnPassword(CurrentUser user, String currentPassword, String newPassword) {
        UserAccount account = accounts.findById(user.id())
                .orElseThrow(() -> new OcopException(IdentityError.USER_NOT_FOUND, user.id()));
        if (!passwordEncoder.matches(currentPassword, account.passwordHash())) {
            throw new OcopException(IdentityError.WRONG_CURRENT_PASSWORD);
        }
        if (!PasswordRules.acceptable(account.username(), newPassword)) {
            throw new OcopException(IdentityError.WEAK_PASSWORD, PasswordRules.MIN_LENGTH);
        }
        account.changePassword(Objects.requireNonNull(passwordEncoder.encode(newPassword)), Instant.now(clock));
        events.publishEvent(new PasswordChanged(account.username(), false));
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
        if (actor.role().nationwide()) {
            return true;
        }
        if (account.role().nationwide() || account.role() == Role.PROVINCE_OFFICER) {
            return false;
        }
        return policy.permits(actor, Action.MANAGE_USERS, account.jurisdictionCode());
    }

    private void checkGrantable(CurrentUser actor, Role role, @Nullable String jurisdiction) {
        if (!policy.allowsAction(actor, Action.MANAGE_USERS)) {
            throw OcopException.forbidden();
        }
        if (actor.role() == Role.SYSTEM_ADMIN) {
            return;
        }
        boolean grantable = role == Role.COMMUNE_OFFICER || role == Role.COUNCIL_MEMBER || role == Role.PRODUCER;
        if (!grantable) {
            throw new OcopException(IdentityError.ROLE_NOT_GRANTABLE, role);
        }
        policy.check(actor, Action.MANAGE_USERS, jurisdiction);
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
        AdminUnit unit = units.find(vn.ocop.geography.AdminEdition.CURRENT, jurisdiction)
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
                a.isLocked(Instant.now(clock)),
                a.lastLoginAt(),
                a.createdAt(),
                a.version());
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
