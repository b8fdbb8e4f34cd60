package vn.ocop.shared.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * Vietnamese first, English second. Pages are Vietnamese until the user picks English with {@code ?lang=en}
 * (remembered in a cookie): many officials' browsers are set to English, which is not a choice of language for this
 * system. API calls follow {@code Accept-Language} when it names a supported language, else Vietnamese.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    static final List<Locale> SUPPORTED = List.of(VIETNAMESE, Locale.ENGLISH);

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("OCOP_LANG") {
            @Override
            public void setLocale(
                    jakarta.servlet.http.HttpServletRequest request,
                    jakarta.servlet.http.HttpServletResponse response,
                    Locale locale) {
                // ?lang=xx for an unsupported language falls back to Vietnamese rather than to missing texts.
                super.setLocale(request, response, supported(locale));
            }
        };
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> {
            if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                return VIETNAMESE;
            }
            String header = request.getHeader("Accept-Language");
            if (!StringUtils.hasText(header)) {
                return VIETNAMESE;
            }
            try {
                Locale match = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
                return match == null ? VIETNAMESE : match;
            } catch (IllegalArgumentException malformedHeader) {
                return VIETNAMESE;
            }
        });
        return resolver;
    }

    static Locale supported(Locale locale) {
        return locale != null && locale.getLanguage().equals("en") ? Locale.ENGLISH : VIETNAMESE;
    }

    /**
     * Static files only where they are: {@code /css}, {@code /js}, {@code /img} and the webjars (htmx, version-less
     * paths resolved by the webjars locator), instead of Spring Boot's {@code /**}. With {@code /**}, the resource
     * chain's URL encoding (on because of the webjars locator) looked every link of every page up as a possible
     * static file in each classpath location, in the jar, uncached when not found: a fifth of a catalog page's CPU.
     * With {@code spring.web.resources.add-mappings=false} these are the only static mappings.
     */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        for (String folder : List.of("css", "js", "img")) {
            registry.addResourceHandler("/" + folder + "/**")
                    .addResourceLocations("classpath:/static/" + folder + "/")
                    .resourceChain(true);
        }
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true)
                .addResolver(new LiteWebJarsResourceResolver());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}
