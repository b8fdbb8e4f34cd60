package vn.ocop.shared.db;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL server that the default run starts when no {@code spring.datasource.url} is
 * configured.
 *
 * @param enabled whether the embedded server may be started at all ({@code false} in the {@code prod} profile)
 * @param dataDirectory where the cluster lives; it survives restarts
 * @param binariesDirectory where the PostgreSQL binaries are unpacked
 * @param database the database the application uses inside the cluster
 * @param port TCP port on localhost; {@code 0} picks a free one
 * @param cleanOnStart wipe the cluster on the first start in this JVM (tests only)
 */
@ConfigurationProperties("ocop.embedded-db")
public record EmbeddedDatabaseProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("./data/postgres") Path dataDirectory,
        @DefaultValue("./data/pg-bin") Path binariesDirectory,
        @DefaultValue("ocop") String database,
        @DefaultValue("0") int port,
        @DefaultValue("false") boolean cleanOnStart) {}
