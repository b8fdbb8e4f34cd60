/**
 * Producers (chủ thể OCOP): cooperatives, cooperative groups, enterprises and household businesses, located in a
 * commune of the current scheme; the flags used by programme targets; producer accounts.
 */
@NullMarked
@ApplicationModule(displayName = "Producers")
package vn.ocop.producer;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
