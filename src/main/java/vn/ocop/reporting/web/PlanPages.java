package vn.ocop.reporting.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ocop.identity.CurrentUser;
import vn.ocop.producer.LegalType;
import vn.ocop.reporting.Measure;
import vn.ocop.reporting.PlanProgress;
import vn.ocop.reporting.PlanView;
import vn.ocop.reporting.Plans;
import vn.ocop.reporting.ReportFigures;
import vn.ocop.reporting.ReportUnit;
import vn.ocop.shared.CommonError;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.web.FormErrors;
import vn.ocop.shared.web.Problems;

/**
 * Plan pages: the plans of a unit, one plan with its progress and versions (downloadable), the forms to adopt and to
 * amend (a new version; the earlier ones stay), and the kinds of target. Authorization is the service's.
 */
@Controller
@RequestMapping("/plans")
class PlanPages {

    private static final Pattern TARGET_PATH = Pattern.compile("targets\\[(\\d+)](.*)");

    private final Plans plans;
    private final ReportFigures figures;
    private final ReportModels models;
    private final ReportExports exports;
    private final Problems problems;
    private final Validator validator;

    PlanPages(
            Plans plans,
            ReportFigures figures,
            ReportModels models,
            ReportExports exports,
            Problems problems,
            Validator validator) {
        this.plans = plans;
        this.figures = figures;
        this.models = models;
        this.exports = exports;
        this.problems = problems;
        this.validator = validator;
    }

    @GetMapping
    String list(@RequestParam(required = false) @Nullable String unit, CurrentUser actor, Model model) {
        List<PlanView> list = plans.list(unit, actor);
        String shown = unit == null || unit.isBlank() ? figures.homeUnit(actor) : unit.strip();
        model.addAttribute("plans", list);
        model.addAttribute("unit", figures.unit(shown, null, actor));
        model.addAttribute("provinces", actor.role().nationwide() ? figures.provinceChoices(null, actor) : List.of());
        model.addAttribute(
                "mayPlan",
                plans.mayPlan(actor, plans.planningUnit(actor)) || actor.role() == vn.ocop.identity.Role.SYSTEM_ADMIN);
        model.addAttribute("mayManageTypes", plans.mayManageTargetTypes(actor));
        return "reporting/plan-list";
    }

    @GetMapping("/{id}")
    String detail(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer version,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            CurrentUser actor,
            Model model,
            Locale locale) {
        PlanView plan = plans.get(id, version, actor);
        PlanProgress progress = plans.progress(id, version, asOf, actor);
        Formats f = Formats.of(locale);
        model.addAttribute("plan", plan);
        model.addAttribute("progress", progress);
        model.addAttribute("planChart", models.achievement(models.text("report.chart.plan", locale), progress, f));
        model.addAttribute("f", f);
        model.addAttribute("mayAmend", plans.mayPlan(actor, plan.unit().code()));
        model.addAttribute("exportQuery", "version=" + plan.shownVersion() + (asOf == null ? "" : "&asOf=" + asOf));
        return "reporting/plan";
    }

    @GetMapping("/{id}/export")
    void export(
            @PathVariable long id,
            @RequestParam(defaultValue = "xlsx") String format,
            @RequestParam(required = false) @Nullable Integer version,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            CurrentUser actor,
            Locale locale,
            HttpServletResponse response)
            throws IOException {
        ReportExports.Format f = ReportExports.format(format);
        exports.progress(plans.progress(id, version, asOf, actor), f, locale, response);
    }

    @GetMapping("/new")
    String newPlan(CurrentUser actor, Model model) {
        String unit = plans.planningUnit(actor);
        if (!plans.mayPlan(actor, unit)) {
            throw OcopException.forbidden();
        }
        PlanForm form = new PlanForm();
        form.setUnit(unit);
        int year = figures.today().getYear();
        form.setFirstYear(year);
        form.setLastYear(year);
        return form(form.withSpareRows(6), null, actor, model);
    }

