package vn.ocop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every text exists in both languages, and none is left empty. */
class I18nPropertiesSyncTests {

    @Test
    void vietnameseAndEnglishBundlesHaveTheSameKeys() throws IOException {
        Properties vi = load("messages_vi.properties");
        Properties en = load("messages_en.properties");
        Set<String> onlyVi = new TreeSet<>(vi.stringPropertyNames());
        onlyVi.removeAll(en.stringPropertyNames());
        Set<String> onlyEn = new TreeSet<>(en.stringPropertyNames());
        onlyEn.removeAll(vi.stringPropertyNames());
        assertThat(onlyVi).as("keys missing in messages_en").isEmpty();
        assertThat(onlyEn).as("keys missing in messages_vi").isEmpty();
    }

    @Test
    void noTextIsEmpty() throws IOException {
        for (String bundle : new String[] {"messages_vi.properties", "messages_en.properties"}) {
            Properties properties = load(bundle);
            assertThat(properties.stringPropertyNames())
                    .as(bundle)
                    .allSatisfy(key ->
                            assertThat(properties.getProperty(key)).as(key).isNotBlank());
        }
    }

    @Test
    void everyErrorCodeHasAText() throws IOException {
        Properties vi = load("messages_vi.properties");
        for (Class<? extends Enum<?>> codes : java.util.List.of(
                vn.ocop.shared.CommonError.class,
                vn.ocop.geography.GeographyError.class,
                vn.ocop.identity.IdentityError.class,
                vn.ocop.producer.ProducerError.class,
                vn.ocop.product.ProductError.class,
                vn.ocop.evaluation.EvaluationError.class,
                vn.ocop.certification.CertificationError.class,
                vn.ocop.notification.NotificationError.class,
                vn.ocop.product.ImportError.class,
                vn.ocop.product.PhotoError.class)) {
            for (Enum<?> constant : codes.getEnumConstants()) {
                String key = ((vn.ocop.shared.ErrorCode) constant).messageKey();
                assertThat(vi.getProperty(key)).as(key).isNotBlank();
            }
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(
                I18nPropertiesSyncTests.class.getClassLoader().getResourceAsStream(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
