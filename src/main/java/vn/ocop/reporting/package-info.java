/**
 * Programme management (issue #14): plans with typed targets, support activities, and the figures of any unit, current
 * or legacy, on any day, for dashboards, report pages, exports and the API, all from one query layer over a read model
 * of its own fed by the other modules' events.
 */
@NullMarked
@ApplicationModule(displayName = "Reporting")
package vn.ocop.reporting;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