    @PostMapping
    String adopt(
            @ModelAttribute("form") PlanForm form,
            BindingResult binding,
            @RequestParam(required = false) @Nullable String moreRows,
            CurrentUser actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (moreRows != null) {
            return form(form.withSpareRows(PlanForm.SPARE_ROWS), null, actor, model);
        }
        List<Integer> indexes = new ArrayList<>();
        Plans.NewPlan command = form.newPlan(indexes);
        if (validate(command, indexes, binding)) {
            try {
                PlanView plan = plans.adopt(command, actor);
                redirect.addFlashAttribute("saved", "plan.adopted");
                return "redirect:/plans/" + plan.id();
            } catch (OcopException e) {
                model.addAttribute("error", formError(e));
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return form(form, null, actor, model);
    }

    @GetMapping("/{id}/amend")
    String amendForm(@PathVariable long id, CurrentUser actor, Model model) {
        PlanView plan = plans.get(id, null, actor);
        if (!plans.mayPlan(actor, plan.unit().code())) {
            throw OcopException.forbidden();
        }
        return form(PlanForm.of(plan).withSpareRows(PlanForm.SPARE_ROWS), plan, actor, model);
    }

    @PostMapping("/{id}/amend")
    String amend(
            @PathVariable long id,
            @ModelAttribute("form") PlanForm form,
            BindingResult binding,
            @RequestParam(required = false) @Nullable String moreRows,
            CurrentUser actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        PlanView plan = plans.get(id, null, actor);
        if (!plans.mayPlan(actor, plan.unit().code())) {
            throw OcopException.forbidden();
        }
        if (moreRows != null) {
            return form(form.withSpareRows(PlanForm.SPARE_ROWS), plan, actor, model);
        }
        if (form.getLock() == null) {
            binding.reject("lock", problems.message(CommonError.CONCURRENT_MODIFICATION.messageKey()));
        }
        List<Integer> indexes = new ArrayList<>();
        Plans.Amendment command = form.amendment(indexes);
        if (validate(command, indexes, binding)) {
            try {
                plans.amend(id, command, actor);
                redirect.addFlashAttribute("saved", "plan.amended");
                return "redirect:/plans/" + id;
            } catch (OptimisticLockingFailureException e) {
                response.setStatus(HttpServletResponse.SC_CONFLICT);
                model.addAttribute("error", problems.message(CommonError.CONCURRENT_MODIFICATION.messageKey()));
                PlanView now = plans.get(id, null, actor);
                form.setLock(now.lock());
                return form(form, now, actor, model);
            } catch (OcopException e) {
                model.addAttribute("error", formError(e));
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return form(form, plan, actor, model);
    }

    @GetMapping("/target-types")
    String targetTypes(CurrentUser actor, Model model) {
        if (!figures.readsReports(actor)) {
            throw OcopException.forbidden();
        }
        model.addAttribute("types", plans.targetTypes(false));
        model.addAttribute("mayManage", plans.mayManageTargetTypes(actor));
        if (!model.containsAttribute("typeForm")) {
            model.addAttribute("typeForm", new TargetTypeForm());
        }
        model.addAttribute("measures", Measure.values());
        model.addAttribute("legalTypes", LegalType.values());
        return "reporting/target-types";
    }

    @PostMapping("/target-types")
    String addTargetType(
            @ModelAttribute("typeForm") TargetTypeForm form,
            BindingResult binding,
            CurrentUser actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (!plans.mayManageTargetTypes(actor)) {
            throw OcopException.forbidden();
        }
        Plans.NewTargetType command = form.command();
        FormErrors.add(binding, validator.validate(command), path -> path.replaceAll("\\[.*", ""));
        if (!binding.hasErrors()) {
            try {
                plans.addTargetType(command, actor);
                redirect.addFlashAttribute("saved", "plan.targetTypeAdded");
                return "redirect:/plans/target-types";
            } catch (OcopException e) {
                model.addAttribute("error", formError(e));
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return targetTypes(actor, model);
    }

    private String form(PlanForm form, @Nullable PlanView plan, CurrentUser actor, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("plan", plan);
        model.addAttribute("types", plans.targetTypes(true));
        model.addAttribute("groups", plans.groups());
        String unit = plan != null ? plan.unit().code() : form.getUnit();
        model.addAttribute(
                "unitName",
                unit == null || unit.isBlank()
                        ? null
                        : figures.unit(unit, null, actor).name());
        model.addAttribute("units", unitChoices(actor));
        return "reporting/plan-form";
    }

    /** The units a user may adopt plans for: the nation and provinces for administrators, else their one unit. */
    private List<ReportUnit> unitChoices(CurrentUser actor) {
        List<ReportUnit> units = new ArrayList<>();
        if (plans.mayPlan(actor, null)) {
            units.add(new ReportUnit(null, "", ReportUnit.CURRENT, "nation"));
        }
        for (ReportUnit p : figures.provinceChoices(null, actor)) {
            if (plans.mayPlan(actor, p.code())) {
                units.add(p);
            }
        }
        return units;
    }

    /** Puts violations of the command on the form's fields ({@code targets[k]} is the k-th filled row). */
    private <T> boolean validate(T command, List<Integer> indexes, BindingResult binding) {
        Set<ConstraintViolation<T>> violations = validator.validate(command);
        FormErrors.add(binding, violations, path -> {
            Matcher m = TARGET_PATH.matcher(path);
            if (m.matches()) {
                int k = Integer.parseInt(m.group(1));
                return k < indexes.size() ? "targets[" + indexes.get(k) + "]" + m.group(2) : "";
            }
            return "targets".equals(path) ? "" : path;
        });
        return !binding.hasErrors();
    }

    /** A business error shown above the form; refusals (403) and unknown things (404) go to the error page. */
    private String formError(OcopException e) {
        if (e.errorCode().kind() == vn.ocop.shared.ErrorKind.FORBIDDEN
                || e.errorCode().kind() == vn.ocop.shared.ErrorKind.NOT_FOUND) {
            throw e;
        }
        return problems.message(e.errorCode().messageKey(), e.arguments());
    }
}
