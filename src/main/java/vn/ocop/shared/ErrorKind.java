package vn.ocop.shared;

/** What kind of failure an {@link ErrorCode} is; decides the HTTP status at the edge. */
public enum ErrorKind {
    /** The request is malformed or breaks a rule (400). */
    INVALID,
    /** The caller is not logged in or the credentials are wrong (401). */
    UNAUTHENTICATED,
    /** The caller may not do this, by role or by jurisdiction (403). */
    FORBIDDEN,
    /** The thing asked for does not exist, or the caller may not know that it exists (404). */
    NOT_FOUND,
    /** The request conflicts with the current state: a concurrent edit, a duplicate, an illegal transition (409). */
    CONFLICT,
    /** The upload is larger than allowed (413). */
    TOO_LARGE,
    /** Too many requests from one client or for one address in a while (429); the text says when to retry. */
    TOO_MANY_REQUESTS,
    /** The service failed; never used for a caller's mistake (500). */
    INTERNAL
}
