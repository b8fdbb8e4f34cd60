package vn.ocop.shared.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import vn.ocop.shared.ErrorCode;
import vn.ocop.shared.ErrorKind;

/**
 * Builds RFC 9457 problem details with a stable {@code code} and localized {@code title}/{@code detail}. Used by the
 * API exception handler, the error controller and the security entry points, so every error looks the same.
 */
@Component
public class Problems {

    private final MessageSource messages;

    Problems(MessageSource messages) {
        this.messages = messages;
    }

    public ProblemDetail of(ErrorCode code, Object... arguments) {
        return of(code, null, arguments);
    }

    public ProblemDetail of(ErrorCode code, List<FieldProblem> fieldProblems, Object... arguments) {
        Locale locale = LocaleContextHolder.getLocale();
        HttpStatus status = status(code.kind());
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create("urn:ocop:error:" + code.code()));
        problem.setTitle(
                messages.getMessage("error.title." + code.kind().name(), null, status.getReasonPhrase(), locale));
        problem.setDetail(messages.getMessage(code.messageKey(), joinLists(arguments, locale), code.code(), locale));
        problem.setProperty("code", code.code());
        if (fieldProblems != null && !fieldProblems.isEmpty()) {
            problem.setProperty("errors", fieldProblems);
        }
        return problem;
    }

    public String message(String key, Object... arguments) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, joinLists(arguments, locale), key, locale);
    }

    /**
     * An argument that is a list (e.g. the missing items of a checklist, as message keys or resolvables) becomes one
     * text: each item resolved in the reader's language, joined with commas.
     */
    private Object[] joinLists(Object[] arguments, Locale locale) {
        Object[] joined = arguments.clone();
        for (int i = 0; i < joined.length; i++) {
            if (joined[i] instanceof List<?> items) {
                joined[i] = String.join(
                        ", ",
                        items.stream()
                                .map(item -> item instanceof MessageSourceResolvable resolvable
                                        ? messages.getMessage(resolvable, locale)
                                        : String.valueOf(item))
                                .toList());
            }
        }
        return joined;
    }

    public String message(MessageSourceResolvable resolvable) {
        return messages.getMessage(resolvable, LocaleContextHolder.getLocale());
    }

    public static HttpStatus status(ErrorKind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
            case INTERNAL -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }

    /** One invalid field of a request: where, which rule, and the localized message. */
    public record FieldProblem(String field, String rule, String message) {}
}
