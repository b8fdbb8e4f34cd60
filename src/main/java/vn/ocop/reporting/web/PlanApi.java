package vn.ocop.reporting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.identity.CurrentUser;
import vn.ocop.reporting.PlanView;
import vn.ocop.reporting.Plans;
import vn.ocop.reporting.TargetType;

/**
 * Programme plans: a province's plans by its province officers, the nation's by the central office; read by whoever
 * reads the unit's reports. Amending adds a version; earlier versions stay readable ({@code ?version=}).
 */
@RestController
@RequestMapping("/api/v1/plans")
@Tag(name = "Plans", description = "Kế hoạch và chỉ tiêu OCOP")
@SecurityRequirement(name = "bearer")
class PlanApi {

    private final Plans plans;

    PlanApi(Plans plans) {
        this.plans = plans;
    }

    @GetMapping
    @Operation(summary = "Plans of a unit (omitted: the caller's own: the nation, or the officer's jurisdiction)")
    List<PlanView> list(@RequestParam(required = false) @Nullable @Size(max = 10) String unit, CurrentUser actor) {
        return plans.list(unit, actor);
    }

    @PostMapping
    @Operation(summary = "Adopt a plan (version 1) for a province (`unit`) or the nation (no `unit`)")
    ResponseEntity<PlanView> adopt(@Valid @RequestBody Plans.NewPlan plan, CurrentUser actor) {
        PlanView created = plans.adopt(plan, actor);
        return ResponseEntity.created(URI.create("/api/v1/plans/" + created.id()))
                .body(created);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One plan with the targets of a version (default: the current one) and every version")
    PlanView one(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable @Min(1) Integer version,
            CurrentUser actor) {
        return plans.get(id, version, actor);
    }

    @PostMapping("/{id}/versions")
    @Operation(summary = "Amend a plan: a new version with its complete targets; 409 when `lock` is stale")
    PlanView amend(@PathVariable long id, @Valid @RequestBody Plans.Amendment amendment, CurrentUser actor) {
        return plans.amend(id, amendment, actor);
    }

    @GetMapping("/target-types")
    @Operation(summary = "The kinds of target plans choose from")
    List<TargetType> targetTypes() {
        return plans.targetTypes(false);
    }

    @PostMapping("/target-types")
    @Operation(summary = "Add a kind of target (central office and administrators)")
    ResponseEntity<TargetType> addTargetType(@Valid @RequestBody Plans.NewTargetType type, CurrentUser actor) {
        TargetType added = plans.addTargetType(type, actor);
        return ResponseEntity.created(URI.create("/api/v1/plans/target-types")).body(added);
    }
}
