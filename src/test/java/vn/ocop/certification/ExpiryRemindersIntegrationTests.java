package vn.ocop.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ocop.TestUsers;
import vn.ocop.evaluation.CouncilScoring;
import vn.ocop.evaluation.Dossiers;
import vn.ocop.evaluation.EvaluationRounds;
import vn.ocop.identity.CreateUser;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.Role;
import vn.ocop.identity.UserAccounts;
import vn.ocop.identity.UserSummary;
import vn.ocop.notification.NotificationView;
import vn.ocop.notification.Notifications;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.product.ProductRegistry;
import vn.ocop.shared.scheduling.EventRetries;

/**
 * Expiry reminders end to end: the daily job on the real PostgreSQL, in-app notifications, and e-mails actually
 * delivered to a local SMTP server (GreenMail on a free port). Its own database of the test cluster, so the job sees
 * only this class's certificates; each test retires the certificates of the tests before it.
 */
@SpringBootTest(
        properties = {
            "ocop.embedded-db.database=ocop_reminders",
            "ocop.notification.mail.enabled=true",
            "spring.mail.host=127.0.0.1"
        })
@ActiveProfiles("test")
@vn.ocop.LongRunning
class ExpiryRemindersIntegrationTests {

    private static final int SMTP_PORT = freePort();
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String PASSWORD = "Mat-khau-2026!";
    private static final ExecutorService POOL = Executors.newFixedThreadPool(2);

    @RegisterExtension
    static final GreenMailExtension smtp =
            new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp")).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    vn.ocop.evaluation.DossierFixtures fixtures;

    @Autowired
    ExpiryReminders reminders;

    @Autowired
    Certification certification;

    @Autowired
    Notifications notifications;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JavaMailSenderImpl mailSender;

    @Autowired
    EventRetries retries;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    ProducerRegistry producers;

    @Autowired
    ProductRegistry products;

    @Autowired
    EvaluationRounds rounds;

    @Autowired
    Dossiers dossiers;

    @Autowired
    CouncilScoring scoring;

    private IssuedCertificates issued;

