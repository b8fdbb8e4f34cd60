package vn.ocop.shared.web;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import vn.ocop.shared.CommonError;
import vn.ocop.shared.ErrorCode;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.db.DatabaseErrors;

/** Renders failures of page controllers as the localized error page with the right status. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PageExceptionHandler.class);

    private final Problems problems;

    PageExceptionHandler(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(OcopException.class)
    ModelAndView business(OcopException e) {
        return page(e.errorCode(), e.arguments());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView denied(AccessDeniedException e) {
        return page(CommonError.ACCESS_DENIED);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ModelAndView concurrentEdit(OptimisticLockingFailureException e) {
        return page(CommonError.CONCURRENT_MODIFICATION);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView typeMismatch(MethodArgumentTypeMismatchException e) {
        return page(CommonError.INVALID_PARAMETER, e.getName());
    }

    /** A statement the database refused and no module explained: its real cause, or the 500 page. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ModelAndView integrity(DataIntegrityViolationException e) {
        CommonError code = DatabaseErrors.commonError(e);
        if (code == null) {
            log.error("Page failure", e);
            return page(CommonError.INTERNAL_ERROR);
        }
        return page(code);
    }

    /** An upload above the multipart limits (pages that take uploads may answer it more precisely themselves). */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView uploadTooLarge(MaxUploadSizeExceededException e) {
        return page(CommonError.PAYLOAD_TOO_LARGE);
    }

    /** A multipart body that cannot be parsed: the client's mistake, not a server failure. */
    @ExceptionHandler(MultipartException.class)
    ModelAndView malformedUpload(MultipartException e) {
        return page(CommonError.MALFORMED_REQUEST);
    }

    private ModelAndView page(ErrorCode code, Object... arguments) {
        HttpStatus status = Problems.status(code.kind());
        if (status.is5xxServerError()) {
            log.error("Page failure {}", code.code());
        }
        return new ModelAndView(
                "error",
                Map.of(
                        "status", status.value(),
                        "code", code.code(),
                        "detail", problems.message(code.messageKey(), arguments)),
                status);
    }
}
