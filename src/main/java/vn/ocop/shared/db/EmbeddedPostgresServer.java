package vn.ocop.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * A real PostgreSQL server run from the zonky binaries, with its cluster in a directory that survives restarts.
 *
 * <p>One server per data directory and JVM: several Spring contexts (as the test framework creates) share it, and
 * the last one to release it stops the server. Durability settings are those of a normal server (zonky's defaults
 * switch fsync and synchronous commit off, which would lose data on a crash). A postmaster left behind by a killed
 * JVM is shut down cleanly before the new one starts.
 */
final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Map<Path, EmbeddedPostgresServer> RUNNING = new HashMap<>();

    private final Path dataDirectory;
    private final EmbeddedPostgres postgres;
    private final String database;
    private int references;

    private EmbeddedPostgresServer(Path dataDirectory, EmbeddedPostgres postgres, String database) {
        this.dataDirectory = dataDirectory;
        this.postgres = postgres;
        this.database = database;
    }

    /** Starts the server for these settings, or joins the one this JVM already runs on the same directory. */
    static synchronized EmbeddedPostgresServer acquire(EmbeddedDatabaseProperties properties) {
        Path dataDirectory = properties.dataDirectory().toAbsolutePath().normalize();
        EmbeddedPostgresServer server = RUNNING.get(dataDirectory);
        if (server == null) {
            server = start(dataDirectory, properties);
            RUNNING.put(dataDirectory, server);
        } else {
            try {
                createDatabaseIfMissing(server.postgres, properties.database());
            } catch (SQLException e) {
                throw new IllegalStateException("Could not create database " + properties.database(), e);
            }
        }
        server.references++;
        return server;
    }

    /** Releases one reference; the last release stops the server (a fast, clean shutdown). */
    void release() {
        synchronized (EmbeddedPostgresServer.class) {
            if (--references > 0) {
                return;
            }
            RUNNING.remove(dataDirectory);
        }
        try {
            postgres.close();
            log.info("Embedded PostgreSQL stopped ({})", dataDirectory);
        } catch (IOException | RuntimeException e) {
            // The server may already be down, e.g. when Ctrl-C reached its process group first.
            log.debug("Embedded PostgreSQL was already stopping", e);
        }
    }

    /**
     * Test hook: drops the server from the registry without stopping it and releases zonky's file lock, which is what
     * a killed JVM leaves behind (the operating system releases the locks of a dead process).
     */
    static synchronized void forgetWithoutStopping(EmbeddedDatabaseProperties properties) throws Exception {
        EmbeddedPostgresServer server =
                RUNNING.remove(properties.dataDirectory().toAbsolutePath().normalize());
        if (server != null) {
            java.lang.reflect.Field lock = EmbeddedPostgres.class.getDeclaredField("lock");
            lock.setAccessible(true);
            ((java.nio.channels.FileLock) lock.get(server.postgres)).release();
        }
    }

    /** The JDBC URL of a database of this cluster (several contexts may use different databases). */
    String jdbcUrl(String databaseName) {
        return "jdbc:postgresql://localhost:%d/%s".formatted(postgres.getPort(), databaseName);
    }

    String jdbcUrl() {
        return jdbcUrl(database);
    }

    String username() {
        return "postgres";
    }

    private static EmbeddedPostgresServer start(Path dataDirectory, EmbeddedDatabaseProperties properties) {
        try {
            Files.createDirectories(dataDirectory.getParent());
            Path binaries = properties.binariesDirectory().toAbsolutePath().normalize();
            Files.createDirectories(binaries);
            if (properties.cleanOnStart()) {
                FileSystemUtils.deleteRecursively(dataDirectory);
            } else {
                stopOrphanedPostmaster(dataDirectory);
            }
            long started = System.nanoTime();
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    // Never "clean": zonky would then also delete the cluster when the server stops. An empty
                    // directory is initialised (initdb) all the same.
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setPgBinaryResolver(PostgresBinaries.forThisMachine())
                    .setRegisterShutdownHook(false)
                    .setPort(properties.port())
                    .setLocaleConfig("locale", "C")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "200")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            createDatabaseIfMissing(postgres, properties.database());
            log.info(
                    "Embedded PostgreSQL {} ready on port {} in {} ms (data: {})",
                    serverVersion(postgres),
                    postgres.getPort(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                    dataDirectory);
            return new EmbeddedPostgresServer(dataDirectory, postgres, properties.database());
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /**
     * After a SIGKILL of the JVM, its postmaster keeps running (or leaves a stale {@code postmaster.pid}). A live one is
     * asked for a fast shutdown (SIGINT) and awaited; a stale pid file is removed so PostgreSQL does not confuse a reused
     * PID with a running server. PostgreSQL's own crash recovery then replays the WAL on start.
     */
    static void stopOrphanedPostmaster(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> postmaster = readPid(pidFile)
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> isPostgres(p.info().command().orElse("")));
        if (postmaster.isEmpty()) {
            log.warn("Removing stale {} left by a crashed server", pidFile);
            Files.deleteIfExists(pidFile);
            return;
        }
        ProcessHandle process = postmaster.get();
        log.warn("Stopping orphaned PostgreSQL (pid {}) left running on {}", process.pid(), dataDirectory);
        if (System.getProperty("os.name", "").startsWith("Windows")) {
            // No signals there: the process is terminated and PostgreSQL's crash recovery replays the WAL on start.
            process.destroyForcibly();
        } else {
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid()))
                    .inheritIO()
                    .start();
        }
        try {
            process.onExit().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("Orphaned PostgreSQL (pid " + process.pid() + ") did not stop", e);
        }
    }

    /** The postmaster's executable: {@code postgres}, or {@code postgres.exe} on Windows. */
    static boolean isPostgres(String command) {
        String name = Path.of(command.isEmpty() ? "-" : command).getFileName().toString();
        return name.equals("postgres") || name.equalsIgnoreCase("postgres.exe");
    }

    private static Optional<Long> readPid(Path pidFile) throws IOException {
        String firstLine = Files.readAllLines(pidFile, StandardCharsets.US_ASCII).stream()
                .findFirst()
                .orElse("")
                .trim();
        try {
            return Optional.of(Long.parseLong(firstLine));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres, String database) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            try (PreparedStatement exists =
                    connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, database);
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE \"" + database.replace("\"", "") + "\" ENCODING 'UTF8'");
            }
        }
    }

    private static String serverVersion(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
