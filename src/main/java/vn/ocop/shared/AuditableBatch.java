package vn.ocop.shared;

import java.util.List;

/**
 * Many {@link AuditableEvent}s published at once by a bulk operation (a spreadsheet import). The audit module writes
 * each of them as its own entry, in the publisher's transaction, with one batched insert instead of one per event.
 * Listeners of the single event types are not called for the events inside a batch.
 */
public interface AuditableBatch {

    /** The events to record, in order; may be empty. */
    List<? extends AuditableEvent> auditEvents();
}
