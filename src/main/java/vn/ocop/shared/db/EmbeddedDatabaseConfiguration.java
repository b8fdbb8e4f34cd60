package vn.ocop.shared.db;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded PostgreSQL when no external database is configured ({@code SPRING_DATASOURCE_URL} unset), so
 * that {@code ./mvnw spring-boot:run} needs nothing installed. With an external URL this configuration is skipped
 * entirely and Spring Boot's own data source is used.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "ocop.embedded-db.enabled", matchIfMissing = true)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "release")
    EmbeddedPostgresServer embeddedPostgresServer(EmbeddedDatabaseProperties properties) {
        return EmbeddedPostgresServer.acquire(properties);
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgresServer server, EmbeddedDatabaseProperties properties) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl(properties.database()));
        dataSource.setUsername(server.username());
        dataSource.setPoolName("ocop-embedded");
        return dataSource;
    }

    static class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
