package vn.ocop.shared.web;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * What every page pays for, kept small: the public verification page (a QR code's target) and the portal are
 * rendered for every visitor.
 *
 * <ul>
 *   <li>{@code ${#viewer.signedIn}} tells the layout whether to show the portal's menu or the officials' one. The
 *       Spring Security dialect's {@code sec:authorize="isAuthenticated()"} parses and evaluates a new security
 *       expression (with reflective method lookup) at each use, six times per anonymous page: close to a fifth of
 *       what rendering the verification page allocated.
 *   <li>Links pass through the servlet response's {@code encodeURL} (where the resource chain rewrites static links)
 *       only when they point at static files ({@code /css/…}, {@code /js/…}, {@code /img/…}, {@code /webjars/…}).
 *       Every other link, twenty-odd per page, was matched against each static path pattern to be left unchanged:
 *       session ids are never put into URLs here.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class PageRendering {

    @Bean
    ViewerDialect viewerDialect() {
        return new ViewerDialect();
    }

    @Bean
    static BeanPostProcessor staticLinkBuilder() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof SpringTemplateEngine engine) {
                    engine.setLinkBuilder(new StaticLinkBuilder(StaticResources.linkPrefixes()));
                }
                return bean;
            }
        };
    }

    /**
     * The visitor of a page, for templates: {@code ${#viewer.signedIn}}, {@code ${#viewer.name}} and
     * {@code ${#viewer.hasAnyRole('PRODUCER', …)}} (roles without the {@code ROLE_} prefix, as in Spring Security's
     * expressions; this application has no role hierarchy).
     */
    public static final class Viewer {

        private final @Nullable Authentication authentication;
        private final boolean signedIn;

        Viewer(@Nullable Authentication authentication) {
            this.authentication = authentication;
            this.signedIn = TRUST.isAuthenticated(authentication);
        }

        public boolean isSignedIn() {
            return signedIn;
        }

        public String getName() {
            return signedIn && authentication != null ? authentication.getName() : "";
        }

        public boolean hasAnyRole(String... roles) {
            if (!signedIn || authentication == null) {
                return false;
            }
            for (GrantedAuthority authority : authentication.getAuthorities()) {
                String granted = authority.getAuthority();
                for (String role : roles) {
                    if (granted != null
                            && granted.length() == role.length() + 5
                            && granted.startsWith("ROLE_")
                            && granted.endsWith(role)) {
                        return true;
                    }
                }
            }
            return false;
        }

        public boolean hasRole(String role) {
            return hasAnyRole(role);
        }
    }

    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    /** Whether the authentication is a signed-in user's (not anonymous, not absent). */
    static boolean signedIn(@Nullable Authentication authentication) {
        return TRUST.isAuthenticated(authentication);
    }

    static final class ViewerDialect extends AbstractDialect implements IExpressionObjectDialect {

        ViewerDialect() {
            super("ocop-viewer");
        }

        @Override
        public IExpressionObjectFactory getExpressionObjectFactory() {
            return new IExpressionObjectFactory() {
                @Override
                public Set<String> getAllExpressionObjectNames() {
                    return Set.of("viewer");
                }

                @Override
                public Object buildObject(IExpressionContext context, String name) {
                    return new Viewer(SecurityContextHolder.getContext().getAuthentication());
                }

                @Override
                public boolean isCacheable(String name) {
                    return true;
                }
            };
        }
    }

    /** Thymeleaf's link builder, asking the response to encode only links to static files. */
    static final class StaticLinkBuilder extends StandardLinkBuilder {

        private final List<String> prefixes;

        StaticLinkBuilder(List<String> prefixes) {
            this.prefixes = List.copyOf(prefixes);
        }

        @Override
        protected String processLink(IExpressionContext context, String link) {
            return isStatic(link) ? super.processLink(context, link) : link;
        }

        /** Whether the link (context path included) points under one of the static prefixes. */
        boolean isStatic(String link) {
            for (String prefix : prefixes) {
                int at = link.indexOf(prefix);
                if (at >= 0 && link.lastIndexOf('?', at) < 0 && link.lastIndexOf('#', at) < 0) {
                    return true;
                }
            }
            return false;
        }
    }
}
