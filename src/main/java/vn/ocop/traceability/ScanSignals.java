package vn.ocop.traceability;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ocop.identity.Role;
import vn.ocop.identity.UserAccounts;
import vn.ocop.notification.NotificationMessage;
import vn.ocop.notification.Notifications;
import vn.ocop.traceability.TraceabilityEvents.SignalRaised;

/**
 * The job that reads the scan log into statistics and signals, every minute on one node (ShedLock). Each run reads the
 * scans after the watermark that are older than {@code signals.lag} (every writer has committed them, and browsers
 * have had time to add their location), at most {@value #WINDOW} per transaction, and in that transaction:
 *
 * <ol>
 *   <li>adds them to the per-stamp, per-lot and per-day counts ({@code stamp_scan_stats}, {@code lot_scan_stats},
 *       {@code scan_daily});
 *   <li>raises or updates the signals ({@link SignalKind}), one per kind and subject;
 *   <li>moves the watermark.
 * </ol>
 *
 * The watermark row is locked first, so a second run (another node, a lock that expired) waits and then starts where
 * this one stopped: every scan is counted once, whichever node counts it, and nodes agree because everything is
 * computed from the database. New signals are audited and told to the province's officers (the central office for
 * signals with no province) in the same transaction. Bots' scans are not counted.
 */
@Component
class ScanSignals {

