package vn.ocop.shared.abuse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.ocop.shared.CommonError;
import vn.ocop.shared.OcopException;

/**
 * Counts hits per key in fixed windows in PostgreSQL ({@code rate_limit}), so that a limit holds across every app
 * node and across restarts. A key is stored only as the SHA-256 of the limit's name and the value (a client address,
 * an e-mail address), never in clear.
 *
 * <p>{@link #hit} counts in the caller's transaction: called after a submission's checks, inside the transaction that
 * stores it, it counts only what was accepted (a refused or failed submission rolls its hit back). {@link
 * #attempt} counts in a transaction of its own, so that it counts even when the rest fails: for limits on attempts.
 */
@Component
public class RateLimits {

    /**
     * At most {@code hits} per {@code window} for one key.
     *
     * @param name short name of what is limited ({@code inquiry-ip}), part of the stored key
     */
    public record Limit(String name, int hits, Duration window) {
        public Limit {
            if (hits < 1 || window.toSeconds() < 60 || name.isBlank() || name.length() > 40) {
                throw new IllegalArgumentException("a limit allows at least one hit per minute or more: " + name);
            }
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    RateLimits(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Counts one hit for {@code key} under {@code limit} in the current transaction; {@code COMMON-015} (429) when the
     * limit is already reached, with how many minutes are left in the window.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void hit(Limit limit, String key) {
        count(limit, key);
    }

    /** As {@link #hit}, committed at once in its own transaction. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void attempt(Limit limit, String key) {
        count(limit, key);
    }

    private void count(Limit limit, String key) {
        long seconds = limit.window().toSeconds();
        Instant now = Instant.now(clock);
        Instant start = Instant.ofEpochSecond(now.getEpochSecond() / seconds * seconds);
        int hits = jdbc.sql("""
                        INSERT INTO rate_limit (bucket, window_start, hits) VALUES (?, ?, 1)
                        ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit.hits + 1
                        RETURNING hits""")
                .params(bucket(limit, key), Timestamp.from(start))
                .query(Integer.class)
                .single();
        if (hits > limit.hits()) {
            long left = Duration.between(now, start.plusSeconds(seconds)).toMinutes() + 1;
            throw new OcopException(CommonError.RATE_LIMITED, limit.hits(), seconds / 60, left);
        }
    }

    /** Windows ended more than a day ago are of no use: removed every hour, on one node. */
    @Scheduled(cron = "0 17 * * * *")
    @SchedulerLock(name = "rate-limit-cleanup", lockAtLeastFor = "PT1M")
    @Transactional
    public void removeOldWindows() {
        jdbc.sql("DELETE FROM rate_limit WHERE window_start < ?")
                .param(Timestamp.from(Instant.now(clock).minus(Duration.ofDays(2))))
                .update();
    }

    static String bucket(Limit limit, String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((limit.name() + "\n" + key.strip().toLowerCase(Locale.ROOT))
                            .getBytes(StandardCharsets.UTF_8));
            return limit.name() + ":" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
