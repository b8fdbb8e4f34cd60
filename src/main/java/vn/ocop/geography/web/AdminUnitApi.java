package vn.ocop.geography.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.geography.AdminEdition;
import vn.ocop.geography.AdminUnit;
import vn.ocop.geography.AdminUnits;
import vn.ocop.geography.GeographyError;
import vn.ocop.geography.UnitSuccession;
import vn.ocop.shared.OcopException;

/** Public reference data: administrative units of the current and legacy schemes. */
@RestController
@RequestMapping("/api/v1/admin-units")
@Tag(name = "Administrative units", description = "Provinces and communes, current (2025) and legacy (63 provinces)")
class AdminUnitApi {

    private final AdminUnits units;

    AdminUnitApi(AdminUnits units) {
        this.units = units;
    }

    @GetMapping
    @Operation(summary = "Units of one level, or matching a search text (accent-insensitive)")
    List<AdminUnit> list(
            @RequestParam(required = false) @Nullable String level,
            @RequestParam(defaultValue = AdminEdition.CURRENT) String edition,
            @RequestParam(required = false) @Nullable @Size(min = 1, max = 100) String q,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        if (q != null) {
            return units.search(edition, q, level, limit);
        }
        return units.list(edition, level == null ? "province" : level);
    }

    @GetMapping("/editions")
    @Operation(summary = "The recorded schemes of administrative units")
    List<AdminEdition> editions() {
        return units.editions();
    }

    @GetMapping("/{code}")
    @Operation(summary = "One unit")
    AdminUnit one(@PathVariable String code, @RequestParam(defaultValue = AdminEdition.CURRENT) String edition) {
        return units.find(edition, code)
                .orElseThrow(() -> new OcopException(GeographyError.UNIT_NOT_FOUND, code, edition));
    }

    @GetMapping("/{code}/children")
    @Operation(summary = "Direct children of a unit, in Vietnamese alphabetical order")
    List<AdminUnit> children(
            @PathVariable String code, @RequestParam(defaultValue = AdminEdition.CURRENT) String edition) {
        return units.children(edition, code);
    }

    @GetMapping("/legacy/{code}/successors")
    @Operation(summary = "The current units that a legacy (pre-1/7/2025) unit went into")
    List<UnitSuccession> successors(@PathVariable String code) {
        return units.successorsOf(code);
    }
}
