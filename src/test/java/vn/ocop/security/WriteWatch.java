package vn.ocop.security;

import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Notices any row written to the application's tables by the calls of the security suite while it is installed: a row
 * trigger on every table of the schema appends the table's name, the operation and the writer's tag to {@code
 * matrix_write}, in the writing transaction (a write that was rolled back leaves nothing). The suite's calls run with
 * their connections tagged ({@link vn.ocop.WriteTags}, tag {@link #TAG}); other test classes run at the same time and
 * write untagged rows, which are not counted. Sessions, the event publication registry, scheduler locks and the
 * counters of rate limits (an anonymous form counts every attempt, refused ones included, in a transaction of its own:
 * {@code RateLimits#attempt}) are bookkeeping, not data, and are not watched. Installed for one test class and removed
 * after it.
 */
final class WriteWatch implements AutoCloseable {

    /** The tag of the suite's calls. */
    static final String TAG = "matrix";

    /**
     * Tables that are not the application's data. {@code rate_limit} counts every attempt of an anonymous form, the
     * refused ones included. {@code scan} is the public stamp-lookup log: every lookup is logged by design, the failed
     * ones included (unknown and malformed codes are what the signal job counts as signs of copied labels), so a
     * refused {@code GET /t/…} writes it as an access log would.
     */
    static final Set<String> UNWATCHED = Set.of(
            "spring_session",
            "spring_session_attributes",
            "shedlock",
            "flyway_schema_history",
            "rate_limit",
            "matrix_write",
            "scan");

    private final JdbcClient jdbc;

    private WriteWatch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static WriteWatch install(JdbcClient jdbc) {
        WriteWatch watch = new WriteWatch(jdbc);
        watch.remove();
        jdbc.sql("""
                CREATE TABLE matrix_write (id bigserial PRIMARY KEY, table_name text NOT NULL, operation text NOT NULL,
                                           tag text, row_id text)""").update();
        jdbc.sql("""
                CREATE FUNCTION matrix_write_log() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    tag text := nullif(current_setting('ocop.write_tag', true), '');
                BEGIN
                    IF TG_TABLE_NAME = 'event_publication' AND TG_OP = 'INSERT' THEN
                        INSERT INTO matrix_write (table_name, operation, tag, row_id)
                        VALUES (TG_TABLE_NAME, TG_OP, tag, to_jsonb(NEW) ->> 'id');
                    ELSE
                        INSERT INTO matrix_write (table_name, operation, tag) VALUES (TG_TABLE_NAME, TG_OP, tag);
                    END IF;
                    RETURN NULL;
                END $$""").update();
        for (String table : watch.tables()) {
            jdbc.sql("CREATE TRIGGER matrix_write AFTER INSERT OR UPDATE OR DELETE ON \"" + table
                            + "\" FOR EACH ROW EXECUTE FUNCTION matrix_write_log()")
                    .update();
        }
        return watch;
    }

    private List<String> tables() {
        return jdbc
                .sql("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")
                .query(String.class)
                .list()
                .stream()
                .filter(t -> !UNWATCHED.contains(t))
                .toList();
    }

    /** The position to compare with after a call. */
    long mark() {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM matrix_write")
                .query(Long.class)
                .single();
    }

    /**
     * What the suite's calls wrote since the mark, as {@code table operation ×count}, excluding the event publication
     * registry (its rows follow a business write, which is seen in its own table).
     */
    List<String> since(long mark) {
        return jdbc.sql("""
                        SELECT table_name || ' ' || operation || ' x' || count(*) FROM matrix_write
                         WHERE id > ? AND tag = ? AND table_name NOT LIKE 'event_publication%'
                         GROUP BY table_name, operation ORDER BY 1""").params(mark, TAG).query(String.class).list();
    }

    /**
     * Waits until the listeners of the events the suite's calls published since the mark are done (after commit, on
     * other threads), so that a later call finds what they write; at most ten seconds.
     */
    void awaitListeners(long mark) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            long running = jdbc.sql("""
                            SELECT count(*) FROM event_publication p
                              JOIN matrix_write w ON w.row_id = p.id::text
                             WHERE w.id > ? AND w.tag = ? AND w.table_name = 'event_publication'
                               AND p.completion_date IS NULL""").params(mark, TAG).query(Long.class).single();
            if (running == 0) {
                return;
            }
            Thread.sleep(20);
        }
    }

    private void remove() {
        for (String table : tables()) {
            jdbc.sql("DROP TRIGGER IF EXISTS matrix_write ON \"" + table + "\"").update();
        }
        jdbc.sql("DROP FUNCTION IF EXISTS matrix_write_log() CASCADE").update();
        jdbc.sql("DROP TABLE IF EXISTS matrix_write").update();
    }

    @Override
    public void close() {
        remove();
    }
}
