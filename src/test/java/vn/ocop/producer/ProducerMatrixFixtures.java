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
 * each, for user administration). Attributes: {@code version} (current), {@code taxCode}.
 */
class ProducerMatrixFixtures implements MatrixFixtures {

    private final ProducerRegistry producers;
    private final UserAccounts users;

    ProducerMatrixFixtures(ProducerRegistry producers, UserAccounts users) {
        this.producers = producers;
        this.users = users;
    }

    @Override
    public Set<String> provides() {
        return Set.of("producer", "producer-account");
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
