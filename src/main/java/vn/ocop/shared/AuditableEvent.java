package vn.ocop.shared;

import org.jspecify.annotations.Nullable;

/**
 * A domain event that belongs in the audit trail. The audit module records every published event of this type in the
 * same transaction as the change, together with the acting user taken from the security context.
 */
public interface AuditableEvent {

    /** Past-tense action, e.g. {@code user.created}. */
    String auditAction();

    /** Kind of object acted on, e.g. {@code user}. */
    String auditObjectType();

    /** Identifier of the object acted on; a public code or database id. */
    String auditObjectId();

    /** Short before/after summary for people reading the trail; no secrets. */
    String auditSummary();

    /** Administrative unit the object belongs to, if any, so the trail can be filtered by jurisdiction. */
    default @Nullable String auditLocation() {
        return null;
    }

    /**
     * Who acted, when the security context does not say it (e.g. a login that is not yet authenticated);
     * {@code null} to take the logged-in user.
     */
    default @Nullable String auditActor() {
        return null;
    }
}
