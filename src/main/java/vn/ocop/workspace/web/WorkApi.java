package vn.ocop.workspace.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.identity.CurrentUser;
import vn.ocop.workspace.WorkItem;
import vn.ocop.workspace.Workspace;

/** The caller's own work queue. */
@RestController
@RequestMapping("/api/v1/work-items")
@Tag(name = "Workspace", description = "Việc cần làm của người dùng")
@SecurityRequirement(name = "bearer")
class WorkApi {

    private final Workspace workspace;

    WorkApi(Workspace workspace) {
        this.workspace = workspace;
    }

    @GetMapping
    @Operation(summary = "What waits for the caller, oldest first")
    List<WorkItem> mine(CurrentUser actor) {
        return workspace.workFor(actor);
    }
}
