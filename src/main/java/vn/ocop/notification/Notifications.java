package vn.ocop.notification;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ocop.identity.CurrentUser;
import vn.ocop.notification.NotificationEvents.MailQueued;
import vn.ocop.notification.NotificationEvents.NotificationCreated;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.PageResult;

/**
 * Users' notifications. Other modules call {@link #send} with user ids inside their own transaction: the rows
 * commit or roll back with the change that caused them, and e-mail copies go out only after the commit (see
 * {@link NotificationMail}). Readers see and mark only their own notifications; anyone else's id is "not found"
 * ({@code NOTIF-001}, 404). Marking read is the reader's own state and is not audited; whoever notifies audits why.
 */
@Service
@Transactional
@EnableConfigurationProperties(NotificationProperties.class)
public class Notifications {

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Notifications(JdbcClient jdbc, MessageSource messages, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Stores the message once for each user (duplicates in {@code userIds} count once) in the current transaction, or
     * a new one when there is none; returns how many were stored. Unknown user ids fail the transaction.
     */
    public int send(Collection<Long> userIds, NotificationMessage message) {
        Long[] users = userIds.stream().distinct().sorted().toArray(Long[]::new);
        if (users.length == 0) {
            return 0;
        }
        List<long[]> created = jdbc.sql("""
                        INSERT INTO notification (user_id, title_key, body_key, arguments, link, created_at)
                        SELECT u, ?, ?, ?::text[], ?, ? FROM unnest(?::bigint[]) AS u
                        RETURNING id, user_id""")
                .params(
                        message.titleKey(),
                        message.bodyKey(),
                        message.arguments().toArray(String[]::new),
                        message.link(),
                        Timestamp.from(Instant.now(clock)),
                        users)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
        for (long[] row : created) {
            events.publishEvent(new NotificationCreated(row[0], row[1]));
        }
        return created.size();
    }

    /**
     * Stores an e-mail to someone without an account (a buyer, an applicant) in the current transaction; it is sent
     * after commit in Vietnamese when e-mail is enabled ({@code ocop.notification.mail.enabled}), and kept unsent
     * otherwise. The address is used for nothing else.
     *
     * @throws IllegalArgumentException when the address is blank or longer than 254 characters
     */
    public long mail(String address, NotificationMessage message) {
        String to = address.strip();
        if (to.isEmpty() || to.length() > 254 || !to.contains("@")) {
            throw new IllegalArgumentException("not an e-mail address");
        }
        long id = jdbc.sql("""
                        INSERT INTO mail_outbox (address, title_key, body_key, arguments, link, created_at)
                        VALUES (?, ?, ?, ?::text[], ?, ?) RETURNING id""")
                .params(
                        to,
                        message.titleKey(),
                        message.bodyKey(),
                        message.arguments().toArray(String[]::new),
                        message.link(),
                        Timestamp.from(Instant.now(clock)))
                .query(Long.class)
                .single();
        events.publishEvent(new MailQueued(id));
        return id;
    }

    /** The reader's notifications, newest first, in the reader's language. */
    @Transactional(readOnly = true)
    public PageResult<NotificationView> inbox(CurrentUser reader, int page, int size) {
        long total = jdbc.sql("SELECT count(*) FROM notification WHERE user_id = ?")
                .param(reader.id())
                .query(Long.class)
                .single();
        List<NotificationView> items = jdbc
                .sql("SELECT * FROM notification WHERE user_id = ? ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(reader.id(), size, (long) page * size)
                .query(this::stored)
                .list()
                .stream()
                .map(n -> render(n, LocaleContextHolder.getLocale()))
                .toList();
        return new PageResult<>(items, page, size, total);
    }

    /** How many of the reader's notifications are unread. */
    @Transactional(readOnly = true)
    public long unreadCount(CurrentUser reader) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE user_id = ? AND read_at IS NULL")
                .param(reader.id())
                .query(Long.class)
                .single();
    }

    /**
     * Marks one of the reader's notifications read (again is harmless: the first time is kept); {@code NOTIF-001}
     * (404) when the reader has no notification with this id.
     */
    public NotificationView markRead(long id, CurrentUser reader) {
        return jdbc.sql("""
                        UPDATE notification SET read_at = coalesce(read_at, ?)
                         WHERE id = ? AND user_id = ? RETURNING *""")
                .params(Timestamp.from(Instant.now(clock)), id, reader.id())
                .query(this::stored)
                .optional()
                .map(n -> render(n, LocaleContextHolder.getLocale()))
                .orElseThrow(() -> new OcopException(NotificationError.NOTIFICATION_NOT_FOUND, id));
    }

    /** A notification row as stored: message keys and arguments, not yet in any language. */
    record Stored(
            long id,
            long userId,
            String titleKey,
            String bodyKey,
            List<String> arguments,
            @Nullable String link,
            Instant createdAt,
            @Nullable Instant readAt) {}

    Stored stored(ResultSet rs, int row) throws SQLException {
        Array arguments = rs.getArray("arguments");
        Timestamp readAt = rs.getTimestamp("read_at");
        return new Stored(
                rs.getLong("id"),
                rs.getLong("user_id"),
                rs.getString("title_key"),
                rs.getString("body_key"),
                List.of((String[]) arguments.getArray()),
                rs.getString("link"),
                rs.getTimestamp("created_at").toInstant(),
                readAt == null ? null : readAt.toInstant());
    }

    NotificationView render(Stored n, Locale locale) {
        Object[] arguments = n.arguments().toArray();
        return new NotificationView(
                n.id(),
                messages.getMessage(n.titleKey(), arguments, n.titleKey(), locale),
                messages.getMessage(n.bodyKey(), arguments, n.bodyKey(), locale),
                n.link(),
                n.createdAt(),
                n.readAt());
    }
}