    static final int WINDOW = 200_000;
    private static final Logger log = LoggerFactory.getLogger(ScanSignals.class);
    private static final String WINDOW_SCANS = " FROM scan WHERE id > ? AND id <= ? AND ua_family <> 'Bot'";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final TraceabilityProperties.Signals settings;
    private final UserAccounts users;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ScanSignals(
            JdbcClient jdbc,
            PlatformTransactionManager transactionManager,
            TraceabilityProperties properties,
            UserAccounts users,
            Notifications notifications,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.settings = properties.signals();
        this.users = users;
        this.notifications = notifications;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    @SchedulerLock(name = "traceability-signals", lockAtMostFor = "PT10M")
    void run() {
        try {
            int raised = catchUp();
            if (raised > 0) {
                log.info("{} new traceability signals", raised);
            }
        } catch (RuntimeException e) {
            log.error("Reading the scan log into signals failed; the next run tries again", e);
        }
    }

    /** Reads every scan old enough; returns how many new signals were raised. Safe to run concurrently. */
    int catchUp() {
        int raised = 0;
        while (true) {
            Integer result = transactions.execute(tx -> step());
            if (result == null || result < 0) {
                return raised;
            }
            raised += result;
        }
    }

    /** One window in one transaction: the number of new signals, or -1 when there was nothing to read. */
    private int step() {
        long last = jdbc.sql("SELECT last_id FROM trace_watermark WHERE name = 'signals' FOR UPDATE")
                .query(Long.class)
                .single();
        Instant cutoff = Instant.now(clock).minus(settings.lag());
        long upper = jdbc.sql("SELECT coalesce(max(id), ?) FROM scan WHERE id > ? AND id <= ? AND recorded_at < ?")
                .params(last, last, last + WINDOW, Timestamp.from(cutoff))
                .query(Long.class)
                .single();
        if (upper <= last) {
            return -1;
        }
        List<String> touchedStamps = countStamps(last, upper);
        countLots(last, upper);
        countDays(last, upper);
        List<Raised> raised = new ArrayList<>();
        raised.addAll(stampSignals(touchedStamps));
        raised.addAll(lotSignals(last, upper));
        raised.addAll(unknownCodes(last, upper));
        raised.addAll(malformedCodes(last, upper));
        jdbc.sql("UPDATE trace_watermark SET last_id = ? WHERE name = 'signals'")
                .param(upper)
                .update();
        announce(raised);
        return raised.size();
    }

    /** Per-stamp counts of the window's scans of known stamps; returns the stamps touched (hex). */
    private List<String> countStamps(long last, long upper) {
        return jdbc.sql("""
                        INSERT INTO stamp_scan_stats AS s (code, lot_id, scans, first_at, last_at, provinces)
                        SELECT code, min(lot_id), count(*), min(scanned_at), max(scanned_at),
                               coalesce(array_agg(DISTINCT province_code) FILTER (WHERE province_code IS NOT NULL), '{}')
                        """ + WINDOW_SCANS + """
                           AND batch_id IS NOT NULL
                         GROUP BY code
                        ON CONFLICT (code) DO UPDATE
                           SET scans = s.scans + EXCLUDED.scans,
                               first_at = least(s.first_at, EXCLUDED.first_at),
                               last_at = greatest(s.last_at, EXCLUDED.last_at),
                               provinces = ARRAY(SELECT DISTINCT p FROM unnest(s.provinces || EXCLUDED.provinces) AS p
                                                  ORDER BY p)
                        RETURNING encode(code, 'hex')""")
                .params(last, upper)
                .query(String.class)
                .list();
    }

    private void countLots(long last, long upper) {
        jdbc.sql("""
                        INSERT INTO lot_scan_stats AS s (lot_id, scans, stamps, last_at)
                        SELECT lot_id, count(*), 0, max(scanned_at)""" + WINDOW_SCANS + """
                           AND batch_id IS NOT NULL
                         GROUP BY lot_id
                        ON CONFLICT (lot_id) DO UPDATE
                           SET scans = s.scans + EXCLUDED.scans, last_at = greatest(s.last_at, EXCLUDED.last_at)""").params(last, upper).update();
        jdbc.sql("""
                        UPDATE lot_scan_stats s SET stamps = (SELECT count(*) FROM stamp_scan_stats t
                                                               WHERE t.lot_id = s.lot_id)
                         WHERE s.lot_id IN (SELECT DISTINCT lot_id""" + WINDOW_SCANS + " AND batch_id IS NOT NULL)")
                .params(last, upper)
                .update();
    }

    private void countDays(long last, long upper) {
        jdbc.sql("""
                        INSERT INTO scan_daily AS d (day, lot_id, scanner_province, outcome, scans)
                        SELECT (scanned_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, coalesce(lot_id, 0),
                               coalesce(province_code, ''), outcome, count(*)""" + WINDOW_SCANS + """
                         GROUP BY 1, 2, 3, 4
                        ON CONFLICT (day, lot_id, scanner_province, outcome) DO UPDATE
                           SET scans = d.scans + EXCLUDED.scans""").params(last, upper).update();
    }

    /** Copied labels: a stamp scanned far above its lot's usual rate, or from many provinces. */
    private List<Raised> stampSignals(List<String> touched) {
        if (touched.isEmpty()) {
            return List.of();
        }
        String[] codes = touched.toArray(String[]::new);
        List<Raised> raised = new ArrayList<>();
        // The usual rate is the lot's other scanned stamps' average, at least one scan per stamp.
        raised.addAll(
                upsertAbsolute(SignalKind.HIGH_SCAN_RATE, """
                  FROM stamp_scan_stats s JOIN lot l ON l.id = s.lot_id JOIN lot_scan_stats ls ON ls.lot_id = s.lot_id
                 WHERE s.code = ANY(SELECT decode(c, 'hex') FROM unnest(?::text[]) AS c)
                   AND s.scans >= ?
                   AND s.scans >= ? * greatest((ls.scans - s.scans)::numeric / greatest(ls.stamps - 1, 1), 1)""", codes, settings.minScans(), settings.rateFactor()));
        raised.addAll(upsertAbsolute(SignalKind.MANY_PROVINCES, """
                  FROM stamp_scan_stats s JOIN lot l ON l.id = s.lot_id
                 WHERE s.code = ANY(SELECT decode(c, 'hex') FROM unnest(?::text[]) AS c)
                   AND cardinality(s.provinces) >= ?""", codes, settings.provinces()));
        return raised;
    }

    private List<Raised> upsertAbsolute(SignalKind kind, String from, Object... params) {
        List<Object> all = new ArrayList<>();
        all.add(kind.name());
        all.addAll(List.of(params));
        return jdbc.sql("""
                        INSERT INTO trace_signal AS g (kind, subject, lot_id, product_id, producer_id, commune_code,
                                                      province_code, scans, provinces, first_seen, last_seen)
                        SELECT ?, encode(s.code, 'hex'), l.id, l.product_id, l.producer_id, l.commune_code,
                               l.province_code, s.scans, cardinality(s.provinces), s.first_at, s.last_at
                        """ + from + "\n" + """
                        ON CONFLICT (kind, subject) DO UPDATE
                           SET scans = EXCLUDED.scans, provinces = EXCLUDED.provinces, last_seen = EXCLUDED.last_seen
                        RETURNING id, kind, province_code, commune_code, (xmax = 0) AS inserted""").params(all).query(ScanSignals::raised).list().stream()
                .filter(r -> r != null)
                .toList();
    }

    /** Stamps of lots or batches that should not be on sale, or of products no longer certified. */
    private List<Raised> lotSignals(long last, long upper) {
        List<Raised> raised = new ArrayList<>();
        raised.addAll(upsertCounted(
                SignalKind.INVALID_CERTIFICATE,
                "'lot:' || s.lot_id",
                "outcome IN ('CERT_SUSPENDED', 'CERT_REVOKED', 'CERT_EXPIRED', 'NO_CERTIFICATE')",
                last,
                upper));
        raised.addAll(upsertCounted(
                SignalKind.RECALLED_IN_CIRCULATION, "'lot:' || s.lot_id", "outcome = 'RECALLED'", last, upper));
        raised.addAll(upsertCounted(
                SignalKind.INACTIVE_STAMP, "'batch:' || s.batch_id", "outcome = 'INACTIVE'", last, upper));
        raised.addAll(upsertCounted(
                SignalKind.PAST_BEST_BEFORE,
                "'lot:' || s.lot_id",
                "batch_id IS NOT NULL AND (scanned_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date"
                        + " > (SELECT best_before FROM lot WHERE id = lot_id)",
                last,
                upper));
        // Serials asked of the resolver for a known lot that no stamp of the lot has: a copied label pattern.
        raised.addAll(upsertCounted(
                SignalKind.UNKNOWN_CODE,
                "'lot:' || s.lot_id",
                "outcome = 'UNKNOWN' AND lot_id IS NOT NULL",
                last,
                upper));
        return raised;
    }

    /**
     * A signal per lot (or per batch, when {@code subject} names the batch), counting the window's matching scans onto
     * the signal's total.
     */
    private List<Raised> upsertCounted(SignalKind kind, String subject, String condition, long last, long upper) {
        String group = subject.contains("batch_id") ? "lot_id, batch_id" : "lot_id";
        return jdbc.sql("INSERT INTO trace_signal AS g (kind, subject, lot_id, product_id, producer_id, commune_code,"
                        + " province_code, scans, first_seen, last_seen)"
                        + " SELECT ?, " + subject + ", s.lot_id, l.product_id, l.producer_id, l.commune_code,"
                        + " l.province_code, s.n, s.first_at, s.last_at"
                        + " FROM (SELECT " + group + ", count(*) AS n, min(scanned_at) AS first_at,"
                        + " max(scanned_at) AS last_at"
                        + WINDOW_SCANS + " AND " + condition + " GROUP BY " + group + ") s"
                        + " JOIN lot l ON l.id = s.lot_id"
                        + " ON CONFLICT (kind, subject) DO UPDATE SET scans = g.scans + EXCLUDED.scans,"
                        + " last_seen = greatest(g.last_seen, EXCLUDED.last_seen)"
                        + " RETURNING id, kind, province_code, commune_code, (xmax = 0) AS inserted")
                .params(kind.name(), last, upper)
                .query(ScanSignals::raised)
                .list();
    }

    /** Unknown codes with no lot known (scan page, API): one nationwide signal per day. */
    private List<Raised> unknownCodes(long last, long upper) {
        return jdbc.sql("""
                        INSERT INTO trace_signal AS g (kind, subject, scans, first_seen, last_seen)
                        SELECT 'UNKNOWN_CODE', 'day:' || (scanned_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, count(*),
                               min(scanned_at), max(scanned_at)""" + WINDOW_SCANS + """
                           AND outcome = 'UNKNOWN' AND lot_id IS NULL
                         GROUP BY 2
                        ON CONFLICT (kind, subject) DO UPDATE
                           SET scans = g.scans + EXCLUDED.scans, last_seen = greatest(g.last_seen, EXCLUDED.last_seen)
                        RETURNING id, kind, province_code, commune_code, (xmax = 0) AS inserted""")
                .params(last, upper)
                .query(ScanSignals::raised)
                .list();
    }

    /** Many inputs that are not codes in one day: raised once the day's count reaches the threshold. */
    private List<Raised> malformedCodes(long last, long upper) {
        return jdbc.sql("""
                        INSERT INTO trace_signal AS g (kind, subject, scans, first_seen, last_seen)
                        SELECT 'MALFORMED_CODES', 'day:' || d.day, d.n, w.first_at, w.last_at
                          FROM (SELECT (scanned_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS day, min(scanned_at) AS first_at,
                                       max(scanned_at) AS last_at""" + WINDOW_SCANS + """
                                   AND outcome = 'MALFORMED' GROUP BY 1) w
                          JOIN (SELECT day, sum(scans) AS n FROM scan_daily WHERE outcome = 'MALFORMED' GROUP BY day) d
                            ON d.day = w.day
                         WHERE d.n >= ?
                        ON CONFLICT (kind, subject) DO UPDATE
                           SET scans = EXCLUDED.scans, last_seen = greatest(g.last_seen, EXCLUDED.last_seen)
                        RETURNING id, kind, province_code, commune_code, (xmax = 0) AS inserted""")
                .params(last, upper, settings.malformedPerDay())
                .query(ScanSignals::raised)
                .list();
    }

    /** A signal this run touched; {@code fresh} when this run created it. */
    private record Raised(
            long id,
            SignalKind kind,
            @Nullable String provinceCode,
            @Nullable String communeCode,
            boolean fresh) {}

    private static Raised raised(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Raised(
                rs.getLong("id"),
                SignalKind.valueOf(rs.getString("kind")),
                rs.getString("province_code"),
                rs.getString("commune_code"),
                rs.getBoolean("inserted"));
    }

    /** Audits each new signal and tells each officer once per run how many new signals wait in their province. */
    private void announce(List<Raised> touched) {
        Map<String, List<Raised>> byProvince = new LinkedHashMap<>();
        for (Raised r : touched) {
            if (!r.fresh()) {
                continue;
            }
            events.publishEvent(
                    new SignalRaised(r.id(), r.kind(), r.communeCode(), r.kind().name()));
            byProvince
                    .computeIfAbsent(r.provinceCode() == null ? "" : r.provinceCode(), p -> new ArrayList<>())
                    .add(r);
        }
        for (Map.Entry<String, List<Raised>> entry : byProvince.entrySet()) {
            Set<Long> recipients = new LinkedHashSet<>();
            (entry.getKey().isEmpty()
                            ? users.withRole(Role.CENTRAL_OFFICE, null)
                            : users.withRole(Role.PROVINCE_OFFICER, entry.getKey()))
                    .forEach(u -> recipients.add(u.id()));
            notifications.send(
                    recipients,
                    new NotificationMessage(
                            "trace.notify.signals.title",
                            "trace.notify.signals.body",
                            List.of(Integer.toString(entry.getValue().size())),
                            "/traceability/signals?status=OPEN"));
        }
    }
}
