package vn.ocop.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps an upload above the multipart limits an ordinary, answerable request. Tomcat 11 throws from {@code
 * getParameter} when the multipart body exceeds the limits, and filters (the CSRF check, the {@code ?lang=}
 * interceptor) ask for parameters long before a controller runs: the user would get a bare 413 page or a 500. For
 * multipart requests whose body cannot be parsed, parameters therefore come from the query string only (pages put
 * their CSRF token there for uploads); the controller then meets the failure as {@code MaxUploadSizeExceededException}
 * and answers it properly (a message on the page, a 413 problem on the API).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class UploadLimitFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new LenientParameters(request), response);
    }

    private static final class LenientParameters extends HttpServletRequestWrapper {

        private @Nullable Map<String, String[]> queryOnly;

        LenientParameters(HttpServletRequest request) {
            super(request);
        }

        @Override
        public @Nullable String getParameter(String name) {
            String[] values = getParameterMap().get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            if (queryOnly != null) {
                return queryOnly;
            }
            try {
                return super.getParameterMap();
            } catch (IllegalStateException bodyTooLarge) {
                queryOnly = parseQuery(getQueryString());
                return queryOnly;
            }
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }

        @Override
        public String @Nullable [] getParameterValues(String name) {
            return getParameterMap().get(name);
        }

        private static Map<String, String[]> parseQuery(@Nullable String query) {
            Map<String, List<String>> values = new LinkedHashMap<>();
            if (query != null) {
                for (String pair : query.split("&")) {
                    if (pair.isEmpty()) {
                        continue;
                    }
                    int eq = pair.indexOf('=');
                    String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                    String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                    values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                }
            }
            Map<String, String[]> map = new LinkedHashMap<>();
            values.forEach((name, list) -> map.put(name, list.toArray(String[]::new)));
            return Collections.unmodifiableMap(map);
        }

        private static String decode(String s) {
            try {
                return URLDecoder.decode(s, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                return s;
            }
        }
    }
}
