/**
 * The append-only audit trail: every {@link vn.ocop.shared.AuditableEvent} any module publishes is written in the
 * same transaction as the change it describes, with who did it and when. Administrators browse and filter it.
 */
@NullMarked
@ApplicationModule(displayName = "Audit")
package vn.ocop.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
