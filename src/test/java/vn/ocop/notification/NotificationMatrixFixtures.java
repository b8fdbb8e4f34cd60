package vn.ocop.notification;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.ocop.identity.CurrentUser;
import vn.ocop.security.Caller;
import vn.ocop.security.Instance;
import vn.ocop.security.MatrixFixtures;
import vn.ocop.security.MatrixWorld;

/** Matrix fixtures of notifications: {@code notification}, per caller their own, and the other someone else's. */
class NotificationMatrixFixtures implements MatrixFixtures {

    private final Notifications notifications;

    NotificationMatrixFixtures(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public Set<String> provides() {
        return Set.of("notification");
    }

    @Override
    public Set<String> requires() {
        return Set.of("producer"); // every caller's account exists once the producer's does
    }

    @Override
    public void create(MatrixWorld world) {
        Map<Caller, Instance> own = new EnumMap<>(Caller.class);
        for (Caller caller : Caller.values()) {
            CurrentUser user = world.caller(caller);
            if (user != null) {
                own.put(caller, notify(user));
            }
        }
        Instance someoneElses = notify(world.system());
        world.put("notification", caller -> own.getOrDefault(caller, someoneElses), caller -> someoneElses);
    }

    private Instance notify(CurrentUser user) {
        notifications.send(
                List.of(user.id()),
                new NotificationMessage("notification.title", "notification.empty", List.of(), "/dashboard"));
        return Instance.of(notifications.inbox(user, 0, 1).items().get(0).id());
    }
}
