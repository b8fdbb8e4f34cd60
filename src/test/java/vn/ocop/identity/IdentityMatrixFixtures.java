package vn.ocop.identity;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import vn.ocop.security.Caller;
import vn.ocop.security.Instance;
import vn.ocop.security.MatrixFixtures;
import vn.ocop.security.MatrixWorld;

/**
 * Matrix fixtures of identity: {@code user} (a commune officer's account of Phường Cao Lãnh and one of Phường Ba Đình,
 * attribute {@code version}), {@code api-token} (per caller a second token of their own; the other someone else's),
 * {@code login-account} (an account to log in as, attributes {@code username} and {@code password}).
 */
class IdentityMatrixFixtures implements MatrixFixtures {

    private final UserAccounts users;
    private final ApiTokens tokens;

    IdentityMatrixFixtures(UserAccounts users, ApiTokens tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    @Override
    public Set<String> provides() {
        return Set.of("user", "api-token", "login-account");
    }

    @Override
    public Set<String> requires() {
        return Set.of("producer"); // every caller's account exists once the producer's does
    }

    @Override
    public void create(MatrixWorld world) {
        world.put(
                "user",
                user(world.account(Role.COMMUNE_OFFICER, MatrixWorld.HOME_COMMUNE, null, "officer")),
                user(world.account(Role.COMMUNE_OFFICER, MatrixWorld.OTHER_COMMUNE, null, "officer-other")));
        Map<Caller, Instance> own = new EnumMap<>(Caller.class);
        for (Caller caller : Caller.values()) {
            CurrentUser user = world.caller(caller);
            if (user != null) {
                own.put(caller, Instance.of(tokens.issue(user, "second").id()));
            }
        }
        Instance someoneElses =
                Instance.of(tokens.issue(world.system(), "someone else's").id());
        world.put("api-token", caller -> own.getOrDefault(caller, someoneElses), caller -> someoneElses);
        CurrentUser login = world.account(Role.COMMUNE_OFFICER, MatrixWorld.HOME_COMMUNE, null, "login");
        Instance account =
                Instance.of(login.id()).with("username", login::username).with("password", world::password);
        world.put("login-account", account, account);
    }

    private Instance user(CurrentUser account) {
        return Instance.of(account.id(), account.username())
                .with("version", () -> users.lookup(account.id()).orElseThrow().version());
    }
}
