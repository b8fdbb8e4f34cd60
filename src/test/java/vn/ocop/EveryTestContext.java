package vn.ocop;

import java.util.List;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/**
 * Base of the test-wide context customizers registered in {@code META-INF/spring.factories} ({@link ContextCounter},
 * {@link WriteTags}, {@link ApplicationCsrf}): the factory is its own customizer, the same for every test class, so it
 * never makes two test classes' configurations differ (Spring caches a context per configuration, customizers
 * included).
 */
abstract class EveryTestContext implements ContextCustomizerFactory, ContextCustomizer {

    @Override
    public final ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return this;
    }

    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass();
    }

    @Override
    public final int hashCode() {
        return getClass().hashCode();
    }
}
