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

    /**
     * The communes of a province of the current scheme as {@code <option>} elements, for the commune pickers of other
     * pages (htmx swaps them into a select). An empty or unknown province gives only the blank option.
     *
     * @param blank {@code all} for a filter ("all communes"), {@code choose} for a form ("choose a commune")
     */
    @GetMapping("/admin-units/commune-options")
    String communeOptions(
            @RequestParam(defaultValue = "") String province,
            @RequestParam(defaultValue = "") String selected,
            @RequestParam(defaultValue = "all") String blank,
            Model model) {
        String code = province.strip();
        model.addAttribute(
                "communes",
                code.isEmpty() || code.length() > 10
                        ? java.util.List.of()
                        : units.find(AdminEdition.CURRENT, code)
                                .filter(AdminUnit::isProvince)
                                .map(p -> units.children(AdminEdition.CURRENT, p.code()))
                                .orElse(java.util.List.of()));
        model.addAttribute("selected", selected);
        model.addAttribute("blank", "choose".equals(blank) ? "choose" : "all");
        return "admin-units/options :: options";
    }

    private AdminUnit unit(String edition, String code) {
        return units.find(edition, code)
                .orElseThrow(() -> new OcopException(GeographyError.UNIT_NOT_FOUND, code, edition));
    }
}
