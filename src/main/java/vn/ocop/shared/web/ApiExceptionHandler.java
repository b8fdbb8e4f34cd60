package vn.ocop.shared.web;

import jakarta.validation.ConstraintViolationException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import vn.ocop.shared.CommonError;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.db.DatabaseErrors;

/**
 * Turns every failure of a REST controller into an RFC 9457 problem with a stable code and a localized text. A
 * caller's mistake is never a 500; unexpected failures are logged with their stack trace and answered without one.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final Problems problems;

    ApiExceptionHandler(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(OcopException.class)
    ResponseEntity<ProblemDetail> business(OcopException e) {
        return respond(problems.of(e.errorCode(), e.arguments()));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentEdit(OptimisticLockingFailureException e) {
        return respond(problems.of(CommonError.CONCURRENT_MODIFICATION));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return respond(problems.of(CommonError.ACCESS_DENIED));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
        List<Problems.FieldProblem> fields = e.getConstraintViolations().stream()
                .map(v -> new Problems.FieldProblem(
                        v.getPropertyPath().toString(),
                        v.getConstraintDescriptor()
                                .getAnnotation()
                                .annotationType()
                                .getSimpleName(),
                        v.getMessage()))
                .toList();
        return respond(problems.of(CommonError.VALIDATION_FAILED, fields));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return respond(problems.of(CommonError.INTERNAL_ERROR));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problems.FieldProblem> fields = e.getBindingResult().getAllErrors().stream()
                .map(error -> new Problems.FieldProblem(
                        error instanceof FieldError fe ? fe.getField() : error.getObjectName(),
                        error.getCode() == null ? "invalid" : error.getCode(),
                        problems.message(error)))
                .toList();
        return cast(respond(problems.of(CommonError.VALIDATION_FAILED, fields)));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problems.FieldProblem> fields = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new Problems.FieldProblem(
                                result.getMethodParameter().getParameterName(),
                                error.getCodes() == null || error.getCodes().length == 0
                                        ? "invalid"
                                        : error.getCodes()[error.getCodes().length - 1],
                                problems.message(error))))
                .toList();
        return cast(respond(problems.of(CommonError.VALIDATION_FAILED, fields)));
    }

    /**
     * A body that cannot be turned into the request: too large or with a NUL character (refused while read, see
     * {@link RequestGuardFilter}), a value of the wrong type or {@code null} where a value is needed (which field, and
     * what it must be), or no JSON at all.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof RequestGuardFilter.RefusedBody refused) {
                return cast(respond(problems.of(refused.code())));
            }
            if (cause instanceof MismatchedInputException mismatch) {
                return cast(respond(problems.of(CommonError.VALIDATION_FAILED, List.of(fieldProblem(mismatch)))));
            }
        }
        return cast(respond(problems.of(CommonError.MALFORMED_REQUEST)));
    }

    /** The field a JSON value was wrong for ({@code choices.1.1}, {@code lines[2].star}) and what it must be. */
    private Problems.FieldProblem fieldProblem(MismatchedInputException e) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        String expected = e instanceof InvalidNullException ? "required" : expectedType(e.getTargetType());
        return new Problems.FieldProblem(
                field.isEmpty() ? "body" : field.toString(), expected, problems.message("problem.field." + expected));
    }

    private static String expectedType(@Nullable Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == Integer.class
                || type == int.class
                || type == Long.class
                || type == long.class
                || type == Short.class
                || type == short.class) {
            return "integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type == String.class) {
            return "text";
        }
        if (type.isEnum()) {
            return "choice";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "date";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "list";
        }
        return "object";
    }

    /**
     * A statement the database refused and no module turned into its own error: answered for its real cause
     * (duplicate, missing reference, value out of range), never as another thing's conflict; a failure that is not
     * the data's fault stays a 500.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
        CommonError code = DatabaseErrors.commonError(e);
        if (code == null) {
            return unexpected(e);
        }
        log.info(
                "Refused by the database ({}): {}",
                code.code(),
                e.getMostSpecificCause().getMessage());
        return respond(problems.of(code));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return cast(respond(problems.of(CommonError.INVALID_PARAMETER, e.getParameterName())));
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(
            HttpRequestMethodNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problems.of(CommonError.METHOD_NOT_ALLOWED, e.getMethod());
        problem.setStatus(405);
        return ResponseEntity.status(405).headers(headers).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problems.of(CommonError.UNSUPPORTED_MEDIA_TYPE, String.valueOf(e.getContentType()));
        problem.setStatus(415);
        return ResponseEntity.status(415).headers(headers).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return cast(respond(problems.of(CommonError.NOT_FOUND, "resource", e.getResourcePath())));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return cast(respond(problems.of(CommonError.PAYLOAD_TOO_LARGE)));
    }

    /** A multipart body that cannot be parsed (the size limit is handled above): the client's mistake. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> malformedMultipart(MultipartException e) {
        return respond(problems.of(CommonError.MALFORMED_REQUEST));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return respond(problems.of(CommonError.INVALID_PARAMETER, e.getName()));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // Anything Spring MVC maps itself (e.g. 406, missing path variable): keep its status, add our code and text.
        CommonError code = status.is5xxServerError() ? CommonError.INTERNAL_ERROR : CommonError.MALFORMED_REQUEST;
        if (status.is5xxServerError()) {
            log.error("MVC failure", e);
        }
        ProblemDetail problem = problems.of(code);
        problem.setStatus(status.value());
        return ResponseEntity.status(status).headers(headers).body(problem);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> cast(ResponseEntity<ProblemDetail> response) {
        return (ResponseEntity) response;
    }
}
