package vn.ocop.notification;

/** Facts the notification module announces. */
public final class NotificationEvents {

    private NotificationEvents() {}

    /**
     * A notification was stored for a user. Published inside the notifying transaction; the e-mail copy listens to it
     * after commit, so a rolled-back transaction never sends mail.
     */
    public record NotificationCreated(long notificationId, long userId) {}

    /**
     * An e-mail to an address without an account was stored ({@link Notifications#mail}); sent after commit, like the
     * copies of notifications.
     */
    public record MailQueued(long mailId) {}
}
