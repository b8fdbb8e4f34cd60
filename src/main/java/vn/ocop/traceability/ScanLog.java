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
import java.util.function.Function;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ocop.traceability.StampLookup.StampRow;

/**
 * The scan log's writer: a group commit. Requests put their scan in a queue in memory and wait; one writer thread per
 * node takes everything queued (up to {@code max-batch}), looks up the stamps of the whole batch with one statement
 * ({@link StampLookup}), lets each request decide its scan from its stamp (outcome, lot), writes the scans with one
 * INSERT and only then answers the waiting requests with their stamps and scan ids. A scan that got its id is
 * committed (synchronous commit, fsync on), so a crash (even SIGKILL) loses no acknowledged scan; scans still queued are
 * lost with their unanswered requests. Under load many scans share one lookup and one commit, so a scan costs no
 * statement and no round trip of its own; when the database is slow or down, requests wait at most
 * {@code ack-timeout}, then look their stamp up themselves and are answered without a scan id. On shutdown the queue
 * is written before the pool closes.
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

    /**
     * What a request decided once its stamp was looked up.
     *
     * @param scan what is logged
     * @param answer what the request answers with, handed back to it in {@link Logged}
     */
    record Decision<T>(Scan scan, T answer) {}

    /**
     * A scan as its request gets it back.
     *
     * @param id the scan's id in the log; {@code null} when it was not logged in time
     * @param stamp the stamp found; {@code null} when no stamp has the code
     */
    record Logged<T>(@Nullable Long id, @Nullable StampRow stamp, T answer) {}

    /** A request waiting in the queue: the code to look up (none for a scan decided beforehand) and how to decide. */
    private record Pending(
            byte @Nullable [] code,
            Function<@Nullable StampRow, ? extends Decision<?>> decide,
            CompletableFuture<Logged<?>> result) {}

    /** A request of the batch being written, with the stamp found and what it decided. */
    private record Decided(Pending pending, @Nullable StampRow stamp, Decision<?> decision) {}

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TraceabilityProperties.ScanLog settings;
    private final BlockingQueue<Pending> queue;
    private volatile boolean running;
    private @Nullable Thread writer;
    private long lastFailureLog;

    ScanLog(DataSource dataSource, TraceabilityProperties properties) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.settings = properties.scanLog();
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
    }

    /**
     * Logs a scan decided beforehand (no stamp to look up) and waits until it is committed; returns its id, or
     * {@code null} when it could not be logged in time (database slow or down, queue full, shutting down). Never throws.
     */
    @Nullable
    Long record(Scan scan) {
        CompletableFuture<Logged<?>> result = new CompletableFuture<>();
        if (!running || !queue.offer(new Pending(null, stamp -> new Decision<>(scan, scan), result))) {
            return null;
        }
        Logged<?> logged = await(result);
        return logged == null ? null : logged.id();
    }

    /**
     * Looks up the stamp of this code, decides the scan from it and logs it, waiting until it is committed. The lookup
     * and the log entry are shared with the other scans of the batch. When the scan cannot be logged in time (queue
     * full, shutting down, database slow or down), the stamp is looked up on the caller's thread and the answer has no
     * scan id; a database that is down then throws, as any query does.
     *
     * @param decide the scan to log and the answer, from the stamp found ({@code null}: no stamp has the code); it
     *     usually runs on the writer's thread and may run twice, so it must not have other effects
     */
    <T> Logged<T> lookUpAndRecord(byte[] code, Function<@Nullable StampRow, Decision<T>> decide) {
        CompletableFuture<Logged<?>> result = new CompletableFuture<>();
        if (running && queue.offer(new Pending(code.clone(), decide, result))) {
            @SuppressWarnings("unchecked")
            Logged<T> logged = (Logged<T>) await(result);
            if (logged != null) {
                return logged;
            }
        }
        StampRow stamp = jdbc.execute((Connection connection) ->
                StampLookup.find(connection, List.of(code)).get(0));
        return new Logged<>(null, stamp, decide.apply(stamp).answer());
    }

    /** The request's result once the writer has answered, or {@code null} after {@code ack-timeout} or a failure. */
    private @Nullable Logged<?> await(CompletableFuture<Logged<?>> result) {
        try {
            return result.get(settings.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
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

    /**
     * Looks up the batch's stamps, lets each request decide its scan, writes the scans with one statement (autocommit:
     * atomic, and committed durably before it returns) and answers the requests. A request whose decision failed is
     * answered with its failure; when the lookup fails, every request is; when only the insert fails, the requests get
     * their stamps without scan ids.
     */
    private void write(List<Pending> batch) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            List<byte[]> codes = new ArrayList<>();
            for (Pending pending : batch) {
                if (pending.code() != null) {
                    codes.add(pending.code());
                }
            }
            List<@Nullable StampRow> found = StampLookup.find(connection, codes);
            List<Decided> decided = new ArrayList<>(batch.size());
            int looked = 0;
            for (Pending pending : batch) {
                StampRow stamp = pending.code() == null ? null : found.get(looked++);
                try {
                    decided.add(new Decided(pending, stamp, pending.decide().apply(stamp)));
                } catch (RuntimeException e) {
                    pending.result().completeExceptionally(e);
                }
            }
            long @Nullable [] ids = null;
            try {
                ids = insert(
                        connection,
                        decided.stream().map(d -> d.decision().scan()).toList());
            } catch (SQLException | RuntimeException e) {
                failed(batch.size(), e);
            }
            for (int i = 0; i < decided.size(); i++) {
                Decided d = decided.get(i);
                d.pending()
                        .result()
                        .complete(new Logged<>(
                                ids == null ? null : ids[i],
                                d.stamp(),
                                d.decision().answer()));
            }
        } catch (SQLException | RuntimeException e) {
            for (Pending pending : batch) {
                pending.result().completeExceptionally(e);
            }
            failed(batch.size(), e);
        }
    }

    private void failed(int scans, Exception e) {
        long now = System.currentTimeMillis();
        if (now - lastFailureLog > 60_000) {
            lastFailureLog = now;
            log.warn("Writing {} scans to the scan log failed; they are answered without a scan id", scans, e);
        }
    }

    /**
     * Inserts the scans with one statement and returns their ids in the batch's order: each input row draws its id
     * from the sequence in a CTE that keeps its ordinal, so the request that waits for scan {@code i} gets id
     * {@code i}. The statement has no parameter but arrays, so PostgreSQL plans it once per connection (a generic
     * plan) instead of at every batch.
     */
    private static long[] insert(Connection connection, List<Scan> batch) throws SQLException {
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
            Scan s = batch.get(i);
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
                WITH input AS MATERIALIZED (
                         SELECT nextval('scan_id_seq') AS id, u.*
                           FROM unnest(?::timestamptz[], ?::text[], ?::bigint[], ?::int[], ?::text[], ?::text[],
                                       ?::text[], ?::text[], ?::numeric[], ?::numeric[], ?::text[])
                                WITH ORDINALITY AS u(t, c, l, b, o, ch, f, p, la, lo, inp, ord)),
                     stored AS (
                         INSERT INTO scan (id, scanned_at, code, lot_id, batch_id, outcome, channel, ua_family,
                                           province_code, lat, lon, input)
                         SELECT id, t, decode(c, 'hex'), l, b, o, ch, f, p, la, lo, inp FROM input)
                SELECT id FROM input ORDER BY ord""")) {
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
                statement.setArray(i + 1, arrays[i]);
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
