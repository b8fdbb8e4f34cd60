/**
 * Each person's workspace: the dashboard that opens with "Việc cần làm" (what waits for this person, gathered from
 * every module's {@link vn.ocop.workspace.WorkQueue}) and the sections other modules contribute
 * ({@link vn.ocop.workspace.DashboardSection}), with the count of waiting work in the menu.
 */
@NullMarked
@ApplicationModule(displayName = "Workspace")
package vn.ocop.workspace;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
