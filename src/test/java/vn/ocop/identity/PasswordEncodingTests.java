package vn.ocop.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

/**
 * The password hashes the application's own configuration makes: bcrypt at cost 10 unless an operator sets another,
 * and every hash already stored still checks whatever the cost now configured (the tests run at cost 4).
 */
class PasswordEncodingTests {

    private static IdentityProperties shipped() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);
        return Binder.get(environment).bindOrCreate("ocop.identity", IdentityProperties.class);
    }

    private static PasswordEncoder encoder(int strength) {
        return new SecurityConfiguration()
                .passwordEncoder(new IdentityProperties(
                        new IdentityProperties.Lockout(5, Duration.ofMinutes(15)),
                        new IdentityProperties.ApiTokenSettings(Duration.ofDays(30)),
                        null,
                        strength));
    }

    @Test
    void theShippedConfigurationHashesNewPasswordsWithBcryptAtCostTen() throws IOException {
        IdentityProperties shipped = shipped();
        assertThat(shipped.passwordStrength()).isEqualTo(10);
        String hash = encoder(shipped.passwordStrength()).encode("Mat-khau-2026!");
        assertThat(hash).startsWith("{bcrypt}$2a$10$");
        assertThat(encoder(shipped.passwordStrength()).matches("Mat-khau-2026!", hash))
                .isTrue();
    }

    @Test
    void hashesMadeAtAnotherCostOrWithAnotherSchemeStillCheck() {
        PasswordEncoder atFour = encoder(4);
        String madeAtTen = "{bcrypt}" + new BCryptPasswordEncoder(10).encode("Mat-khau-2026!");
        String madeAtFour = atFour.encode("Mat-khau-2026!");
        assertThat(madeAtFour).startsWith("{bcrypt}$2a$04$");
        assertThat(atFour.matches("Mat-khau-2026!", madeAtTen)).isTrue();
        assertThat(atFour.matches("Mat-khau-2025!", madeAtTen)).isFalse();
        assertThat(encoder(10).matches("Mat-khau-2026!", madeAtFour)).isTrue();
        // A scheme other than bcrypt, as Spring Security's factory names it: checked by the encoder its prefix names.
        String otherScheme = "{pbkdf2@SpringSecurity_v5_8}"
                + Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode("Mat-khau-2026!");
        assertThat(atFour.matches("Mat-khau-2026!", otherScheme)).isTrue();
        assertThat(atFour.matches("Mat-khau-2025!", otherScheme)).isFalse();
    }
}
