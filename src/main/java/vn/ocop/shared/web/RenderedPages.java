package vn.ocop.shared.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Public pages rendered once per state and served from memory afterwards (decision 0032). A controller still reads
 * what the page shows on every request (for the verification page: the certificate and its signed statements, live);
 * only turning that into HTML is skipped when the same state was rendered before. The key is the caller's value (a
 * record of everything the page shows), the template, the visitor's language and the response status; a page for a
 * signed-in visitor (its menu is the visitor's own) is never cached. Bounded by the bytes held
 * ({@code ocop.web.rendered-pages.max-size}, 16 MB by default) and forgotten after an hour without use.
 */
@Component
public class RenderedPages {

    private record Key(String viewName, Locale locale, int status, Object state) {}

    private record Page(byte[] body, String contentType) {}

    private final ThymeleafViewResolver views;
    private final Cache<Key, Page> pages;

    RenderedPages(ThymeleafViewResolver views, @Value("${ocop.web.rendered-pages.max-size:16MB}") DataSize maxSize) {
        this.views = views;
        this.pages = Caffeine.newBuilder()
                .maximumWeight(maxSize.toBytes())
                .weigher((Key key, Page page) -> page.body().length)
                .expireAfterAccess(Duration.ofHours(1))
                .build();
    }

    /**
     * The view {@code viewName} for a page whose content is fully determined by {@code state} (besides the visitor's
     * language): its HTML is rendered the first time and reused while {@code state} is equal. {@code state} must have
     * a value-based {@code equals} (a record of records, strings, dates and numbers).
     */
    public View page(String viewName, Object state) {
        return new CachedView(viewName, state);
    }

    private final class CachedView implements View {

        private final String viewName;
        private final Object state;

        CachedView(String viewName, Object state) {
            this.viewName = viewName;
            this.state = state;
        }

        @Override
        public String getContentType() {
            return "text/html;charset=UTF-8";
        }

        @Override
        public void render(@Nullable Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
                throws Exception {
            Locale locale = RequestContextUtils.getLocale(request);
            if (PageRendering.signedIn(SecurityContextHolder.getContext().getAuthentication())) {
                template(locale).render(model, request, response);
                return;
            }
            Key key = new Key(viewName, locale, response.getStatus(), state);
            Page page = pages.getIfPresent(key);
            if (page == null) {
                Capture capture = new Capture(response);
                template(locale).render(model, request, capture);
                page = capture.page();
                pages.put(key, page);
            } else {
                response.setContentType(page.contentType());
                response.setLocale(locale);
            }
            response.setContentLength(page.body().length);
            response.getOutputStream().write(page.body());
        }

        /** The Thymeleaf view that renders the page (not needed when it is served from memory). */
        private View template(Locale locale) throws Exception {
            View view = views.resolveViewName(viewName, locale);
            if (view == null) {
                throw new IllegalStateException("No template " + viewName);
            }
            return view;
        }
    }

    /** A response whose headers go through and whose body is kept in memory. */
    private static final class Capture extends HttpServletResponseWrapper {

        private final ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
        private @Nullable PrintWriter writer;
        private @Nullable ServletOutputStream stream;

        Capture(HttpServletResponse response) {
            super(response);
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
                writer = new PrintWriter(new OutputStreamWriter(body, charset), false);
            }
            return writer;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) {
                        body.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        body.write(b, off, len);
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new UnsupportedOperationException();
                    }
                };
            }
            return stream;
        }

        @Override
        public void flushBuffer() {
            // Nothing is sent before the page is complete.
        }

        @Override
        public void setContentLength(int len) {}

        @Override
        public void setContentLengthLong(long len) {}

        Page page() {
            if (writer != null) {
                writer.flush();
            }
            String contentType = getContentType();
            return new Page(body.toByteArray(), contentType == null ? "text/html;charset=UTF-8" : contentType);
        }
    }
}