    /** Certificates and recipients of earlier tests take no part. */
    @BeforeEach
    void retireEarlierCertificatesAndAccounts() {
        issued = new IssuedCertificates(producers, products, rounds, dossiers, scoring, certification, jdbc, fixtures);
        jdbc.sql("UPDATE certificate SET status = 'SUPERSEDED' WHERE status IN ('VALID', 'EXPIRED')")
                .update();
        jdbc.sql("UPDATE app_user SET enabled = false WHERE username LIKE 'nhac-han-%'")
                .update();
    }

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    @Test
    void remindsTheProducerAndTheProvinceOfficersAt180And120DaysAndOnTheLastDayNeverTheDayBefore() throws Exception {
        Certificate c = issued.province("Mắm cá linh Tháp Mười", LocalDate.of(2026, 3, 10));
        LocalDate last = c.expiresOn();
        assertThat(last).isEqualTo(LocalDate.of(2029, 3, 10));
        UserSummary producer = producerAccount(c, true);
        UserSummary producerWithoutMail = producerAccount(c, false);
        UserSummary officer = account(Role.PROVINCE_OFFICER, "82", true);
        UserSummary otherProvince = account(Role.PROVINCE_OFFICER, "01", true);
        UserSummary central = account(Role.CENTRAL_OFFICE, null, true);
        UserSummary disabled = account(Role.PROVINCE_OFFICER, "82", true);
        users.setEnabled(disabled.id(), false, disabled.version(), TestUsers.admin());

        assertThat(reminders.remindDue(last.minusDays(181))).isZero();
        assertThat(notificationsOf(c)).isEmpty();

        assertThat(reminders.remindDue(last.minusDays(180))).isEqualTo(1);
        assertThat(reminders.remindDue(last.minusDays(180)))
                .as("same day again")
                .isZero();
        assertThat(reminders.remindDue(last.minusDays(179))).isZero();
        assertThat(reminders.remindDue(last.minusDays(121))).isZero();
        assertThat(reminders.remindDue(last.minusDays(120))).isEqualTo(1);
        assertThat(reminders.remindDue(last.minusDays(1))).isZero();
        assertThat(reminders.remindDue(last)).isEqualTo(1);
        assertThat(reminders.remindDue(last)).isZero();
        assertThat(reminders.remindDue(last.plusDays(1))).isZero();

        // Three reminders for each of the producer's accounts and the province's officers, none for anyone else.
        assertThat(notificationsOf(c))
                .containsOnlyKeys(producer.id(), producerWithoutMail.id(), officer.id())
                .allSatisfy((user, count) -> assertThat(count).isEqualTo(3));
        assertThat(jdbc.sql("SELECT threshold_days FROM certificate_reminder WHERE certificate_id = ? AND NOT skipped"
                                + " ORDER BY threshold_days DESC")
                        .param(c.id())
                        .query(Integer.class)
                        .list())
                .containsExactly(180, 120, 0);

        // In-app: Vietnamese titles with the certificate number, text with product and last day, link to its page.
        LocaleContextHolder.setLocale(Locale.forLanguageTag("vi")); // as a page request in Vietnamese
        List<NotificationView> inbox;
        try {
            inbox = notifications.inbox(asUser(producerWithoutMail), 0, 10).items();
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
        assertThat(inbox).hasSize(3).allSatisfy(n -> assertThat(n.link()).isEqualTo("/certificates/" + c.number()));
        assertThat(inbox.get(0).title()).isEqualTo("Giấy chứng nhận OCOP " + c.number() + " hết hiệu lực");
        assertThat(inbox.get(0).body()).contains("Mắm cá linh Tháp Mười").contains("10/03/2029");
        assertThat(inbox.get(2).title()).isEqualTo("Giấy chứng nhận OCOP " + c.number() + " còn 180 ngày hiệu lực");

        // E-mail: one per reminder to each recipient with an address, after commit.
        List<MimeMessage> producerMails = awaitMails(producer.email(), 3);
        awaitMails(officer.email(), 3);
        assertThat(producerMails)
                .extracting(MimeMessage::getSubject)
                .containsExactlyInAnyOrder(
                        "Giấy chứng nhận OCOP " + c.number() + " còn 180 ngày hiệu lực",
                        "Nhắc lại: giấy chứng nhận OCOP " + c.number() + " còn 120 ngày hiệu lực",
                        "Giấy chứng nhận OCOP " + c.number() + " hết hiệu lực");
        String text = (String) producerMails.get(0).getContent();
        assertThat(text)
                .contains(c.number())
                .contains("Mắm cá linh Tháp Mười")
                .contains("10/03/2029")
                .contains("http://localhost:8080/certificates/" + c.number());
        assertThat(mailsTo(otherProvince.email())).isEmpty();
        assertThat(mailsTo(central.email())).isEmpty();
        assertThat(mailsTo(disabled.email())).isEmpty();

        // Audited, one entry per certificate and reminder, by the system.
        assertThat(jdbc.sql("SELECT actor, summary FROM audit_event WHERE action = 'certificate.expiry-reminded'"
                                + " AND object_id = ? ORDER BY id")
                        .param(c.number())
                        .query((rs, n) -> rs.getString(1) + ": " + rs.getString(2))
                        .list())
                .containsExactly(
                        "system: 180 days before expiry on 2029-03-10: 3 recipients",
                        "system: 120 days before expiry on 2029-03-10: 3 recipients",
                        "system: 0 days before expiry on 2029-03-10: 3 recipients");
    }

    @Test
    void aMinistryCertificateRemindsTheCentralOfficeInsteadOfTheProvince() throws Exception {
        Certificate c = issued.ministry("Yến sào thử 5 sao", LocalDate.of(2026, 5, 20));
        assertThat(c.level()).isEqualTo("CENTRAL");
        UserSummary central = account(Role.CENTRAL_OFFICE, null, true);
        UserSummary officer = account(Role.PROVINCE_OFFICER, "82", true);

        assertThat(reminders.remindDue(c.expiresOn().minusDays(180))).isEqualTo(1);

        assertThat(notificationsOf(c)).containsKey(central.id()).doesNotContainKey(officer.id());
        assertThat(awaitMails(central.email(), 1).get(0).getSubject()).contains(c.number());
        assertThat(mailsTo(officer.email())).isEmpty();
    }

    @Test
    void aCertificateFirstSeenInsideAWindowGetsOnlyTheNearestThresholdAndNothingLate() {
        // 150 days left when first seen: the 180-day reminder now, the 120-day one when reached.
        Certificate late = issued.province("Bánh pía thử nhập muộn", LocalDate.of(2026, 7, 1));
        LocalDate last = late.expiresOn();
        account(Role.PROVINCE_OFFICER, "82", false);
        assertThat(reminders.remindDue(last.minusDays(150))).isEqualTo(1);
        assertThat(reminders.remindDue(last.minusDays(149))).isZero();
        assertThat(reminders.remindDue(last.minusDays(121))).isZero();
        assertThat(reminders.remindDue(last.minusDays(120))).isEqualTo(1);
        assertThat(reminderRows(late)).containsExactly("180 sent", "120 sent");
        retire(late);

        // 100 days left when first seen: the 120-day reminder only; the 180-day one is recorded as passed, never sent.
        Certificate later = issued.province("Bánh phồng tôm thử nhập muộn", LocalDate.of(2026, 7, 2));
        last = later.expiresOn();
        assertThat(reminders.remindDue(last.minusDays(100))).isEqualTo(1);
        assertThat(reminders.remindDue(last.minusDays(99))).isZero();
        assertThat(reminderRows(later)).containsExactly("180 skipped", "120 sent");
        assertThat(jdbc.sql("SELECT summary FROM audit_event WHERE action = 'certificate.expiry-reminded'"
                                + " AND object_id = ?")
                        .param(later.number())
                        .query(String.class)
                        .single())
                .endsWith("(passed unsent: [180])");
        assertThat(reminders.remindDue(last)).isEqualTo(1);
        assertThat(reminderRows(later)).containsExactly("180 skipped", "120 sent", "0 sent");
        retire(later);

        // Marked EXPIRED before the reminder ran on its last day: the day-0 reminder is caught up the next days...
        Certificate missed = issued.province("Hạt sen thử quá hạn", LocalDate.of(2026, 7, 3));
        last = missed.expiresOn();
        assertThat(certification.expireDue(last.plusDays(1))).isEqualTo(1);
        assertThat(reminders.remindDue(last.plusDays(1))).isEqualTo(1);
        assertThat(reminderRows(missed)).containsExactly("180 skipped", "120 skipped", "0 sent");
        retire(missed);

        // ...but not more than a week after expiry.
        Certificate old = issued.province("Khô cá lóc thử quá hạn lâu", LocalDate.of(2026, 7, 4));
        last = old.expiresOn();
        assertThat(certification.expireDue(last.plusDays(1))).isEqualTo(1);
        assertThat(reminders.remindDue(last.plusDays(8))).isZero();
        assertThat(reminderRows(old)).isEmpty();
    }

    @Test
    void twoRunsAtTheSameTimeRemindEachRecipientOnce() throws Exception {
        Certificate c = issued.province("Trà sen thử chạy song song", LocalDate.of(2026, 8, 5));
        UserSummary producer = producerAccount(c, true);
        UserSummary officer = account(Role.PROVINCE_OFFICER, "82", true);
        LocalDate day = c.expiresOn().minusDays(180);

        CyclicBarrier start = new CyclicBarrier(2);
        Future<Integer> first = POOL.submit(() -> {
            start.await();
            return reminders.remindDue(day);
        });
        Future<Integer> second = POOL.submit(() -> {
            start.await();
            return reminders.remindDue(day);
        });

        assertThat(first.get(60, TimeUnit.SECONDS) + second.get(60, TimeUnit.SECONDS))
                .isEqualTo(1);
        assertThat(notificationsOf(c))
                .containsKeys(producer.id(), officer.id())
                .allSatisfy((user, count) -> assertThat(count).isEqualTo(1));
        awaitMails(producer.email(), 1);
        awaitMails(officer.email(), 1);
        Thread.sleep(1000); // time for a duplicate to arrive, if there were one
        assertThat(mailsTo(producer.email())).hasSize(1);
        assertThat(mailsTo(officer.email())).hasSize(1);
    }

    @Test
    void aRunWaitingForAnotherNodesUncommittedReminderSendsNothing() throws Exception {
        Certificate c = issued.province("Nem thử hai máy chủ", LocalDate.of(2026, 9, 9));
        UserSummary officer = account(Role.PROVINCE_OFFICER, "82", true);
        LocalDate day = c.expiresOn().minusDays(120);
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);

        // The first node has claimed the reminder and stored its notifications, but not committed yet...
        Future<Integer> first = POOL.submit(() -> tx.execute(status -> {
            int sent = reminders.remindDue(day);
            claimed.countDown();
            awaitLatch(release);
            return sent;
        }));
        assertThat(claimed.await(60, TimeUnit.SECONDS)).isTrue();
        // ...the second node's claim waits for it in PostgreSQL...
        Future<Integer> second = POOL.submit(() -> reminders.remindDue(day));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("SELECT count(*) FROM pg_stat_activity"
                                        + " WHERE datname = current_database() AND wait_event_type = 'Lock'")
                                .query(Long.class)
                                .single()
                        > 0);
        assertThat(mailsTo(officer.email())).as("nothing mailed before commit").isEmpty();
        release.countDown();

