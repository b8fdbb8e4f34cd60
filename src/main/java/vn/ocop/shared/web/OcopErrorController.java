package vn.ocop.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import vn.ocop.shared.CommonError;
import vn.ocop.shared.ErrorCode;

/**
 * Answers errors that never reached a controller (unknown URL, rejected by a filter, container errors): problem JSON
 * for the API and API-minded clients, a localized HTML page for browsers.
 */
@Controller
class OcopErrorController implements ErrorController {

    /** Request attribute: the {@link ErrorCode} a filter refused the request with, for a precise text. */
    static final String ERROR_CODE = OcopErrorController.class.getName() + ".code";

    private final Problems problems;

    OcopErrorController(Problems problems) {
        this.problems = problems;
    }

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    Object page(HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = statusOf(request);
        if (isApi(request)) {
            // An API URL opened in a browser still gets problem JSON: clients must never have to parse HTML.
            return problem(request);
        }
        response.setStatus(status.value());
        Map<String, Object> model = new java.util.HashMap<>();
        model.put("status", status.value());
        model.put("code", codeFor(request, status).code());
        if (request.getAttribute(ERROR_CODE) instanceof ErrorCode refused) {
            model.put("detail", problems.message(refused.messageKey()));
        }
        return new ModelAndView("error", model, status);
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = statusOf(request);
        ProblemDetail problem = problems.of(codeFor(request, status), "resource", originalUri(request));
        problem.setStatus(status.value());
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static ErrorCode codeFor(HttpServletRequest request, HttpStatus status) {
        return request.getAttribute(ERROR_CODE) instanceof ErrorCode code ? code : codeFor(status);
    }

    private static CommonError codeFor(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> CommonError.NOT_FOUND;
            case FORBIDDEN -> CommonError.ACCESS_DENIED;
            case UNAUTHORIZED -> CommonError.UNAUTHENTICATED;
            case METHOD_NOT_ALLOWED -> CommonError.METHOD_NOT_ALLOWED;
            case UNSUPPORTED_MEDIA_TYPE -> CommonError.UNSUPPORTED_MEDIA_TYPE;
            case CONTENT_TOO_LARGE -> CommonError.PAYLOAD_TOO_LARGE;
            case CONFLICT -> CommonError.CONCURRENT_MODIFICATION;
            default -> status.is4xxClientError() ? CommonError.MALFORMED_REQUEST : CommonError.INTERNAL_ERROR;
        };
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            // Not an error dispatch of the container: someone opened /error itself, which is no page.
            return HttpStatus.NOT_FOUND;
        }
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static String originalUri(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri == null ? "" : uri.toString();
    }

    private static boolean isApi(HttpServletRequest request) {
        return originalUri(request).startsWith(request.getContextPath() + "/api/");
    }
}
