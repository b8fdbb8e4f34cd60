package vn.ocop.reporting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.identity.CurrentUser;
import vn.ocop.reporting.SupportActivities;
import vn.ocop.reporting.SupportActivityView;
import vn.ocop.reporting.SupportKind;
import vn.ocop.shared.PageResult;

/** Support activities recorded by officers in their jurisdiction, with their beneficiaries. */
@RestController
@RequestMapping("/api/v1/support-activities")
@Tag(name = "Support activities", description = "Hoạt động hỗ trợ chủ thể OCOP")
@SecurityRequirement(name = "bearer")
class SupportApi {

    private final SupportActivities activities;

    SupportApi(SupportActivities activities) {
        this.activities = activities;
    }

    @GetMapping
    @Operation(summary = "Activities of a unit (omitted: the caller's own), newest first")
    PageResult<SupportActivityView> list(
            @RequestParam(required = false) @Nullable @Size(max = 10) String unit,
            @RequestParam(required = false) @Nullable SupportKind kind,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
            CurrentUser actor) {
        return activities.list(new SupportActivities.Filter(unit, kind, from, to), page, size, actor);
    }

    @PostMapping
    @Operation(summary = "Record an activity in a province or commune of the caller's jurisdiction")
    ResponseEntity<SupportActivityView> record(
            @Valid @RequestBody SupportActivities.Details details, CurrentUser actor) {
        SupportActivityView created = activities.record(details, actor);
        return ResponseEntity.created(URI.create("/api/v1/support-activities/" + created.id()))
                .body(created);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One activity with its beneficiaries and what became of the supported products")
    SupportActivityView one(@PathVariable long id, CurrentUser actor) {
        return activities.get(id, actor);
    }

    /** A change: the new details and the version they were based on. */
    record Change(
            @Valid @NotNull SupportActivities.Details details,
            @NotNull Long version) {}

    @PutMapping("/{id}")
    @Operation(summary = "Change an activity; 409 when `version` is not the current one")
    SupportActivityView update(@PathVariable long id, @Valid @RequestBody Change change, CurrentUser actor) {
        return activities.update(id, change.details(), change.version(), actor);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Remove an activity recorded by mistake; 409 when `version` is not the current one")
    ResponseEntity<Void> remove(@PathVariable long id, @RequestParam long version, CurrentUser actor) {
        activities.remove(id, version, actor);
        return ResponseEntity.noContent().build();
    }
}
