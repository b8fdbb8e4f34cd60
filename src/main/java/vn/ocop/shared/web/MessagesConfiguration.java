package vn.ocop.shared.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Texts in two languages, in bundles: {@code messages} for the platform's first modules, and one bundle per later
 * module under {@code i18n/} ({@code i18n/reporting_vi.properties} and {@code i18n/reporting_en.properties}), found on
 * the class path at start-up, so that a module brings its texts without editing a shared file. A key must be defined
 * in one bundle only ({@code I18nPropertiesSyncTests}).
 */
@Configuration(proxyBeanMethods = false)
public class MessagesConfiguration {

    /** Where module bundles are looked for; each {@code <name>_vi.properties} there is a bundle. */
    static final String MODULE_BUNDLES = "classpath*:i18n/*_vi.properties";

    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames(basenames().toArray(String[]::new));
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    /** {@code messages} first, then the module bundles in name order. */
    public static List<String> basenames() {
        List<String> names = new ArrayList<>(List.of("messages"));
        TreeSet<String> modules = new TreeSet<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(MODULE_BUNDLES)) {
                String file = resource.getFilename();
                if (file != null && file.endsWith("_vi.properties")) {
                    modules.add("i18n/" + file.substring(0, file.length() - "_vi.properties".length()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        names.addAll(modules);
        return names;
    }
}
