package vn.ocop.shared.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * Static files: {@code classpath:/static/<directory>/…} served under {@code /<directory>/…} for each top-level
 * directory found at start ({@code css}, {@code img}, {@code js}, and any a module adds), and the web jars under
 * {@code /webjars/…} with version-less links ({@code @{/webjars/htmx.org/dist/htmx.min.js}}).
 *
 * <p>Instead of Spring Boot's catch-all {@code /**} handler ({@code spring.web.resources.add-mappings=false}): with the
 * resource chain on (for the version-less web jar links), every link a page builds, {@code @{/verify/keys}} as much as
 * {@code @{/css/ocop.css}}, was looked up in each static location of the class path through the web jar resolver, a
 * miss each time and never cached; in the packaged jar that was close to half of the CPU of the public verification
 * page. Now only links under these paths are looked up, once each.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    private static final String STATIC = "/static/";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        for (String directory : directories()) {
            registry.addResourceHandler("/" + directory + "/**")
                    .addResourceLocations("classpath:" + STATIC + directory + "/")
                    .resourceChain(true);
        }
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true)
                .addResolver(new LiteWebJarsResourceResolver());
    }

    /** The paths links to static files start with ({@code /css/}, …, {@code /webjars/}). */
    static List<String> linkPrefixes() {
        List<String> prefixes = new ArrayList<>();
        for (String directory : directories()) {
            prefixes.add("/" + directory + "/");
        }
        prefixes.add("/webjars/");
        return prefixes;
    }

    /** The top-level directories under {@code static/} on the class path (looked up once). */
    static Set<String> directories() {
        return Directories.FOUND;
    }

    private static final class Directories {
        static final Set<String> FOUND = java.util.Collections.unmodifiableSet(find());
    }

    private static Set<String> find() {
        Set<String> directories = new TreeSet<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:static/**/*")) {
                String url = resource.getURL().toString();
                int at = url.indexOf(STATIC);
                String path = at < 0 ? "" : url.substring(at + STATIC.length());
                int slash = path.indexOf('/');
                if (slash > 0) {
                    directories.add(path.substring(0, slash));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return directories;
    }
}
