package vn.ocop.reporting.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.ocop.geography.ProvinceMap;
import vn.ocop.identity.CurrentUser;
import vn.ocop.reporting.PlanProgress;
import vn.ocop.reporting.PlanView;
import vn.ocop.reporting.Plans;
import vn.ocop.reporting.ReportFigures;
import vn.ocop.reporting.Summary;
import vn.ocop.reporting.SupportActivities;
import vn.ocop.workspace.DashboardSection;

/**
 * The programme's figures on each officer's dashboard, from the same query layer as the reports: the province's (or
 * commune's) certified products and producers today, its plan for the year against what was achieved; for the central
 * office the nation, with the map of provinces (a province opens its report). Links lead to the full reports, plans and
 * support activities.
 */
@Component
class ReportingDashboard implements DashboardSection {

    private final ReportFigures figures;
    private final Plans plans;
    private final SupportActivities support;
    private final ReportModels models;
    private final ProvinceMap map;

    ReportingDashboard(
            ReportFigures figures, Plans plans, SupportActivities support, ReportModels models, ProvinceMap map) {
        this.figures = figures;
        this.plans = plans;
        this.support = support;
        this.models = models;
        this.map = map;
    }

    @Override
    public Optional<Section> sectionFor(CurrentUser user) {
        if (!figures.readsReports(user)) {
            return Optional.empty();
        }
        Locale locale = LocaleContextHolder.getLocale();
        Formats f = Formats.of(locale);
        String unit = figures.homeUnit(user);
        Summary s = figures.summary(new ReportFigures.Query(unit, null, null, null, null), user);
        Map<String, Object> model = new HashMap<>();
        model.put("s", s);
        model.put("f", f);
        model.put("byStar", models.byStar(s, locale));
        model.put("byType", models.producersByType(s, locale));
        model.put(
                "starChart",
                models.chart(models.text("report.chart.byStar", locale), models.byStar(s, locale), f, "star", true));
        model.put(
                "typeChart",
                models.chart(
                        models.text("report.chart.byType", locale), models.producersByType(s, locale), f, "", true));
        // Every key is present (null when there is nothing): the fragment reads them as map properties.
        model.put("plan", null);
        model.put("progress", null);
        model.put("planChart", null);
        model.put("map", null);
        model.put("mapValues", null);
        model.put("mapSteps", null);
        Optional<PlanView> plan =
                s.unit().nation() || "province".equals(s.unit().level())
                        ? plans.covering(unit, s.asOf().getYear(), user)
                        : Optional.empty();
        plan.ifPresent(p -> {
            PlanProgress progress = plans.progress(p.id(), null, null, user);
            model.put("plan", p);
            model.put("progress", progress);
            model.put("planChart", models.achievement(models.text("report.chart.plan", locale), progress, f));
        });
        if (s.unit().nation()) {
            ReportFigures.Comparison provinces =
                    figures.provinces(new ReportFigures.Query(null, null, null, null, null), user);
            Map<String, Long> values = ReportModels.mapValues(provinces);
            model.put("map", map);
            model.put("mapValues", values);
            model.put("mapSteps", ProvinceMap.steps(values));
        }
        model.put("mayPlan", plans.mayPlan(user, plans.planningUnit(user)));
        model.put("mayRecord", support.mayRecord(user));
        return Optional.of(new Section(20, "reporting/dashboard", model));
    }
}
