package vn.ocop.certification.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.catalina.connector.Connector;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

/**
 * Certificate numbers such as {@code 1234/QĐ-UBND} contain a slash, which a link or a scanner may send encoded
 * ({@code /verify/1234%2FQĐ-UBND}). Tomcat refuses an encoded slash by default with its own bare 400 page; here it
 * lets the request through undecoded, and this filter, ahead of Spring Security (whose firewall refuses such paths
 * too), answers a verification path with a redirect to the query form {@code /verify?number=1234/QĐ-UBND}. Any other
 * path with an encoded slash is still refused by the firewall, now with the application's own error page.
 */
@Configuration(proxyBeanMethods = false)
class EncodedSlashRedirect {

    private static final String PREFIX = "/verify/";

    @Bean
    static TomcatConnectorCustomizer encodedSlashesReachTheApplication() {
        return (Connector connector) -> connector.setEncodedSolidusHandling("passthrough");
    }

    @Bean
    static FilterRegistrationBean<RedirectFilter> verifyEncodedSlashRedirect() {
        FilterRegistrationBean<RedirectFilter> registration = new FilterRegistrationBean<>(new RedirectFilter());
        registration.addUrlPatterns(PREFIX + "*");
        // Before Spring Security's filter chain (order -100), whose firewall would refuse the path.
        registration.setOrder(-110);
        return registration;
    }

    /** Not a bean of its own: registered above, for verification paths only. */
    static final class RedirectFilter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            if (path.startsWith(PREFIX) && path.toUpperCase(Locale.ROOT).contains("%2F")) {
                String number = UriUtils.decode(path.substring(PREFIX.length()), StandardCharsets.UTF_8);
                response.sendRedirect(request.getContextPath()
                        + "/verify?number="
                        + UriUtils.encodeQueryParam(number, StandardCharsets.UTF_8));
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
