package vn.ocop.shared;

/**
 * A stable, documented error code such as {@code GEO-001}. Codes never change meaning once released: API clients
 * branch on them. The human text is in the message bundles under {@code error.<code>}.
 */
public interface ErrorCode {

    /** The stable code, e.g. {@code GEO-001}. */
    String code();

    ErrorKind kind();

    default String messageKey() {
        return "error." + code();
    }
}
