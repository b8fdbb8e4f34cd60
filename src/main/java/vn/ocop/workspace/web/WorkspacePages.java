package vn.ocop.workspace.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.ocop.geography.AdminEdition;
import vn.ocop.geography.AdminUnits;
import vn.ocop.identity.CurrentUser;
import vn.ocop.workspace.Workspace;

/**
 * The dashboard every signed-in person lands on: "Việc cần làm" first, then the sections of the modules, then links;
 * and the count of waiting work next to the menu's dashboard link (loaded by htmx, like the unread notifications).
 */
@Controller
class WorkspacePages {

    private final Workspace workspace;
    private final AdminUnits units;

    WorkspacePages(Workspace workspace, AdminUnits units) {
        this.workspace = workspace;
        this.units = units;
    }

    @GetMapping("/dashboard")
    String dashboard(CurrentUser actor, Model model) {
        model.addAttribute("user", actor);
        model.addAttribute(
                "jurisdiction",
                actor.jurisdictionCode() == null
                        ? null
                        : units.find(AdminEdition.CURRENT, actor.jurisdictionCode())
                                .orElse(null));
        model.addAttribute("work", workspace.workFor(actor));
        model.addAttribute("today", workspace.today());
        model.addAttribute("sections", workspace.sectionsFor(actor));
        return "workspace/dashboard";
    }

    @GetMapping("/workspace/badge")
    String badge(CurrentUser actor, Model model) {
        model.addAttribute("waiting", workspace.countFor(actor));
        return "workspace/fragments :: badge";
    }
}
