package vn.ocop.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.ocop.shared.CommonError;
import vn.ocop.shared.ErrorCode;

/**
 * Refuses two kinds of input before anything reads them:
 *
 * <ul>
 *   <li>a body (JSON, form) larger than {@code ocop.web.max-body-size}: 413 ({@code COMMON-009}) from its declared
 *       length, or as soon as a body without one grows past it; uploads ({@code multipart/*}) have their own limits;
 *   <li>a NUL character (code 0) in a parameter or a JSON text, raw or as {@code \u0000}: 400 ({@code COMMON-011}).
 *       No text of the platform contains one, and PostgreSQL cannot store it: it would fail deep inside a write.
 * </ul>
 *
 * Refusals go through the error page ({@link OcopErrorController}), so the API answers problem JSON and pages the
 * localized error page with the precise text.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30) // after UploadLimitFilter, whose parameters stay readable for big uploads
class RequestGuardFilter extends OncePerRequestFilter {

    private final long maxBodyBytes;

    RequestGuardFilter(@Value("${ocop.web.max-body-size:5MB}") DataSize maxBodySize) {
        this.maxBodyBytes = maxBodySize.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type =
                request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        boolean upload = type.startsWith("multipart/");
        if (!upload && request.getContentLengthLong() > maxBodyBytes) {
            refuse(request, response, CommonError.PAYLOAD_TOO_LARGE);
            return;
        }
        if (hasNul(request.getParameterMap())) {
            refuse(request, response, CommonError.INVALID_CHARACTER);
            return;
        }
        chain.doFilter(upload ? request : new GuardedBody(request, maxBodyBytes, type.contains("json")), response);
    }

    private static boolean hasNul(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            if (parameter.getKey().indexOf('\0') >= 0) {
                return true;
            }
            for (String value : parameter.getValue()) {
                if (value != null && value.indexOf('\0') >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, ErrorCode code)
            throws IOException {
        request.setAttribute(OcopErrorController.ERROR_CODE, code);
        response.sendError(Problems.status(code.kind()).value());
    }

    /** A body refused while it was read; the API's exception handler answers it with its code. */
    static final class RefusedBody extends IOException {

        private final transient ErrorCode code;

        RefusedBody(ErrorCode code) {
            super(code.code());
            this.code = code;
        }

        ErrorCode code() {
            return code;
        }
    }

    /** The request with a body that counts its bytes and, for JSON, looks for the escape of NUL. */
    private static final class GuardedBody extends HttpServletRequestWrapper {

        private final long limit;
        private final boolean json;
        private ServletInputStream stream;

        GuardedBody(HttpServletRequest request, long limit, boolean json) {
            super(request);
            this.limit = limit;
            this.json = json;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new GuardedStream(super.getInputStream(), limit, json);
            }
            return stream;
        }
    }

    private static final class GuardedStream extends ServletInputStream {

        private static final byte[] NUL_ESCAPE = {'u', '0', '0', '0', '0'};

        private final ServletInputStream in;
        private final long limit;
        private final boolean json;
        private long count;
        /** After an unescaped backslash. */
        private boolean escaped;
        /** How much of {@code u0000} follows that backslash so far; -1 when not in an escape. */
        private int matched = -1;

        GuardedStream(ServletInputStream in, long limit, boolean json) {
            this.in = in;
            this.limit = limit;
            this.json = json;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                check((byte) b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            for (int i = 0; i < n; i++) {
                check(buffer[offset + i]);
            }
            return n;
        }

        private void check(byte b) throws RefusedBody {
            if (++count > limit) {
                throw new RefusedBody(CommonError.PAYLOAD_TOO_LARGE);
            }
            if (!json) {
                return;
            }
            if (b == 0) {
                throw new RefusedBody(CommonError.INVALID_CHARACTER);
            }
            if (matched >= 0) {
                if ((b | 0x20) == (NUL_ESCAPE[matched] | 0x20)) { // hex digits in either case
                    if (++matched == NUL_ESCAPE.length) {
                        throw new RefusedBody(CommonError.INVALID_CHARACTER);
                    }
                    return;
                }
                matched = -1;
            }
            if (escaped) {
                escaped = false;
                if (b == 'u') {
                    matched = 1;
                }
            } else if (b == '\\') {
                escaped = true;
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
