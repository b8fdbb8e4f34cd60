package vn.ocop.notification;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A notification as its reader sees it, title and text in the reader's language.
 *
 * @param link a path inside the application, or {@code null}
 * @param readAt when the reader marked it read; {@code null} while unread
 */
public record NotificationView(
        long id,
        String title,
        String body,
        @Nullable String link,
        Instant createdAt,
        @Nullable Instant readAt) {}