        // ...and finds it taken once the first commits.
        assertThat(first.get(60, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(second.get(60, TimeUnit.SECONDS)).isZero();
        assertThat(notificationsOf(c)).containsEntry(officer.id(), 1L);
        awaitMails(officer.email(), 1);
        Thread.sleep(1000);
        assertThat(mailsTo(officer.email())).hasSize(1);
    }

    @Test
    void aRolledBackRunSendsNoMailAndLeavesTheReminderToTheNextRun() throws Exception {
        Certificate c = issued.province("Kẹo dừa thử hoàn tác", LocalDate.of(2026, 10, 10));
        UserSummary officer = account(Role.PROVINCE_OFFICER, "82", true);
        LocalDate day = c.expiresOn().minusDays(180);

        Integer sent = new TransactionTemplate(transactionManager).execute(status -> {
            int n = reminders.remindDue(day);
            assertThat(notificationsOf(c)).containsEntry(officer.id(), 1L); // stored, inside the transaction
            status.setRollbackOnly();
            return n;
        });
        assertThat(sent).isEqualTo(1);
        assertThat(notificationsOf(c)).isEmpty();
        assertThat(reminderRows(c)).isEmpty();
        Thread.sleep(1500); // a mail sent despite the rollback would arrive by now
        assertThat(mailsTo(officer.email())).isEmpty();

        assertThat(reminders.remindDue(day)).isEqualTo(1);
        assertThat(awaitMails(officer.email(), 1).get(0).getSubject()).contains(c.number());
    }

    @Test
    void aMailFailureKeepsTheInAppNotificationAndTheMailGoesOutWhenResubmitted() throws Exception {
        Certificate c = issued.province("Rượu sen thử lỗi thư", LocalDate.of(2026, 11, 11));
        UserSummary officer = account(Role.PROVINCE_OFFICER, "82", true);
        LocalDate day = c.expiresOn().minusDays(180);

        int port = mailSender.getPort();
        mailSender.setPort(freePort()); // nothing listens there: the SMTP server is "down"
        long id;
        try {
            assertThat(reminders.remindDue(day)).isEqualTo(1);
            id = notifications.inbox(asUser(officer), 0, 1).items().get(0).id();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> publicationStatus(id).contains("FAILED"));
        } finally {
            mailSender.setPort(port);
        }
        assertThat(notifications.inbox(asUser(officer), 0, 10).items())
                .singleElement()
                .satisfies(n -> assertThat(n.title()).contains(c.number()));
        assertThat(mailedAt(id)).isNull();
        assertThat(mailsTo(officer.email())).isEmpty();

        // The retry job takes failed publications only once they are five minutes old (a listener may still be
        // running on another node before that), then sends the mail without a restart.
        // Past the give-up age (three days) it leaves them alone; a restart still takes them.
        assertThat(retries.resubmitDue(Instant.now())).isZero();
        assertThat(retries.resubmitDue(Instant.now().plus(Duration.ofDays(4)))).isZero();
        Thread.sleep(1000);
        assertThat(mailsTo(officer.email())).isEmpty();
        assertThat(publicationStatus(id)).containsExactly("FAILED");
        assertThat(retries.resubmitDue(Instant.now().plus(Duration.ofMinutes(6))))
                .isPositive();
        assertThat(awaitMails(officer.email(), 1)).hasSize(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> mailedAt(id) != null);
        await().atMost(Duration.ofSeconds(10)).until(() -> publicationStatus(id).equals(List.of("COMPLETED")));
    }

