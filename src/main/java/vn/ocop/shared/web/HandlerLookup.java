package vn.ocop.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Finding the controller method of a request, without trying every mapping's conditions.
 *
 * <p>For a path with variables ({@code /api/v1/stamps/{code}}, {@code /verify/{number}}, {@code /products/7}) Spring
 * MVC has no direct hit and evaluates the conditions of every one of the application's several hundred mappings in
 * turn: HTTP method, parameters, headers, media types, then the path pattern, each reading the request through the
 * half-dozen wrappers the filters put around it. That was about a third of the CPU the JVM spent on a public scan.
 * Here each mapping first gets a cheap test: the literal beginning of its path patterns (up to the last {@code /}
 * before the first variable or wildcard) must begin the request's path at a segment boundary. A mapping that fails it
 * cannot match, so its conditions are not evaluated; every other mapping is evaluated by Spring exactly as before, so
 * which method is chosen, and the 404, 405 and 406 answers, do not change. Paths with {@code %} escapes or
 * {@code ;} parameters (which pattern matching decodes or strips) skip the test.
 */
@Configuration(proxyBeanMethods = false)
class HandlerLookup implements WebMvcRegistrations {

    @Override
    public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        return new PrefilteredMapping();
    }

    static final class PrefilteredMapping extends RequestMappingHandlerMapping {

        private static final ThreadLocal<@Nullable String> LOOKUP_PATH = new ThreadLocal<>();

        /**
         * Each mapping's prefixes by identity: read for every mapping at every lookup, so no {@code hashCode} of a
         * {@code RequestMappingInfo} (computed over all its conditions) and no lock; copied on the rare write (the
         * mappings are registered at start).
         */
        private volatile Map<RequestMappingInfo, String[]> prefixes = new IdentityHashMap<>();

        @Override
        protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
                throws Exception {
            boolean plain = lookupPath.indexOf('%') < 0 && lookupPath.indexOf(';') < 0;
            if (!plain) {
                return super.lookupHandlerMethod(lookupPath, request);
            }
            LOOKUP_PATH.set(lookupPath);
            try {
                return super.lookupHandlerMethod(lookupPath, request);
            } finally {
                LOOKUP_PATH.remove();
            }
        }

        @Override
        protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            String path = LOOKUP_PATH.get();
            if (path != null && !couldMatch(prefixesOf(info), path)) {
                return null;
            }
            return super.getMatchingMapping(info, request);
        }

        private String[] prefixesOf(RequestMappingInfo info) {
            String[] known = prefixes.get(info);
            if (known != null) {
                return known;
            }
            String[] computed = literalPrefixes(info);
            synchronized (this) {
                Map<RequestMappingInfo, String[]> copy = new IdentityHashMap<>(prefixes);
                copy.put(info, computed);
                prefixes = copy;
            }
            return computed;
        }

        /** Whether the path begins with one of the prefixes at a segment boundary; no prefixes: anything may match. */
        static boolean couldMatch(String[] prefixes, String path) {
            if (prefixes.length == 0) {
                return true;
            }
            for (String prefix : prefixes) {
                if (path.startsWith(prefix)
                        && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/')) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The literal beginnings of a mapping's path patterns; none (anything may match) when the mapping has no
         * path patterns or one of them begins with a variable or wildcard.
         */
        static String[] literalPrefixes(RequestMappingInfo info) {
            PathPatternsRequestCondition condition = info.getPathPatternsCondition();
            if (condition == null) {
                return new String[0];
            }
            Set<PathPattern> patterns = condition.getPatterns();
            String[] result = new String[patterns.size()];
            int i = 0;
            for (PathPattern pattern : patterns) {
                String prefix = literalPrefix(pattern.getPatternString());
                if (prefix.isEmpty()) {
                    return new String[0];
                }
                result[i++] = prefix;
            }
            return result;
        }

        /** {@code /api/v1/stamps/{code}} → {@code /api/v1/stamps}; {@code /verify/{*n}} → {@code /verify}. */
        static String literalPrefix(String pattern) {
            int special = pattern.length();
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == '{' || c == '*' || c == '?' || c == '\\') {
                    special = i;
                    break;
                }
            }
            if (special == pattern.length()) {
                return pattern.endsWith("/") ? pattern.substring(0, pattern.length() - 1) : pattern;
            }
            int slash = pattern.lastIndexOf('/', special);
            return slash <= 0 ? "" : pattern.substring(0, slash);
        }
    }
}
