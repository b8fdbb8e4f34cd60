package vn.ocop.producer;

import java.util.Set;
import vn.ocop.RegistryFixtures;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.Role;
import vn.ocop.identity.UserAccounts;
import vn.ocop.security.Caller;
import vn.ocop.security.Instance;
import vn.ocop.security.MatrixFixtures;
import vn.ocop.security.MatrixWorld;

/**
 * Matrix fixtures of the producer module: {@code producer} (the home cooperative in Phường Cao Lãnh, whose account is
 * the {@link Caller#PRODUCER} caller, and one in Phường Ba Đình) and {@code producer-account} (a second account of
 * each, for user administration). Attributes: {@code version} (current), {@code taxCode}. The portal's sign-ups:
 * {@code signup} and {@code signup-refusal} (waiting sign-ups in the home, or the other, commune: one for approval,
 * one for refusal; attribute {@code version}) and {@code signup-token} (the applicant's private token of one).
 */
class ProducerMatrixFixtures implements MatrixFixtures {

    private final ProducerRegistry producers;
    private final UserAccounts users;
    private final ProducerSignups signups;

    ProducerMatrixFixtures(ProducerRegistry producers, UserAccounts users, ProducerSignups signups) {
        this.producers = producers;
        this.users = users;
        this.signups = signups;
    }

    @Override
    public Set<String> provides() {
        return Set.of("producer", "producer-account", "signup", "signup-refusal", "signup-token");
    }

    @Override
    public void create(MatrixWorld world) {
        ProducerView own = register(world, MatrixWorld.HOME_COMMUNE);
        ProducerView other = register(world, MatrixWorld.OTHER_COMMUNE);
        world.put("producer", instance(own), instance(other));
        CurrentUser account = world.account(Role.PRODUCER, null, own.id(), "producer");
        world.caller(Caller.PRODUCER, account);
        world.put(
                "producer-account",
                account(world.account(Role.PRODUCER, null, own.id(), "producer-two")),
                account(world.account(Role.PRODUCER, null, other.id(), "producer-other")));

        world.put("signup", signup(world, MatrixWorld.HOME_COMMUNE), signup(world, MatrixWorld.OTHER_COMMUNE));
        world.put("signup-refusal", signup(world, MatrixWorld.HOME_COMMUNE), signup(world, MatrixWorld.OTHER_COMMUNE));
        world.put(
                "signup-token",
                Instance.of(token(world, MatrixWorld.HOME_COMMUNE)),
                Instance.of(token(world, MatrixWorld.OTHER_COMMUNE)));
    }

    private Instance signup(MatrixWorld world, String commune) {
        Signup signup = submit(world, commune);
        return Instance.of(signup.id(), signup.name())
                .with("version", () -> signups.get(signup.id(), world.system()).version());
    }

    private String token(MatrixWorld world, String commune) {
        return submit(world, commune).token();
    }

    /** A sign-up as the portal's form stores it (the form's anti-spam check is the web layer's). */
    private Signup submit(MatrixWorld world, String commune) {
        String username = ("dang-ky-" + world.tag() + "-"
                        + world.name("").strip().replaceAll(".*-", ""))
                .toLowerCase(java.util.Locale.ROOT);
        return signups.submit(
                new SignupRequest(
                        LegalType.COOPERATIVE,
                        world.name("HTX đăng ký"),
                        RegistryFixtures.aTaxCode(),
                        "Phạm Thị Hoa",
                        null,
                        "0277 3851 777",
                        username + "@example.vn",
                        null,
                        "Ấp 2",
                        commune,
                        true,
                        false,
                        username,
                        world.password()),
                "matrix-" + username);
    }

    private ProducerView register(MatrixWorld world, String commune) {
        return producers.register(RegistryFixtures.aCooperative(world.name("HTX ma trận"), commune), world.system());
    }

    private Instance account(CurrentUser account) {
        return Instance.of(account.id())
                .with("version", () -> users.lookup(account.id()).orElseThrow().version());
    }

    private Instance instance(ProducerView producer) {
        return Instance.of(producer.id(), producer.name())
                .with(
                        "version",
                        () -> producers.lookup(producer.id()).orElseThrow().version())
                .with("taxCode", producer::taxCode)
                .with("name", producer::name);
    }
}
