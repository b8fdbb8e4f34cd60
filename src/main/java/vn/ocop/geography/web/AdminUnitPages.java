package vn.ocop.geography.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ocop.geography.AdminEdition;
import vn.ocop.geography.AdminUnit;
import vn.ocop.geography.AdminUnits;
import vn.ocop.geography.GeographyError;
import vn.ocop.shared.OcopException;

/** Public pages to browse the administrative-unit tree of either scheme; htmx loads children and search results. */
@Controller
class AdminUnitPages {

    private final AdminUnits units;

    AdminUnitPages(AdminUnits units) {
        this.units = units;
    }

    @GetMapping("/admin-units")
    String index(
            @RequestParam(defaultValue = AdminEdition.CURRENT) String edition,
            @RequestParam(required = false) @Nullable String province,
            Model model) {
        model.addAttribute("editions", units.editions());
        model.addAttribute("edition", edition);
        model.addAttribute("provinces", units.list(edition, "province"));
        if (province != null) {
            AdminUnit selected = unit(edition, province);
            model.addAttribute("selected", selected);
            model.addAttribute("children", units.children(edition, selected.code()));
        }
        return "admin-units/index";
    }

    @GetMapping("/admin-units/{code}/children")
    String children(
            @PathVariable String code, @RequestParam(defaultValue = AdminEdition.CURRENT) String edition, Model model) {
        model.addAttribute("selected", unit(edition, code));
        model.addAttribute("children", units.children(edition, code));
        return "admin-units/children :: children";
    }

    @GetMapping("/admin-units/search")
    String search(
            @RequestParam(defaultValue = AdminEdition.CURRENT) String edition,
            @RequestParam(defaultValue = "") String q,
            Model model) {
        String text = q.strip();
        model.addAttribute(
                "results",
                text.length() < 2
                        ? java.util.List.of()
                        : units.search(edition, text.substring(0, Math.min(100, text.length())), null, 30));
        return "admin-units/search :: results";
    }

    private AdminUnit unit(String edition, String code) {
        return units.find(edition, code)
                .orElseThrow(() -> new OcopException(GeographyError.UNIT_NOT_FOUND, code, edition));
    }
}
