package vn.ocop.reporting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.identity.CurrentUser;
import vn.ocop.reporting.PlanProgress;
import vn.ocop.reporting.Plans;
import vn.ocop.reporting.ReportFigures;
import vn.ocop.reporting.Summary;
import vn.ocop.reporting.SupportActivities;

/**
 * The programme's figures for API clients: the same query layer as the dashboards and report pages. Officers read
 * their jurisdiction (a province officer its province, its communes and the legacy units that went into it; a commune
 * officer its commune); nationwide roles read everything; council members and producer accounts are refused.
 */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports", description = "Số liệu chương trình OCOP theo đơn vị hành chính và thời điểm")
@SecurityRequirement(name = "bearer")
class ReportApi {

    private final ReportFigures figures;
    private final Plans plans;
    private final SupportActivities support;

    ReportApi(ReportFigures figures, Plans plans, SupportActivities support) {
        this.figures = figures;
        this.plans = plans;
        this.support = support;
    }

    @GetMapping("/summary")
    @Operation(
            summary = "Figures of a unit on a day and over a period",
            description = "Certified products in force on `asOf` by star, group and criteria set; producers with a"
                    + " certified product by legal type and flag, with shares (percent, 4 decimals) of the stated"
                    + " denominator; craft villages; certificates issued (new, upgraded, re-evaluated), expired and"
                    + " revoked, evaluations, 5★ proposals and support over `from`–`to` (default: 1 January of"
                    + " `asOf`'s year to `asOf`); dossiers by stage on `asOf`.")
    Summary summary(
            @Parameter(description = "unit code; omitted: the nation")
                    @RequestParam(required = false)
                    @Nullable
                    @Size(max = 10)
                    String unit,
            @Parameter(description = "`current` (default) or `legacy` (63-province scheme)")
                    @RequestParam(required = false)
                    @Nullable
                    @Size(max = 20)
                    String edition,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            CurrentUser actor) {
        return figures.summary(new ReportFigures.Query(unit, edition, asOf, from, to), actor);
    }

    @GetMapping("/provinces")
    @Operation(summary = "Every province of an edition side by side, and the nation (nationwide roles only)")
    ReportFigures.Comparison provinces(
            @RequestParam(required = false) @Nullable @Size(max = 20) String edition,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            CurrentUser actor) {
        return figures.provinces(new ReportFigures.Query(null, edition, asOf, from, to), actor);
    }

    @GetMapping("/trend")
    @Operation(summary = "A unit's figures year by year, from `firstYear` to `asOf`'s year (at most ten years)")
    ReportFigures.Trend trend(
            @RequestParam(required = false) @Nullable @Size(max = 10) String unit,
            @RequestParam(required = false) @Nullable @Size(max = 20) String edition,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(defaultValue = "2019") @Min(2000) @Max(2100) int firstYear,
            CurrentUser actor) {
        return figures.trend(new ReportFigures.Query(unit, edition, asOf, null, null), firstYear, actor);
    }

    @GetMapping("/plan-progress")
    @Operation(
            summary = "Each target of a plan: planned, actual and achievement %",
            description = "Stocks on `asOf` (default today, at most the plan's last day), flows from the plan's first"
                    + " day; `version` defaults to the current one. Targets the platform cannot measure yet have no"
                    + " actual.")
    PlanProgress planProgress(
            @RequestParam long plan,
            @RequestParam(required = false) @Nullable @Min(1) Integer version,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            CurrentUser actor) {
        return plans.progress(plan, version, asOf, actor);
    }

    @GetMapping("/support")
    @Operation(summary = "Support in a unit over a period, per producer, and what became of the supported products")
    SupportActivities.Report support(
            @Parameter(description = "unit code; omitted: the caller's own (the nation for nationwide roles)")
                    @RequestParam(required = false)
                    @Nullable
                    @Size(max = 10)
                    String unit,
            @RequestParam(required = false) @Nullable @Size(max = 20) String edition,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            CurrentUser actor) {
        return support.report(new ReportFigures.Query(unit, edition, null, from, to), actor);
    }
}