    private UserSummary account(Role role, @Nullable String jurisdiction, boolean withMail) {
        return account(role, jurisdiction, withMail, null);
    }

    private UserSummary account(Role role, @Nullable String jurisdiction, boolean withMail, @Nullable Long producerId) {
        String username = "nhac-han-" + role.name().toLowerCase().replace('_', '-') + "-" + SEQ.incrementAndGet();
        return users.create(
                new CreateUser(
                        username,
                        "Người nhận " + username,
                        withMail ? username + "@ocop.test" : null,
                        role,
                        jurisdiction,
                        PASSWORD,
                        producerId),
                TestUsers.admin());
    }

    /** A producer account of the certificate's producer, linked when the administrator creates it. */
    private UserSummary producerAccount(Certificate c, boolean withMail) {
        return account(Role.PRODUCER, null, withMail, c.producerId());
    }

    private static CurrentUser asUser(UserSummary u) {
        return new CurrentUser(u.id(), u.username(), u.displayName(), u.role(), u.jurisdictionCode(), null);
    }

    /** Notifications about the certificate, counted per user. */
    private Map<Long, Long> notificationsOf(Certificate c) {
        return jdbc
                .sql("SELECT user_id, count(*) FROM notification WHERE link = ? GROUP BY user_id")
                .param("/certificates/" + c.number())
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private List<String> reminderRows(Certificate c) {
        return jdbc.sql("SELECT threshold_days, skipped FROM certificate_reminder WHERE certificate_id = ?"
                        + " ORDER BY threshold_days DESC")
                .param(c.id())
                .query((rs, n) -> rs.getInt(1) + (rs.getBoolean(2) ? " skipped" : " sent"))
                .list();
    }

    private void retire(Certificate c) {
        jdbc.sql("UPDATE certificate SET status = 'SUPERSEDED' WHERE id = ?")
                .param(c.id())
                .update();
    }

    private List<String> publicationStatus(long notificationId) {
        return jdbc.sql(
                        "SELECT coalesce(status, '') FROM event_publication WHERE event_type LIKE '%NotificationCreated'"
                                + " AND serialized_event LIKE ?")
                .param("%\"notificationId\":" + notificationId + ",%")
                .query(String.class)
                .list();
    }

    private @Nullable Object mailedAt(long notificationId) {
        return jdbc.sql("SELECT mailed_at FROM notification WHERE id = ?")
                .param(notificationId)
                .query((rs, n) -> rs.getObject(1))
                .optional()
                .orElse(null);
    }

    private List<MimeMessage> awaitMails(@Nullable String address, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(address).size() >= count);
        return mailsTo(address);
    }

    private List<MimeMessage> mailsTo(@Nullable String address) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> recipients(m).contains(address))
                .toList();
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            Address[] to = message.getAllRecipients();
            return to == null
                    ? List.of()
                    : Arrays.stream(to).map(Address::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
