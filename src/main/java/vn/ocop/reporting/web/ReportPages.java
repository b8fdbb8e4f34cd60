package vn.ocop.reporting.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ocop.geography.ProvinceMap;
import vn.ocop.identity.CurrentUser;
import vn.ocop.reporting.PlanProgress;
import vn.ocop.reporting.PlanView;
import vn.ocop.reporting.Plans;
import vn.ocop.reporting.ReportFigures;
import vn.ocop.reporting.ReportUnit;
import vn.ocop.reporting.Summary;
import vn.ocop.reporting.SupportActivities;
import vn.ocop.shared.ErrorKind;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.web.Problems;

/**
 * The report pages: a unit's figures (with trend, plan against actual, and for the nation the map of provinces), the
 * comparison of provinces, and support per producer; each downloadable as xlsx and as a Vietnamese PDF. Bad filters
 * (dates, period) are shown on the page; another jurisdiction's unit is 403.
 */
@Controller
@RequestMapping("/reports")
class ReportPages {

    /** Years a unit's trend goes back. */
    static final int TREND_YEARS = 6;

    private final ReportFigures figures;
    private final Plans plans;
    private final SupportActivities support;
    private final ReportModels models;
    private final ReportExports exports;
    private final ProvinceMap map;
    private final Problems problems;

    ReportPages(
            ReportFigures figures,
            Plans plans,
            SupportActivities support,
            ReportModels models,
            ReportExports exports,
            ProvinceMap map,
            Problems problems) {
        this.figures = figures;
        this.plans = plans;
        this.support = support;
        this.models = models;
        this.exports = exports;
        this.map = map;
        this.problems = problems;
    }

    /** Everything the report of one unit shows; the page, the xlsx and the PDF are drawn from it. */
    record UnitReport(
            Summary summary,
            ReportFigures.Trend trend,
            @Nullable PlanView plan,
            @Nullable PlanProgress progress,
            ReportFigures.@Nullable Comparison provinces) {}

    UnitReport unitReport(ReportFigures.Query query, CurrentUser actor) {
        Summary summary = figures.summary(query, actor);
        ReportFigures.Trend trend = figures.trend(query, summary.asOf().getYear() - TREND_YEARS + 1, actor);
        ReportUnit unit = summary.unit();
        PlanView plan = null;
        PlanProgress progress = null;
        if (!unit.legacy() && (unit.nation() || "province".equals(unit.level()))) {
            plan = plans.covering(unit.code(), summary.asOf().getYear(), actor).orElse(null);
            if (plan != null) {
                progress = plans.progress(plan.id(), null, summary.asOf(), actor);
            }
        }
        ReportFigures.Comparison provinces = unit.nation() && !unit.legacy()
                ? figures.provinces(new ReportFigures.Query(null, null, query.asOf(), query.from(), query.to()), actor)
                : null;
        return new UnitReport(summary, trend, plan, progress, provinces);
    }

    @GetMapping
    String unit(
            @ModelAttribute("filter") ReportFilter filter,
            BindingResult binding,
            CurrentUser actor,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        String unitCode = filter.namesUnit() ? filter.effectiveUnit() : figures.homeUnit(actor);
        choices(filter, unitCode, actor, model);
        if (binding.hasErrors()) {
            return invalid(model, response, problems.message("report.badDate"), "reporting/unit");
        }
        try {
            UnitReport report = unitReport(filter.query(unitCode), actor);
            Formats f = Formats.of(locale);
            Summary s = report.summary();
            model.addAttribute("report", report);
            model.addAttribute("s", s);
            model.addAttribute("f", f);
            model.addAttribute("byStar", models.byStar(s, locale));
            model.addAttribute("byType", models.producersByType(s, locale));
            model.addAttribute("byFlag", models.producersByFlag(s, locale));
            model.addAttribute("byGroup", models.byGroup(s));
            model.addAttribute("dossiers", models.dossiers(s, locale));
            model.addAttribute("evaluations", models.evaluations(s, locale));
            model.addAttribute(
                    "starChart",
                    models.chart(
                            models.text("report.chart.byStar", locale), models.byStar(s, locale), f, "star", true));
            model.addAttribute(
                    "typeChart",
                    models.chart(
                            models.text("report.chart.byType", locale),
                            models.producersByType(s, locale),
                            f,
                            "",
                            true));
            model.addAttribute(
                    "groupChart",
                    models.chart(
                            models.text("report.chart.byGroup", locale),
                            models.byGroup(s).stream()
                                    .filter(r -> r.count() > 0)
                                    .toList(),
                            f,
                            "",
                            false));
            model.addAttribute(
                    "trendChart", models.trend(models.text("report.chart.trend", locale), report.trend(), f));
            if (report.progress() != null) {
                model.addAttribute(
                        "planChart",
                        models.achievement(models.text("report.chart.plan", locale), report.progress(), f));
            }
            if (report.provinces() != null) {
                var values = ReportModels.mapValues(report.provinces());
                model.addAttribute("map", map);
                model.addAttribute("mapValues", values);
                model.addAttribute("mapSteps", ProvinceMap.steps(values));
            }
            model.addAttribute("exportQuery", filter.queryString(s.unit().code()));
            model.addAttribute("maySeeProvinces", actor.role().nationwide());
            model.addAttribute(
                    "mayPlan",
                    plans.mayPlan(actor, s.unit().nation() ? null : s.unit().code()));
            return "reporting/unit";
        } catch (OcopException e) {
            if (e.errorCode().kind() == ErrorKind.INVALID) {
                return invalid(
                        model, response, problems.message(e.errorCode().messageKey(), e.arguments()), "reporting/unit");
            }
            throw e;
        }
    }

