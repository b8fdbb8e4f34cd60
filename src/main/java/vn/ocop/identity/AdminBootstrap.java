package vn.ocop.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.ocop.identity.IdentityEvents.UserCreated;

/**
 * Creates the first system administrator, {@code admin}, on the first start: with the password from
 * {@code OCOP_ADMIN_PASSWORD}, or a generated one printed once. Safe with several nodes starting together: the insert
 * is conditional, and only the node that inserted prints.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    static final String ADMIN = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final IdentityProperties properties;
    private final ApplicationEventPublisher events;
    private final Environment environment;
    private final Clock clock;

    AdminBootstrap(
            JdbcClient jdbc,
            PasswordEncoder passwordEncoder,
            IdentityProperties properties,
            ApplicationEventPublisher events,
            Environment environment,
            Clock clock) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.properties = properties;
        this.events = events;
        this.environment = environment;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        String configured = properties.adminPassword();
        boolean generated = configured == null || configured.isBlank();
        String password = generated ? generatePassword() : configured;
        Long id = jdbc.sql("""
                        INSERT INTO app_user (username, password_hash, display_name, role, password_changed_at, created_at)
                        VALUES (:username, :hash, :name, 'SYSTEM_ADMIN', :now, :now)
                        ON CONFLICT (username) DO NOTHING
                        RETURNING id""")
                .param("username", ADMIN)
                .param("hash", Objects.requireNonNull(passwordEncoder.encode(password)))
                .param("name", "Quản trị hệ thống")
                .param("now", java.sql.Timestamp.from(Instant.now(clock)))
                .query(Long.class)
                .optional()
                .orElse(null);
        String url = "http://localhost:" + environment.getProperty("local.server.port", "8080") + "/login";
        if (id == null) {
            log.info("OCOP Platform ready: log in at {} (administrator account: {})", url, ADMIN);
            return;
        }
        events.publishEvent(new UserCreated(id, ADMIN, Role.SYSTEM_ADMIN, null));
        String secret = generated ? password : "(the value of OCOP_ADMIN_PASSWORD)";
        // Printed on the console on purpose, once: this is how the operator learns the first password.
        System.out.printf(
                "%n========================================================================%n"
                        + " OCOP Platform: first administrator created%n"
                        + "   Login page : %s%n"
                        + "   Username   : %s%n"
                        + "   Password   : %s%n"
                        + " Change it after the first login. It is not shown again.%n"
                        + "========================================================================%n%n",
                url, ADMIN, secret);
        log.warn("First administrator '{}' created; the password was printed on the console", ADMIN);
    }

    private static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
