package vn.ocop.security;

import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import vn.ocop.identity.CreateUser;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.Role;
import vn.ocop.identity.UserAccounts;
import vn.ocop.identity.UserSummary;

/**
 * The people and things of one matrix run. The callers live in the <em>home</em> places: province {@value
 * #HOME_PROVINCE} (Tỉnh Đồng Tháp), commune {@value #HOME_COMMUNE} (Phường Cao Lãnh); the producer account belongs to
 * the home producer and the council member sits on the home province's round. The <em>other</em> instance of each
 * fixture kind is in province {@value #OTHER_PROVINCE} (Hà Nội), commune {@value #OTHER_COMMUNE} (Phường Ba Đình), of
 * another producer, in a round the council member does not sit on.
 *
 * <p>Every account is a real row of {@code app_user}, created through {@link UserAccounts}; names carry the run's
 * {@link #tag()} so that runs and tests never collide.
 */
public final class MatrixWorld {

    public static final String HOME_PROVINCE = "82";
    public static final String HOME_COMMUNE = "29869";
    public static final String OTHER_PROVINCE = "01";
    public static final String OTHER_COMMUNE = "00004";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final UserAccounts users;
    private final String tag;
    private final String password;
    private final CurrentUser system;
    private final Map<Caller, CurrentUser> callers = new EnumMap<>(Caller.class);
    private final Map<String, Fixture> fixtures = new HashMap<>();

    /** How a kind resolves for a caller: own and other may depend on who calls (their notification, their token). */
    private record Fixture(Function<Caller, Instance> own, Function<Caller, Instance> other) {}

    MatrixWorld(UserAccounts users) {
        this.users = users;
        this.tag = "m" + Long.toString(Math.abs(RANDOM.nextLong()) % 1_000_000_000L, 36);
        this.password = "Ma-tran-" + Long.toString(Math.abs(RANDOM.nextLong()), 36) + "-2026";
        CurrentUser bootstrap = new CurrentUser(0, "matrix-bootstrap", "Matrix", Role.SYSTEM_ADMIN, null, null);
        this.system = account(Role.SYSTEM_ADMIN, null, null, "setup", bootstrap);
    }

    /** A short text unique to this run, put into names (lower case letters and digits, e.g. {@code m1x2y3}: fits usernames). */
    public String tag() {
        return tag;
    }

    /** A unique name for something of this run: the base, the tag and a sequence number. */
    public String name(String base) {
        return base + " " + tag + "-" + SEQUENCE.incrementAndGet();
    }

    /** The password of every account of the run. */
    public String password() {
        return password;
    }

    /** A real administrator account for setting things up (not one of the callers). */
    public CurrentUser system() {
        return system;
    }

    /** The caller's account; {@code null} for {@link Caller#ANONYMOUS}. */
    public @Nullable CurrentUser caller(Caller caller) {
        if (caller == Caller.ANONYMOUS) {
            return null;
        }
        CurrentUser user = callers.get(caller);
        if (user == null) {
            throw new IllegalStateException("no account for " + caller + " yet");
        }
        return user;
    }

    /** Whether the caller's account exists yet (the producer's comes with the home producer). */
    public boolean hasCaller(Caller caller) {
        return caller == Caller.ANONYMOUS || callers.containsKey(caller);
    }

    /** Registers the account a caller uses (the producer provider registers the home producer's account). */
    public void caller(Caller caller, CurrentUser account) {
        if (caller.role() != account.role()) {
            throw new IllegalArgumentException(caller + " cannot be a " + account.role());
        }
        callers.put(caller, account);
    }

    /** Creates a real account with the run's password, as {@link #system()}. */
    public CurrentUser account(Role role, @Nullable String jurisdiction, @Nullable Long producerId, String label) {
        return account(role, jurisdiction, producerId, label, system);
    }

    private CurrentUser account(
            Role role, @Nullable String jurisdiction, @Nullable Long producerId, String label, CurrentUser actor) {
        String username = (label + "-" + tag + "-" + SEQUENCE.incrementAndGet()).toLowerCase(Locale.ROOT);
        UserSummary created = users.create(
                new CreateUser(username, "Matrix " + label + " " + tag, null, role, jurisdiction, password, producerId),
                actor);
        return new CurrentUser(created.id(), created.username(), created.displayName(), role, jurisdiction, producerId);
    }

    private CurrentUser ownCommuneOfficer;
    private CurrentUser otherCommuneOfficer;

    /**
     * The commune officers who check dossiers at the commune (Art. 7.2): the {@link Caller#COMMUNE_OFFICER} of the
     * home commune and one of the other commune; registered by the evaluation provider.
     */
    public void communeOfficers(CurrentUser own, CurrentUser other) {
        this.ownCommuneOfficer = own;
        this.otherCommuneOfficer = other;
    }

    public CurrentUser communeOfficer(Side side) {
        CurrentUser officer = side == Side.OTHER ? otherCommuneOfficer : ownCommuneOfficer;
        if (officer == null) {
            throw new IllegalStateException("no commune officers yet: require the kind 'dossier'");
        }
        return officer;
    }

    /** Puts a kind whose own and other instances are the same for every caller. */
    public void put(String kind, Instance own, Instance other) {
        put(kind, caller -> own, caller -> other);
    }

    /** Puts a kind whose instances depend on the caller (e.g. the caller's own notification). */
    public void put(String kind, Function<Caller, Instance> own, Function<Caller, Instance> other) {
        if (fixtures.putIfAbsent(kind, new Fixture(own, other)) != null) {
            throw new IllegalStateException("fixture kind '" + kind + "' provided twice");
        }
    }

    public boolean has(String kind) {
        return fixtures.containsKey(kind);
    }

    public Set<String> kinds() {
        return Set.copyOf(fixtures.keySet());
    }

    /** The instance a caller uses on a side; {@link Side#NONE} is not a side of a fixture. */
    public Instance instance(String kind, Side side, Caller caller) {
        Fixture fixture = fixtures.get(kind);
        if (fixture == null) {
            throw new IllegalArgumentException(
                    "unknown fixture kind '" + kind + "' (known: " + fixtures.keySet() + ")");
        }
        return switch (side) {
            case OWN -> fixture.own().apply(caller);
            case OTHER -> fixture.other().apply(caller);
            case NONE -> throw new IllegalArgumentException("kind '" + kind + "' used on a route without sides");
        };
    }

    /** Shortcut for kinds that do not depend on the caller. */
    public Instance own(String kind) {
        return instance(kind, Side.OWN, Caller.SYSTEM_ADMIN);
    }

    /** Shortcut for kinds that do not depend on the caller. */
    public Instance other(String kind) {
        return instance(kind, Side.OTHER, Caller.SYSTEM_ADMIN);
    }
}
