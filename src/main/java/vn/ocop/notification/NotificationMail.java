package vn.ocop.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.ocop.identity.UserAccounts;
import vn.ocop.identity.UserSummary;
import vn.ocop.notification.NotificationEvents.MailQueued;
import vn.ocop.notification.NotificationEvents.NotificationCreated;

/**
 * Sends the e-mail copy of each notification, in Vietnamese (users have no language setting yet), through the SMTP
 * server of {@code spring.mail.*}; only with {@code ocop.notification.mail.enabled=true}.
 *
 * <p>Runs after the notifying transaction committed, asynchronously, through the event publication registry: a
 * rolled-back transaction sends nothing, and a failed send (server down) leaves the in-app notification as it is
 * and its publication incomplete, to be sent again by {@code EventRetries} (after five minutes) or at a restart. Users without an e-mail address,
 * or whose account was disabled meanwhile, get the in-app notification only. {@code mailed_at} records the sending,
 * so a replayed publication does not mail twice (a crash between sending and recording it can, once).
 */
@Component
@ConditionalOnBooleanProperty(name = "ocop.notification.mail.enabled")
class NotificationMail {

    private static final Logger log = LoggerFactory.getLogger(NotificationMail.class);
    private static final Locale LANGUAGE = Locale.forLanguageTag("vi");

    private final JdbcClient jdbc;
    private final Notifications notifications;
    private final UserAccounts users;
    private final MessageSource messages;
    private final JavaMailSender sender;
    private final NotificationProperties.Mail settings;
    private final String publicUrl;
    private final Clock clock;

    NotificationMail(
            JdbcClient jdbc,
            Notifications notifications,
            UserAccounts users,
            MessageSource messages,
            ObjectProvider<JavaMailSender> sender,
            NotificationProperties properties,
            @Value("${ocop.public-url:http://localhost:8080}") String publicUrl,
            Clock clock) {
        JavaMailSender configured = sender.getIfAvailable();
        if (configured == null) {
            throw new IllegalStateException(
                    "ocop.notification.mail.enabled is true but no SMTP server is configured: set spring.mail.host");
        }
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.users = users;
        this.messages = messages;
        this.sender = configured;
        this.settings = properties.mail();
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(NotificationCreated created) {
        Optional<String> address = users.lookup(created.userId())
                .filter(UserSummary::enabled)
                .map(UserSummary::email)
                .filter(email -> !email.isBlank());
        if (address.isEmpty()) {
            return;
        }
        Optional<Notifications.Stored> stored = jdbc.sql(
                        "SELECT * FROM notification WHERE id = ? AND mailed_at IS NULL FOR UPDATE")
                .param(created.notificationId())
                .query(notifications::stored)
                .optional();
        if (stored.isEmpty()) {
            return; // already mailed (a replay), or gone with its user
        }
        NotificationView text = notifications.render(stored.get(), LANGUAGE);
        sender.send(message(address.get(), text));
        jdbc.sql("UPDATE notification SET mailed_at = ? WHERE id = ?")
                .params(Timestamp.from(Instant.now(clock)), created.notificationId())
                .update();
        log.debug("Notification {} mailed", created.notificationId());
    }

    /** An e-mail to an address without an account, stored by {@link Notifications#mail}. */
    @ApplicationModuleListener
    void on(MailQueued queued) {
        Optional<Queued> mail = jdbc.sql("SELECT * FROM mail_outbox WHERE id = ? AND mailed_at IS NULL FOR UPDATE")
                .param(queued.mailId())
                .query((rs, n) -> new Queued(
                        rs.getString("address"),
                        new Notifications.Stored(
                                rs.getLong("id"),
                                0,
                                rs.getString("title_key"),
                                rs.getString("body_key"),
                                List.of((String[]) rs.getArray("arguments").getArray()),
                                rs.getString("link"),
                                rs.getTimestamp("created_at").toInstant(),
                                null)))
                .optional();
        if (mail.isEmpty()) {
            return; // already sent (a replay)
        }
        sender.send(
                message(mail.get().address(), notifications.render(mail.get().stored(), LANGUAGE)));
        jdbc.sql("UPDATE mail_outbox SET mailed_at = ? WHERE id = ?")
                .params(Timestamp.from(Instant.now(clock)), queued.mailId())
                .update();
    }

    private record Queued(String address, Notifications.Stored stored) {}

    private MimeMessage message(String to, NotificationView text) {
        MimeMessage mime = sender.createMimeMessage();
        try {
            MimeMessageHelper mail = new MimeMessageHelper(mime, false, "UTF-8");
            mail.setFrom(settings.from(), settings.fromName());
            mail.setTo(to);
            mail.setSubject(text.title());
            StringBuilder body = new StringBuilder(text.body()).append("\n\n");
            if (text.link() != null) {
                String url = publicUrl.replaceAll("/+$", "") + text.link();
                body.append(messages.getMessage("notification.mail.open", new Object[] {url}, LANGUAGE))
                        .append("\n\n");
            }
            body.append("-- \n").append(messages.getMessage("notification.mail.footer", null, LANGUAGE));
            mail.setText(body.toString(), false);
            // RFC 3834: tells mail servers and vacation responders not to answer automatically.
            mime.setHeader("Auto-Submitted", "auto-generated");
            return mime;
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new MailPreparationException(e);
        }
    }
}
