package vn.ocop.evaluation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import vn.ocop.evaluation.CriteriaComparison;
import vn.ocop.evaluation.CriteriaSetSummary;
import vn.ocop.evaluation.CriteriaSets;
import vn.ocop.evaluation.CriteriaVersion;
import vn.ocop.evaluation.criteria.CriteriaSetDefinition;
import vn.ocop.evaluation.criteria.ScoringResult;
import vn.ocop.identity.CurrentUser;

/** Criteria versions and sets (public reference data), self-assessment (public), version import (administrators). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Criteria", description = "Bộ tiêu chí đánh giá, phân hạng sản phẩm OCOP")
class CriteriaApi {

    private final CriteriaSets criteria;

    CriteriaApi(CriteriaSets criteria) {
        this.criteria = criteria;
    }

    @GetMapping("/criteria-versions")
    @Operation(summary = "Criteria versions (decisions), the current one first")
    List<CriteriaVersion> versions() {
        return criteria.versions();
    }

    @GetMapping("/criteria-sets")
    @Operation(summary = "The sets of a version (default: the current one)")
    List<CriteriaSetSummary> sets(@RequestParam(required = false) @Nullable String version) {
        return criteria.sets(version == null ? criteria.currentVersion() : version);
    }

    @GetMapping("/criteria-sets/{version}/{set}")
    @Operation(summary = "One criteria set in full: parts, criteria, options with points and star markers")
    CriteriaSetDefinition set(@PathVariable String version, @PathVariable int set) {
        return criteria.set(version, set);
    }

    /** Chosen option index (0-based, as listed in the set) per criterion code. */
    record Assessment(@NotNull @Size(max = 100) Map<String, Integer> choices) {}

    @PostMapping("/criteria-sets/{version}/{set}/assessments")
    @Operation(
            summary = "Self-assessment: subtotals, total, star, caps and what is missing for the next star (stateless)")
    ScoringResult assess(
            @PathVariable String version, @PathVariable int set, @Valid @RequestBody Assessment assessment) {
        return criteria.assess(version, set, assessment.choices());
    }

    @GetMapping("/criteria-versions/{from}/compare/{to}")
    @Operation(summary = "How a set differs between two versions")
    CriteriaComparison compare(@PathVariable String from, @PathVariable String to, @RequestParam int set) {
        return criteria.compare(from, to, set);
    }

    /** A new version: its code, decision, start date and the sets in the criteria-data JSON format. */
    record NewVersion(
            @NotBlank @Size(max = 20) String code,
            @NotBlank @Size(max = 500) String decision,
            @Nullable LocalDate effectiveFrom,
            @NotEmpty @Size(max = 99) List<JsonNode> sets) {}

    @PostMapping("/criteria-versions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Import a new criteria version as a draft (system administrators)",
            security = @SecurityRequirement(name = "bearer"))
    CriteriaVersion importVersion(@Valid @RequestBody NewVersion version, CurrentUser actor) {
        return criteria.importVersion(
                version.code(),
                version.decision(),
                version.effectiveFrom(),
                version.sets().stream().map(JsonNode::toString).toList(),
                actor);
    }
}
