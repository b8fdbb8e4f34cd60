package vn.ocop.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
 * before the first variable or wildcard) must begin the request's path at a segment boundary. The mappings that pass
 * are found once per request from an index by prefix (the path's own prefixes looked up); for every other mapping
 * Spring's call to test its conditions returns at once, since it cannot match. The mappings that pass are evaluated by
 * Spring exactly as before, so which method is chosen, and the 404, 405 and 406 answers, do not change. Paths with
 * {@code %} escapes or
 * {@code ;} parameters (which pattern matching decodes or strips) skip the test.
 */
@Configuration(proxyBeanMethods = false)
class HandlerLookup implements WebMvcRegistrations {

    @Override
    public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        return new PrefilteredMapping();
    }

    static final class PrefilteredMapping extends RequestMappingHandlerMapping {

        /** The mappings that may match the path being looked up on this thread; unset: any may. */
        private static final ThreadLocal<RequestMappingInfo @Nullable []> CANDIDATES = new ThreadLocal<>();

        private static final RequestMappingInfo[] NONE = new RequestMappingInfo[0];

        /** The mappings by literal prefix, and those any path may match. */
        private record Index(Map<String, List<RequestMappingInfo>> byPrefix, List<RequestMappingInfo> always) {}

        /** Built once the mappings are registered, and again after each later change; none before: no filtering. */
        private volatile @Nullable Index index;

        @Override
        protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
                throws Exception {
            boolean plain = lookupPath.indexOf('%') < 0 && lookupPath.indexOf(';') < 0;
            Index current = index;
            if (!plain || current == null) {
                return super.lookupHandlerMethod(lookupPath, request);
            }
            CANDIDATES.set(candidates(current, lookupPath));
            try {
                return super.lookupHandlerMethod(lookupPath, request);
            } finally {
                CANDIDATES.remove();
            }
        }

        @Override
        protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            RequestMappingInfo[] candidates = CANDIDATES.get();
            if (candidates != null && !contains(candidates, info)) {
                return null;
            }
            return super.getMatchingMapping(info, request);
        }

        @Override
        public void afterPropertiesSet() {
            super.afterPropertiesSet();
            index = buildIndex();
        }

        @Override
        public synchronized void registerMapping(
                RequestMappingInfo mapping, Object handler, java.lang.reflect.Method method) {
            super.registerMapping(mapping, handler, method);
            index = buildIndex();
        }

        @Override
        public synchronized void unregisterMapping(RequestMappingInfo mapping) {
            super.unregisterMapping(mapping);
            index = buildIndex();
        }

        /**
         * The mappings whose literal prefix begins the path at a segment boundary (the path's own prefixes up to each
         * {@code /}, looked up), and those without a prefix: exactly those {@link #couldMatch} lets through.
         */
        RequestMappingInfo[] candidates(String path) {
            Index current = index;
            if (current == null) {
                throw new IllegalStateException("The mappings are not registered yet");
            }
            return candidates(current, path);
        }

        private static RequestMappingInfo[] candidates(Index current, String path) {
            List<RequestMappingInfo> found = new ArrayList<>(current.always());
            for (int slash = path.indexOf('/', 1); ; slash = path.indexOf('/', slash + 1)) {
                String prefix = slash < 0 ? path : path.substring(0, slash);
                List<RequestMappingInfo> mappings = current.byPrefix().get(prefix);
                if (mappings != null) {
                    found.addAll(mappings);
                }
                if (slash < 0) {
                    break;
                }
            }
            return found.toArray(NONE);
        }

        private Index buildIndex() {
            Map<String, List<RequestMappingInfo>> byPrefix = new HashMap<>();
            List<RequestMappingInfo> always = new ArrayList<>();
            for (RequestMappingInfo info : getHandlerMethods().keySet()) {
                String[] prefixes = literalPrefixes(info);
                if (prefixes.length == 0) {
                    always.add(info);
                }
                for (String prefix : prefixes) {
                    List<RequestMappingInfo> list = byPrefix.computeIfAbsent(prefix, p -> new ArrayList<>());
                    if (!list.contains(info)) {
                        list.add(info);
                    }
                }
            }
            return new Index(byPrefix, always);
        }

        private static boolean contains(RequestMappingInfo[] candidates, RequestMappingInfo info) {
            for (RequestMappingInfo candidate : candidates) {
                if (candidate == info) {
                    return true;
                }
            }
            return false;
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
