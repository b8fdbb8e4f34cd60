package vn.ocop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;
import vn.ocop.shared.ErrorCode;
import vn.ocop.shared.web.MessagesConfiguration;

/** Every text exists in both languages, in one bundle only, and none is left empty. */
class I18nPropertiesSyncTests {

    private static final List<String> BUNDLES = MessagesConfiguration.basenames();

    @Test
    void vietnameseAndEnglishBundlesHaveTheSameKeys() throws IOException {
        for (String bundle : BUNDLES) {
            Properties vi = load(bundle + "_vi.properties");
            Properties en = load(bundle + "_en.properties");
            Set<String> onlyVi = new TreeSet<>(vi.stringPropertyNames());
            onlyVi.removeAll(en.stringPropertyNames());
            Set<String> onlyEn = new TreeSet<>(en.stringPropertyNames());
            onlyEn.removeAll(vi.stringPropertyNames());
            assertThat(onlyVi).as("keys missing in " + bundle + "_en").isEmpty();
            assertThat(onlyEn).as("keys missing in " + bundle + "_vi").isEmpty();
        }
    }

    @Test
    void noTextIsEmpty() throws IOException {
        for (String bundle : BUNDLES) {
            for (String language : new String[] {"_vi.properties", "_en.properties"}) {
                Properties properties = load(bundle + language);
                assertThat(properties.stringPropertyNames())
                        .as(bundle + language)
                        .allSatisfy(key ->
                                assertThat(properties.getProperty(key)).as(key).isNotBlank());
            }
        }
    }

    /** A key defined in two bundles would show whichever bundle comes first: each text has one home. */
    @Test
    void everyKeyLivesInOneBundle() throws IOException {
        Map<String, String> home = new HashMap<>();
        for (String bundle : BUNDLES) {
            for (String key : load(bundle + "_vi.properties").stringPropertyNames()) {
                String other = home.putIfAbsent(key, bundle);
                assertThat(other)
                        .as("key " + key + " is in " + other + " and " + bundle)
                        .isNull();
            }
        }
    }

    @Test
    void everyErrorCodeHasAText() throws IOException {
        Properties vi = new Properties();
        for (String bundle : BUNDLES) {
            vi.putAll(load(bundle + "_vi.properties"));
        }
        List<Class<?>> codes = errorCodeEnums();
        assertThat(codes).as("error code enums found").contains(vn.ocop.shared.CommonError.class);
        for (Class<?> type : codes) {
            for (Object constant : type.getEnumConstants()) {
                String key = ((ErrorCode) constant).messageKey();
                assertThat(vi.getProperty(key)).as(key).isNotBlank();
            }
        }
    }

    /** Every enum of the platform that implements {@link ErrorCode}, found on the class path. */
    private static List<Class<?>> errorCodeEnums() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(ErrorCode.class));
        return scanner.findCandidateComponents("vn.ocop").stream()
                .map(candidate -> ClassUtils.resolveClassName(
                        java.util.Objects.requireNonNull(candidate.getBeanClassName()), null))
                .filter(Class::isEnum)
                .<Class<?>>map(type -> type)
                .toList();
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        InputStream in = I18nPropertiesSyncTests.class.getClassLoader().getResourceAsStream(name);
        assertThat(in).as(name).isNotNull();
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