    @GetMapping("/export")
    void exportUnit(
            @ModelAttribute("filter") ReportFilter filter,
            @RequestParam(defaultValue = "xlsx") String format,
            CurrentUser actor,
            Locale locale,
            HttpServletResponse response)
            throws IOException {
        String unitCode = filter.namesUnit() ? filter.effectiveUnit() : figures.homeUnit(actor);
        ReportExports.Format f = ReportExports.format(format);
        UnitReport report = unitReport(filter.query(unitCode), actor);
        exports.unit(report, f, locale, response);
    }

    @GetMapping("/provinces")
    String provinces(
            @ModelAttribute("filter") ReportFilter filter,
            BindingResult binding,
            CurrentUser actor,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        if (!actor.role().nationwide()) {
            throw OcopException.forbidden();
        }
        if (binding.hasErrors()) {
            return invalid(model, response, problems.message("report.badDate"), "reporting/provinces");
        }
        try {
            ReportFigures.Comparison comparison = figures.provinces(filter.query(null), actor);
            model.addAttribute("comparison", comparison);
            model.addAttribute("f", Formats.of(locale));
            if (!filter.legacy()) {
                var values = ReportModels.mapValues(comparison);
                model.addAttribute("map", map);
                model.addAttribute("mapValues", values);
                model.addAttribute("mapSteps", ProvinceMap.steps(values));
            }
            model.addAttribute("exportQuery", filter.queryString(null));
            return "reporting/provinces";
        } catch (OcopException e) {
            if (e.errorCode().kind() == ErrorKind.INVALID) {
                return invalid(
                        model,
                        response,
                        problems.message(e.errorCode().messageKey(), e.arguments()),
                        "reporting/provinces");
            }
            throw e;
        }
    }

    @GetMapping("/provinces/export")
    void exportProvinces(
            @ModelAttribute("filter") ReportFilter filter,
            @RequestParam(defaultValue = "xlsx") String format,
            CurrentUser actor,
            Locale locale,
            HttpServletResponse response)
            throws IOException {
        ReportExports.Format f = ReportExports.format(format);
        exports.provinces(figures.provinces(filter.query(null), actor), f, locale, response);
    }

    @GetMapping("/support")
    String support(
            @ModelAttribute("filter") ReportFilter filter,
            BindingResult binding,
            CurrentUser actor,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        String unitCode = filter.namesUnit() ? filter.effectiveUnit() : figures.homeUnit(actor);
        choices(filter, unitCode, actor, model);
        if (binding.hasErrors()) {
            return invalid(model, response, problems.message("report.badDate"), "reporting/support");
        }
        try {
            SupportActivities.Report report = support.report(filter.query(unitCode), actor);
            model.addAttribute("report", report);
            model.addAttribute("f", Formats.of(locale));
            model.addAttribute("exportQuery", filter.queryString(report.unit().code()));
            model.addAttribute("mayRecord", support.mayRecord(actor));
            return "reporting/support";
        } catch (OcopException e) {
            if (e.errorCode().kind() == ErrorKind.INVALID) {
                return invalid(
                        model,
                        response,
                        problems.message(e.errorCode().messageKey(), e.arguments()),
                        "reporting/support");
            }
            throw e;
        }
    }

    @GetMapping("/support/export")
    void exportSupport(
            @ModelAttribute("filter") ReportFilter filter,
            @RequestParam(defaultValue = "xlsx") String format,
            CurrentUser actor,
            Locale locale,
            HttpServletResponse response)
            throws IOException {
        String unitCode = filter.namesUnit() ? filter.effectiveUnit() : figures.homeUnit(actor);
        ReportExports.Format f = ReportExports.format(format);
        exports.support(support.report(filter.query(unitCode), actor), f, locale, response);
    }

    /** The unit pickers of the filter form, limited to what the user may read. */
    private void choices(ReportFilter filter, @Nullable String unitCode, CurrentUser actor, Model model) {
        if (!figures.readsReports(actor)) {
            throw OcopException.forbidden();
        }
        String edition = filter.legacy() ? "legacy" : "current";
        List<ReportUnit> provinces = figures.provinceChoices(edition, actor);
        String province = Optional.ofNullable(filter.getUnit())
                .filter(u -> !u.isBlank())
                .orElse(provinces.size() == 1 ? provinces.get(0).code() : null);
        model.addAttribute("provinces", provinces);
        model.addAttribute("nationwide", actor.role().nationwide());
        model.addAttribute("selectedProvince", province);
        model.addAttribute("communes", filter.legacy() ? List.of() : figures.communeChoices(province, actor));
        model.addAttribute("selectedUnit", unitCode);
        model.addAttribute("today", figures.today());
    }

    private static String invalid(Model model, HttpServletResponse response, String message, String view) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("error", message);
        return view;
    }
}
