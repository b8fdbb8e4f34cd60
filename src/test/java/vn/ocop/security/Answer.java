package vn.ocop.security;

import org.jspecify.annotations.Nullable;

/**
 * What a call got, classified: {@code SUCCESS}; {@code REFUSED} (401, 403, 404, a redirect to the login page, or a
 * page that says "access denied"/"not found" in its error message); {@code REJECTED} (another 4xx, or a page that
 * reports a business or validation error); {@code SERVER_ERROR} (5xx).
 */
public record Answer(int status, Outcome outcome, @Nullable String detail, String content) {

    public Answer(int status, Outcome outcome, @Nullable String detail) {
        this(status, outcome, detail, "");
    }

    /** The same answer with the text of its body (JSON or HTML), for checks of what it shows. */
    public Answer withContent(String text) {
        return new Answer(status, outcome, detail, text);
    }

    public enum Outcome {
        SUCCESS,
        REFUSED,
        REJECTED,
        SERVER_ERROR
    }

    /** Allowed in the matrix' sense: not stopped by authentication or authorization (a 404 of the business is fine). */
    public boolean allowed() {
        return outcome == Outcome.SUCCESS
                || outcome == Outcome.REJECTED
                || (outcome == Outcome.REFUSED && status == 404);
    }

    public boolean refused() {
        return outcome == Outcome.REFUSED;
    }

    /** Whether the answer says nothing was done, so nothing may have been written. */
    public boolean failed() {
        return outcome != Outcome.SUCCESS;
    }

    @Override
    public String toString() {
        return status + " " + outcome + (detail == null || detail.isBlank() ? "" : " (" + abbreviate(detail) + ")");
    }

    private static String abbreviate(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }
}
