package vn.ocop.shared.db;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import vn.ocop.shared.CommonError;

/**
 * What a failed statement says about its cause, from PostgreSQL's SQLSTATE and constraint name: a unique constraint
 * or index that refused a duplicate, a foreign key, a NOT NULL or CHECK constraint, a value PostgreSQL cannot store.
 * Modules turn the violations they expect (e.g. the producers' unique tax code) into their own error codes and let
 * the others through; the web layer answers those with {@link #commonError}, never with another module's text.
 */
public final class DatabaseErrors {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private DatabaseErrors() {}

    /** Whether the failure is the named unique constraint (or unique index) refusing a duplicate. */
    public static boolean isUniqueViolation(Throwable failure, String constraint) {
        SQLException sql = sqlException(failure);
        return sql != null && UNIQUE_VIOLATION.equals(sql.getSQLState()) && constraint.equals(constraintOf(sql));
    }

    /**
     * The common error that describes a failed statement to a caller: a duplicate ({@code COMMON-012}, 409), a
     * reference to something missing or still in use ({@code COMMON-013}, 409), a value outside what the column
     * accepts ({@code COMMON-014}, 400: NOT NULL, CHECK, too long, out of range, not storable); {@code null} when
     * the failure is not the data's fault (a lost connection, a deadlock, a bug in a statement).
     */
    public static @Nullable CommonError commonError(Throwable failure) {
        SQLException sql = sqlException(failure);
        String state = sql == null ? null : sql.getSQLState();
        if (state == null) {
            return null;
        }
        if (state.equals(UNIQUE_VIOLATION)) {
            return CommonError.DUPLICATE_RECORD;
        }
        if (state.equals(FOREIGN_KEY_VIOLATION)) {
            return CommonError.REFERENCE_CONFLICT;
        }
        // 23xxx integrity constraints (NOT NULL, CHECK, exclusion), 22xxx data exceptions (too long, out of range,
        // invalid text such as a NUL character).
        if (state.startsWith("23") || state.startsWith("22")) {
            return CommonError.INVALID_VALUE;
        }
        return null;
    }

    /** The constraint (or index) a PostgreSQL error names, or {@code null}. */
    public static @Nullable String constraintOf(Throwable failure) {
        SQLException sql = sqlException(failure);
        if (sql instanceof PSQLException psql) {
            ServerErrorMessage message = psql.getServerErrorMessage();
            return message == null ? null : message.getConstraint();
        }
        return null;
    }

    private static @Nullable SQLException sqlException(Throwable failure) {
        SQLException found = null;
        for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof SQLException sql) {
                found = sql; // the innermost one carries the server's message
            }
        }
        return found;
    }
}
