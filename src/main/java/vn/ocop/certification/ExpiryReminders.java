package vn.ocop.certification;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ocop.certification.CertificationEvents.CertificateExpiryReminded;
import vn.ocop.identity.Role;
import vn.ocop.identity.UserAccounts;
import vn.ocop.identity.UserSummary;
import vn.ocop.notification.NotificationMessage;
import vn.ocop.notification.Notifications;

/**
 * The daily job that reminds the producer and the responsible officers that a certificate is about to expire, so the
 * product can be re-evaluated in time: 180 and 120 days before its last day ({@link Certificate#expiresOn()}) and on
 * that day (0). Runs at 07:00 Vietnam time, after {@link CertificateExpiry}, on one node (ShedLock).
 *
 * <p><b>When.</b> A threshold of {@code d} days is reached on the day when at most {@code d} days are left. Each
 * certificate gets at most one reminder per run: the nearest threshold reached, unless it was sent before.
 * Thresholds reached earlier but never sent (the certificate was first seen inside a window: issued or imported late,
 * or the job did not run for a while) are recorded as skipped and never sent late. So a certificate first seen with
 * 150 days left gets the 180-day reminder at once, the 120-day one when 120 days are left and the day-0 one on its
 * last day; one first seen with 100 days left gets the 120-day and the day-0 ones. Considered are VALID certificates
 * and, to catch up a day-0 reminder missed on the expiry day, certificates EXPIRED at most 7
 * days ago; revoked, suspended and superseded ones get none.
 *
 * <p><b>Whom.</b> The enabled producer accounts of the certificate's producer, and the province officers of its
 * province, or for a ministry (5★, {@code CENTRAL}) certificate the central office. Each gets an in-app notification
 * and, when mail is enabled and the account has an address, an e-mail after commit (notification module).
 *
 * <p><b>Once.</b> A reminder is a row of {@code certificate_reminder} keyed by (certificate, threshold), inserted with
 * {@code ON CONFLICT DO NOTHING} in one transaction per certificate together with the notifications and the audit
 * entry; notifications are stored only when this run's insert took the row. A second run, on this node or another,
 * finds the row or waits for the first run's transaction and then finds it; a run that rolls back leaves no row,
 * so the next run sends the reminder.
 */
@Component
class ExpiryReminders {

    /** Days before the last valid day, largest first. */
    static final List<Integer> THRESHOLDS = List.of(180, 120, 0);

    /** How long after expiry a missed day-0 reminder is still sent. */
    static final int CATCH_UP_DAYS = 7;

