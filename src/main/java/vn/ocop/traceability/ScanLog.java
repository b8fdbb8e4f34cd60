package vn.ocop.traceability;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The scan log's writer: a group commit. Requests put their scan in a queue in memory and wait; one writer thread per
 * node takes everything queued (up to {@code max-batch}), writes it with one INSERT in one transaction and only then
 * answers the waiting requests with their scan ids. A scan that got its id is committed (synchronous commit, fsync on),
 * so a crash (even SIGKILL) loses no acknowledged scan; scans still queued are lost with their unanswered requests.
 * Under load many scans share one commit, so logging costs a scan a few milliseconds of waiting and almost no CPU;
 * when the database is slow or down, requests wait at most {@code ack-timeout} and are answered without a scan id.
 * On shutdown the queue is written before the pool closes.
 */
@Component
class ScanLog implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ScanLog.class);

    /** One scan as logged. {@code code} is the stamp's code when the input was a well-formed code. */
    record Scan(
            Instant at,
            byte @Nullable [] code,
            @Nullable Long lotId,
            @Nullable Integer batchId,
            ScanOutcome outcome,
            String channel,
            String userAgentFamily,
            @Nullable Coordinates location,
            @Nullable String input) {}

    private record Pending(Scan scan, CompletableFuture<Long> id) {}

    private final DataSource dataSource;
    private final TraceabilityProperties.ScanLog settings;
    private final BlockingQueue<Pending> queue;
    private volatile boolean running;
    private @Nullable Thread writer;
    private long lastFailureLog;

    ScanLog(DataSource dataSource, TraceabilityProperties properties) {
        this.dataSource = dataSource;
        this.settings = properties.scanLog();
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
    }

    /**
     * Logs a scan and waits until it is committed; returns its id, or {@code null} when it could not be logged in
     * time (database slow or down, queue full, shutting down). Never throws.
     */
    @Nullable
    Long record(Scan scan) {
        CompletableFuture<Long> id = new CompletableFuture<>();
        if (!running || !queue.offer(new Pending(scan, id))) {
            return null;
        }
        try {
            return id.get(settings.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    @Override
    public void start() {
        running = true;
        Thread thread = new Thread(this::loop, "scan-log-writer");
        thread.setDaemon(true);
        writer = thread;
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = writer;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flushRemaining();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server has finished its requests (phases above this one stop first), before the pool closes. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 4096;
    }

    private void loop() {
        List<Pending> batch = new ArrayList<>();
        while (running) {
            try {
                Pending first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, settings.maxBatch() - 1);
                write(batch);
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            } finally {
                batch.clear();
            }
        }
    }

    private void flushRemaining() {
        List<Pending> batch = new ArrayList<>();
        while (queue.drainTo(batch, settings.maxBatch()) > 0) {
            write(batch);
            batch.clear();
        }
    }

    /** Writes scans in one transaction and answers their requests. */
    private void write(List<Pending> batch) {
        int n = batch.size();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                long[] ids = insert(connection, batch);
                connection.commit();
                for (int i = 0; i < n; i++) {
                    batch.get(i).id().complete(ids[i]);
                }
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            for (Pending pending : batch) {
                pending.id().completeExceptionally(e);
            }
            long now = System.currentTimeMillis();
            if (now - lastFailureLog > 60_000) {
                lastFailureLog = now;
                log.warn("Writing {} scans to the scan log failed; they are answered without a scan id", n, e);
            }
        }
    }

    /**
     * Inserts the scans with one statement and returns their ids in the batch's order: the ids are drawn from the
     * sequence in a CTE numbered like the batch, so the request that waits for scan {@code i} gets id {@code i}.
     */
    private static long[] insert(Connection connection, List<Pending> batch) throws SQLException {
        int n = batch.size();
        Timestamp[] at = new Timestamp[n];
        String[] code = new String[n];
        Long[] lot = new Long[n];
        Integer[] batchId = new Integer[n];
        String[] outcome = new String[n];
        String[] channel = new String[n];
        String[] family = new String[n];
        String[] province = new String[n];
        Double[] lat = new Double[n];
        Double[] lon = new Double[n];
        String[] input = new String[n];
        HexFormat hex = HexFormat.of();
        for (int i = 0; i < n; i++) {
            Scan s = batch.get(i).scan();
            at[i] = Timestamp.from(s.at());
            code[i] = s.code() == null ? null : hex.formatHex(s.code());
            lot[i] = s.lotId();
            batchId[i] = s.batchId();
            outcome[i] = s.outcome().name();
            channel[i] = s.channel();
            family[i] = s.userAgentFamily();
            province[i] = s.location() == null ? null : s.location().provinceCode();
            lat[i] = s.location() == null ? null : s.location().latitude();
            lon[i] = s.location() == null ? null : s.location().longitude();
            input[i] = s.input();
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                WITH ids AS MATERIALIZED (
                         SELECT nextval('scan_id_seq') AS id, ord FROM generate_series(1, ?) AS ord),
                     stored AS (
                         INSERT INTO scan (id, scanned_at, code, lot_id, batch_id, outcome, channel, ua_family,
                                           province_code, lat, lon, input)
                         SELECT ids.id, t, decode(c, 'hex'), l, b, o, ch, f, p, la, lo, inp
                           FROM unnest(?::timestamptz[], ?::text[], ?::bigint[], ?::int[], ?::text[], ?::text[],
                                       ?::text[], ?::text[], ?::numeric[], ?::numeric[], ?::text[])
                                WITH ORDINALITY AS u(t, c, l, b, o, ch, f, p, la, lo, inp, ord)
                           JOIN ids ON ids.ord = u.ord)
                SELECT id FROM ids ORDER BY ord""")) {
            statement.setInt(1, n);
            Array[] arrays = {
                connection.createArrayOf("timestamptz", at),
                connection.createArrayOf("text", code),
                connection.createArrayOf("bigint", lot),
                connection.createArrayOf("int", batchId),
                connection.createArrayOf("text", outcome),
                connection.createArrayOf("text", channel),
                connection.createArrayOf("text", family),
                connection.createArrayOf("text", province),
                connection.createArrayOf("float8", lat),
                connection.createArrayOf("float8", lon),
                connection.createArrayOf("text", input)
            };
            for (int i = 0; i < arrays.length; i++) {
                statement.setArray(i + 2, arrays[i]);
            }
            long[] ids = new long[n];
            try (ResultSet rs = statement.executeQuery()) {
                for (int i = 0; i < n && rs.next(); i++) {
                    ids[i] = rs.getLong(1);
                }
            }
            return ids;
        }
    }
}
