package vn.ocop.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** The embedded server keeps its data across restarts, even after a crash that leaves the old server behind. */
class EmbeddedPostgresServerTests {

    @TempDir
    Path directory;

    @Test
    void dataSurvivesARestartAndAnOrphanedServerIsStopped() throws Exception {
        EmbeddedDatabaseProperties properties = new EmbeddedDatabaseProperties(
                true, directory.resolve("data"), Path.of("target/test-postgres/bin"), "ocop", 0, false);
        EmbeddedPostgresServer first = EmbeddedPostgresServer.acquire(properties);
        execute(first, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('Nước mắm Phú Quốc')");
        long orphanPid = postmasterPid(properties);

        // Simulate a SIGKILLed JVM: the registry forgets the server but the postmaster keeps running.
        EmbeddedPostgresServer.forgetWithoutStopping(properties);
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).contains(true);

        EmbeddedPostgresServer second = EmbeddedPostgresServer.acquire(properties);
        try {
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false))
                    .isFalse();
            assertThat(query(second, "SELECT v FROM kept")).isEqualTo("Nước mắm Phú Quốc");
            assertThat(query(second, "SHOW fsync")).isEqualTo("on");
            assertThat(query(second, "SHOW synchronous_commit")).isEqualTo("on");
        } finally {
            second.release();
        }
    }

    @Test
    void aStalePidFileFromACrashedServerIsIgnored() throws Exception {
        EmbeddedDatabaseProperties properties = new EmbeddedDatabaseProperties(
                true, directory.resolve("data"), Path.of("target/test-postgres/bin"), "ocop", 0, false);
        EmbeddedPostgresServer first = EmbeddedPostgresServer.acquire(properties);
        execute(first, "CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)");
        first.release();
        // A pid file naming a live process that is not PostgreSQL (this JVM) must not block the start.
        Files.writeString(
                directory.resolve("data/postmaster.pid"),
                ProcessHandle.current().pid() + "\n" + directory.resolve("data") + "\n");

        EmbeddedPostgresServer second = EmbeddedPostgresServer.acquire(properties);
        try {
            assertThat(query(second, "SELECT v::text FROM kept")).isEqualTo("42");
        } finally {
            second.release();
        }
    }

    private static long postmasterPid(EmbeddedDatabaseProperties properties) throws Exception {
        return Long.parseLong(Files.readAllLines(properties.dataDirectory().resolve("postmaster.pid"))
                .get(0)
                .trim());
    }

    private static void execute(EmbeddedPostgresServer server, String sql) throws Exception {
        try (Connection connection = dataSource(server).getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String query(EmbeddedPostgresServer server, String sql) throws Exception {
        try (Connection connection = dataSource(server).getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static PGSimpleDataSource dataSource(EmbeddedPostgresServer server) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(server.jdbcUrl());
        dataSource.setUser(server.username());
        return dataSource;
    }
}
