package vn.ocop.identity;

import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;

/**
 * Two filter chains. The API ({@code /api/**}) is stateless: bearer tokens only, no cookies, so no CSRF; failures
 * answer RFC 9457 problem JSON. Pages use form login with CSRF protection and sessions stored in PostgreSQL (Spring
 * Session JDBC), so any app node can serve any request. Fine-grained rules are {@code @PreAuthorize} on controllers
 * and {@link AccessPolicy} in services.
 *
 * <p>Only a login creates a session: an anonymous visitor (a buyer scanning a certificate's QR code, a crawler) costs
 * no session row. The CSRF token of anonymous forms (login, self-assessment) lives in a cookie ({@value #CSRF_COOKIE},
 * HttpOnly; the form carries it as a field), and the page a visitor wanted before being sent to the login is
 * remembered in a cookie too ({@link CookieRequestCache}), not in a session.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(IdentityProperties.class)
class SecurityConfiguration {

    /** Public API endpoints; everything else under /api needs a bearer token. */
    static final String[] PUBLIC_API_GET = {
        "/api/v1/admin-units",
        "/api/v1/admin-units/**",
        "/api/v1/product-classification",
        "/api/v1/product-classification/**",
        "/api/v1/criteria-versions",
        "/api/v1/criteria-versions/*/compare/*",
        "/api/v1/criteria-sets",
        "/api/v1/criteria-sets/**",
        "/api/v1/certificates/*",
        "/api/v1/certificates/*/statements",
        "/api/v1/verification",
        "/api/v1/public/**",
        "/api/v1/stamps/*",
        "/api/v1/epcis/lots/*"
    };

    /** Public API endpoints that take a body but change nothing (login, stateless computations). */
    static final String[] PUBLIC_API_POST = {
        "/api/v1/auth/token", "/api/v1/criteria-sets/*/*/assessments", "/api/v1/stamps/*/scans/*/location"
    };

    /** The cookie that holds the CSRF token of page forms. */
    static final String CSRF_COOKIE = "OCOP_CSRF";

    static final String[] PUBLIC_PAGES = {
        "/",
        // The public portal (issue #15): catalog, map, open data, points of sale, fairs, buyer inquiries, sign-up.
        "/catalog",
        "/catalog/**",
        "/open-data",
        "/open-data/**",
        "/sitemap.xml",
        "/sitemap-*.xml",
        "/robots.txt",
        "/points-of-sale",
        "/points-of-sale/**",
        "/fairs",
        "/fairs/**",
        "/buyer-inquiries",
        "/buyer-inquiries/**",
        "/signup",
        "/signup/**",
        "/login",
        "/error",
        "/css/**",
        "/js/**",
        "/img/**",
        "/webjars/**",
        "/favicon.ico",
        "/admin-units",
        "/admin-units/**",
        "/verify",
        "/verify/**",
        "/t",
        "/t/**",
        "/01/**",
        "/.well-known/gs1resolver",
        "/self-assessment",
        "/self-assessment/**",
        "/actuator/health",
        "/actuator/health/**",
        "/actuator/info",
        "/v3/api-docs",
        "/v3/api-docs.yaml",
        "/v3/api-docs/**",
        "/swagger-ui.html",
        "/swagger-ui/**"
    };

    /**
     * No observations from Spring Security itself: they wrap each of its filters, and time each authentication and
     * authorization, on every request (about a tenth of the CPU of an API search). Requests are still timed as a
     * whole ({@code http.server.requests}), and logins and refusals are audited.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** The default firewall's rules, with a fast path for printable ASCII headers ({@link RequestFirewall}). */
    @Bean
    HttpFirewall httpFirewall() {
        return RequestFirewall.create();
    }

    @Bean
    PasswordEncoder passwordEncoder(IdentityProperties properties) {
        // bcrypt today, with the {id} prefix so hashes can move to a stronger scheme without a flag day. New hashes
        // get the configured cost; a stored hash is checked with the cost written in it, and one of another scheme
        // with the encoder its prefix names.
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder(
                "bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(properties.passwordStrength())));
        encoder.setDefaultPasswordEncoderForMatches(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        return encoder;
    }

    @Bean
    AuthenticationManager authenticationManager(
            AccountUserDetailsService users,
            PasswordEncoder passwordEncoder,
            AuthenticationEventPublisher events,
            LoginThrottle throttle) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(passwordEncoder);
        // A client locked out for a name is refused before its password is checked, with the wrong-password answer.
        org.springframework.security.authentication.AuthenticationProvider throttled =
                new org.springframework.security.authentication.AuthenticationProvider() {
                    @Override
                    public org.springframework.security.core.Authentication authenticate(
                            org.springframework.security.core.Authentication authentication) {
                        if (throttle.lockedOut(authentication.getName(), LoginThrottle.client(authentication))) {
                            throw new LoginThrottle.LockedOut();
                        }
                        return provider.authenticate(authentication);
                    }

                    @Override
                    public boolean supports(Class<?> authentication) {
                        return provider.supports(authentication);
                    }
                };
        ProviderManager manager = new ProviderManager(throttled);
        manager.setAuthenticationEventPublisher(events);
        return manager;
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, TokenIntrospector introspector, ProblemSecurityHandlers problems)
            throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.POST, PUBLIC_API_POST)
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, PUBLIC_API_GET)
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .opaqueToken(opaque -> opaque.introspector(introspector))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(PUBLIC_PAGES)
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        // One answer for a wrong password, an unknown name, a disabled account and a locked-out
                        // client: the page must not tell an attacker which accounts exist or are locked.
                        .failureHandler((request, response, exception) ->
                                response.sendRedirect(request.getContextPath() + "/login?error"))
                        .defaultSuccessUrl("/dashboard", false)
                        .permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens()))
                .requestCache(cache -> cache.requestCache(pageRequestCache()))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
                                        + " script-src 'self'; object-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** CSRF tokens in a cookie rather than the session (Secure when the request is, SameSite=Lax like the session). */
    static CookieCsrfTokenRepository csrfTokens() {
        CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
        tokens.setCookieName(CSRF_COOKIE);
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return tokens;
    }

    /**
     * Where to go back after logging in: the page asked for (a page, not an htmx fragment), kept in a cookie, so being
     * sent to the login creates no session either.
     */
    static CookieRequestCache pageRequestCache() {
        CookieRequestCache cache = new CookieRequestCache();
        cache.setRequestMatcher(new AndRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/**"),
                new NegatedRequestMatcher(new RequestHeaderRequestMatcher("HX-Request"))));
        return cache;
    }
}
