package vn.ocop.shared;

import java.util.Arrays;

/**
 * A business failure with a stable {@link ErrorCode}. The message arguments fill the localized text of
 * {@code error.<code>}; the exception message itself is English, for logs only.
 */
public class OcopException extends RuntimeException {

    private final ErrorCode errorCode;
    private final Object[] arguments;

    public OcopException(ErrorCode errorCode, Object... arguments) {
        super(errorCode.code() + " " + Arrays.toString(arguments));
        this.errorCode = errorCode;
        this.arguments = arguments.clone();
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    /** "Not found" for the given kind of thing and key, e.g. {@code notFound("admin-unit", "01")}. */
    public static OcopException notFound(String what, Object key) {
        return new OcopException(CommonError.NOT_FOUND, what, key);
    }

    public static OcopException forbidden() {
        return new OcopException(CommonError.ACCESS_DENIED);
    }
}
