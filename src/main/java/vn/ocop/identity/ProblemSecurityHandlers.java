package vn.ocop.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;
import vn.ocop.shared.CommonError;
import vn.ocop.shared.ErrorCode;
import vn.ocop.shared.web.Problems;

/** 401 and 403 of the API as RFC 9457 problem JSON, in the caller's language (security runs before MVC). */
@Component
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final Problems problems;
    private final LocaleResolver localeResolver;
    private final JsonMapper json;

    ProblemSecurityHandlers(Problems problems, LocaleResolver localeResolver, JsonMapper json) {
        this.problems = problems;
        this.localeResolver = localeResolver;
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String challenge = e instanceof InvalidBearerTokenException
                ? "Bearer realm=\"ocop\", error=\"invalid_token\""
                : "Bearer realm=\"ocop\"";
        response.setHeader("WWW-Authenticate", challenge);
        write(request, response, CommonError.UNAUTHENTICATED);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(request, response, CommonError.ACCESS_DENIED);
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code) throws IOException {
        Locale previous = LocaleContextHolder.getLocale();
        LocaleContextHolder.setLocale(localeResolver.resolveLocale(request));
        try {
            ProblemDetail problem = problems.of(code);
            problem.setInstance(java.net.URI.create(request.getRequestURI()));
            response.setStatus(problem.getStatus());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), problem);
        } finally {
            LocaleContextHolder.setLocale(previous);
        }
    }
}
