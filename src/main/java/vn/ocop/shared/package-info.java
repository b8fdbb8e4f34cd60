/**
 * Technical building blocks every module may use: error base types, the audit event contract, the clock, and the
 * infrastructure (embedded database, web error handling, i18n) in internal sub-packages. No business rules.
 */
@NullMarked
@ApplicationModule(displayName = "Shared kernel", type = ApplicationModule.Type.OPEN)
package vn.ocop.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
