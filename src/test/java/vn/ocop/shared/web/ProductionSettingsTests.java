package vn.ocop.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockPropertySource;

/**
 * The {@code prod} profile: a public address is required (certificates' QR codes and e-mail links point to it), and
 * the API description is hidden unless asked for.
 */
class ProductionSettingsTests {

    @Test
    void productionNeedsThePublicAddressUsersOpen() {
        for (String bad : new String[] {
            "",
            "   ",
            "ocop.gov.vn",
            "ftp://ocop.gov.vn",
            "http://localhost:8080",
            "https://127.0.0.1",
            "http://0.0.0.0:8080/"
        }) {
            assertThatThrownBy(() -> PublicUrlCheck.check(bad))
                    .as(bad)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("OCOP_PUBLIC_URL");
        }
        assertThatCode(() -> PublicUrlCheck.check("https://ocop.dongthap.gov.vn"))
                .doesNotThrowAnyException();
    }

    @Test
    void productionHidesTheApiDescriptionUnlessEnabled() throws IOException {
        StandardEnvironment plain = prod(new MockPropertySource());
        assertThat(plain.getProperty("springdoc.api-docs.enabled", Boolean.class))
                .isFalse();
        assertThat(plain.getProperty("springdoc.swagger-ui.enabled", Boolean.class))
                .isFalse();
        assertThat(plain.getProperty("ocop.public-url")).isEmpty();
        StandardEnvironment staging = prod(new MockPropertySource()
                .withProperty("OCOP_API_DOCS_ENABLED", "true")
                .withProperty("OCOP_PUBLIC_URL", "https://ocop.example.gov.vn"));
        assertThat(staging.getProperty("springdoc.api-docs.enabled", Boolean.class))
                .isTrue();
        assertThat(staging.getProperty("ocop.public-url")).isEqualTo("https://ocop.example.gov.vn");
    }

    private static StandardEnvironment prod(MockPropertySource variables) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        sources.addFirst(variables);
        for (PropertySource<?> source : new YamlPropertySourceLoader()
                .load("application-prod", new ClassPathResource("application-prod.yml"))) {
            sources.addLast(source);
        }
        return environment;
    }
}