    private static final Logger log = LoggerFactory.getLogger(ExpiryReminders.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final JdbcClient jdbc;
    private final UserAccounts users;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ExpiryReminders(
            JdbcClient jdbc,
            UserAccounts users,
            Notifications notifications,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.notifications = notifications;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Scheduled(cron = "0 0 7 * * *", zone = "Asia/Ho_Chi_Minh")
    @SchedulerLock(name = "certificate-expiry-reminders", lockAtLeastFor = "PT1M")
    void run() {
        int sent = remindDue(LocalDate.now(clock));
        if (sent > 0) {
            log.info("{} certificate expiry reminders sent", sent);
        }
    }

    /**
     * Sends the reminders due on {@code today}; returns how many certificates this run reminded. Safe to run twice
     * and concurrently. A certificate whose reminder fails is logged and left for the next run.
     */
    int remindDue(LocalDate today) {
        int sent = 0;
        for (Candidate c : candidates(today)) {
            long daysLeft = ChronoUnit.DAYS.between(today, c.expiresOn());
            List<Integer> reached =
                    THRESHOLDS.stream().filter(t -> daysLeft <= t).toList();
            int nearest = reached.get(reached.size() - 1);
            if (c.done().contains(nearest)) {
                continue;
            }
            try {
                if (Boolean.TRUE.equals(transactions.execute(tx -> remind(c, reached, daysLeft, today)))) {
                    sent++;
                }
            } catch (RuntimeException e) {
                log.error("Expiry reminder for certificate {} failed; the next run tries again", c.number(), e);
            }
        }
        return sent;
    }

    /** In one transaction: claims the thresholds, and notifies only when this run claimed the nearest one. */
    private boolean remind(Candidate c, List<Integer> reached, long daysLeft, LocalDate today) {
        int nearest = reached.get(reached.size() - 1);
        List<Integer> skipped = new ArrayList<>();
        for (int threshold : reached) {
            if (threshold != nearest && !c.done().contains(threshold) && claim(c, threshold, today, 0, true)) {
                skipped.add(threshold);
            }
        }
        List<Long> recipients = recipients(c);
        if (!claim(c, nearest, today, recipients.size(), false)) {
            return false; // another run reminded it meanwhile
        }
        notifications.send(
                recipients,
                new NotificationMessage(
                        "reminder.certificateExpiry.title." + nearest,
                        "reminder.certificateExpiry.body." + nearest,
                        List.of(
                                c.number(),
                                c.productName(),
                                DATE.format(c.expiresOn()),
                                Long.toString(Math.max(0, daysLeft))),
                        "/certificates/" + c.number()));
        events.publishEvent(new CertificateExpiryReminded(
                c.number(), nearest, c.expiresOn(), recipients.size(), skipped, c.communeCode()));
        return true;
    }

    /** Inserts the reminder row; whether this transaction took it (false: it existed or a concurrent run has it). */
    private boolean claim(Candidate c, int threshold, LocalDate today, int recipients, boolean skipped) {
        return jdbc.sql("""
                        INSERT INTO certificate_reminder (certificate_id, threshold_days, reminded_on, recipients, skipped)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (certificate_id, threshold_days) DO NOTHING""")
                        .params(c.id(), threshold, today, recipients, skipped)
                        .update()
                == 1;
    }

    /** The producer's accounts and the responsible officers: the province's, or the central office for 5★. */
    private List<Long> recipients(Candidate c) {
        Set<Long> ids = new LinkedHashSet<>();
        users.ofProducer(c.producerId()).forEach(u -> ids.add(u.id()));
        List<UserSummary> officers = "CENTRAL".equals(c.level())
                ? users.withRole(Role.CENTRAL_OFFICE, null)
                : users.withRole(Role.PROVINCE_OFFICER, c.provinceCode());
        officers.forEach(u -> ids.add(u.id()));
        return List.copyOf(ids);
    }

    /** A certificate within reach of a threshold, with the thresholds already recorded for it. */
    record Candidate(
            long id,
            String number,
            String productName,
            long producerId,
            String level,
            String provinceCode,
            String communeCode,
            LocalDate expiresOn,
            Set<Integer> done) {}

    private List<Candidate> candidates(LocalDate today) {
        return jdbc.sql("""
                        SELECT c.id, c.number, c.product_name, c.producer_id, c.level, c.province_code, c.commune_code,
                               c.expires_on,
                               coalesce(array_agg(r.threshold_days) FILTER (WHERE r.threshold_days IS NOT NULL), '{}')
                                   AS done
                          FROM certificate c LEFT JOIN certificate_reminder r ON r.certificate_id = c.id
                         WHERE (c.status = 'VALID' AND c.expires_on <= ?)
                            OR (c.status = 'EXPIRED' AND c.expires_on BETWEEN ? AND ?)
                         GROUP BY c.id
                         ORDER BY c.expires_on, c.id""")
                .params(today.plusDays(THRESHOLDS.get(0)), today.minusDays(CATCH_UP_DAYS), today)
                .query(ExpiryReminders::candidate)
                .list();
    }

    private static Candidate candidate(ResultSet rs, int row) throws SQLException {
        Array done = rs.getArray("done");
        Set<Integer> thresholds = new LinkedHashSet<>(List.of((Integer[]) done.getArray()));
        return new Candidate(
                rs.getLong("id"),
                rs.getString("number"),
                rs.getString("product_name"),
                rs.getLong("producer_id"),
                rs.getString("level"),
                rs.getString("province_code"),
                rs.getString("commune_code"),
                rs.getObject("expires_on", LocalDate.class),
                thresholds);
    }
}
