package vn.ocop.notification;

import vn.ocop.shared.ErrorCode;
import vn.ocop.shared.ErrorKind;

/** Errors of the notification module. */
public enum NotificationError implements ErrorCode {
    /** No such notification for this user: another user's notification is "not found" too, never 403. */
    NOTIFICATION_NOT_FOUND("NOTIF-001", ErrorKind.NOT_FOUND);

    private final String code;
    private final ErrorKind kind;

    NotificationError(String code, ErrorKind kind) {
        this.code = code;
        this.kind = kind;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }
}
