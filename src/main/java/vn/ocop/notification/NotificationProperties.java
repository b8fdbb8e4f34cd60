package vn.ocop.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notification settings.
 *
 * @param mail e-mail copies of notifications, sent through the SMTP server of {@code spring.mail.*}
 */
@ConfigurationProperties("ocop.notification")
record NotificationProperties(@DefaultValue Mail mail) {

    /**
     * @param enabled whether to send e-mail copies at all (off by default: needs {@code spring.mail.host})
     * @param from sender address
     * @param fromName sender name shown by mail programs
     */
    record Mail(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("no-reply@ocop.local") String from,
            @DefaultValue("Nền tảng OCOP") String fromName) {}
}
