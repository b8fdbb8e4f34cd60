package vn.ocop.reporting.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import vn.ocop.producer.ProducerQuery;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.producer.ProducerView;
import vn.ocop.product.ProductQuery;
import vn.ocop.product.ProductRegistry;
import vn.ocop.product.ProductSummary;
import vn.ocop.reporting.FundingSource;
import vn.ocop.reporting.ReportFigures;
import vn.ocop.reporting.ReportUnit;
import vn.ocop.reporting.SupportActivities;
import vn.ocop.reporting.SupportActivityView;
import vn.ocop.reporting.SupportKind;
import vn.ocop.shared.CommonError;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.PageResult;
import vn.ocop.shared.web.FormErrors;
import vn.ocop.shared.web.Problems;

/**
 * Support activity pages: the list of a unit's activities, the form to record or change one, and its page, where
 * beneficiaries are found (producers the officer may see, with their products) and added or removed.
 */
@Controller
@RequestMapping("/support-activities")
class SupportPages {

    static final int PAGE_SIZE = 20;
    private static final int FOUND = 10;

    private final SupportActivities activities;
    private final ReportFigures figures;
    private final ProducerRegistry producers;
    private final ProductRegistry products;
    private final Problems problems;
    private final Validator validator;

    SupportPages(
            SupportActivities activities,
            ReportFigures figures,
            ProducerRegistry producers,
            ProductRegistry products,
            Problems problems,
            Validator validator) {
        this.activities = activities;
        this.figures = figures;
        this.producers = producers;
        this.products = products;
        this.problems = problems;
        this.validator = validator;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) @Nullable String unit,
            @RequestParam(required = false) @Nullable SupportKind kind,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            CurrentUser actor,
            Model model,
            Locale locale) {
        PageResult<SupportActivityView> result = activities.list(
                new SupportActivities.Filter(unit, kind, from, to),
                Math.max(0, Math.min(page, 100_000)),
                PAGE_SIZE,
                actor);
        String shown = unit == null || unit.isBlank() ? figures.homeUnit(actor) : unit.strip();
        model.addAttribute("result", result);
        model.addAttribute("unit", figures.unit(shown, null, actor));
        model.addAttribute("units", unitChoices(actor, shown));
        model.addAttribute("kinds", SupportKind.values());
        model.addAttribute("kind", kind);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("f", Formats.of(locale));
        model.addAttribute("mayRecord", activities.mayRecord(actor));
        String query = org.springframework.web.util.UriComponentsBuilder.newInstance()
                .queryParamIfPresent("unit", java.util.Optional.ofNullable(unit).filter(u -> !u.isBlank()))
                .queryParamIfPresent("kind", java.util.Optional.ofNullable(kind))
                .queryParamIfPresent("from", java.util.Optional.ofNullable(from))
                .queryParamIfPresent("to", java.util.Optional.ofNullable(to))
                .encode()
                .build()
                .getQuery();
        model.addAttribute("pageUrl", "/support-activities" + (query == null ? "" : "?" + query));
        return "reporting/support-list";
    }

    @GetMapping("/new")
    String newActivity(CurrentUser actor, Model model) {
        if (!activities.mayRecord(actor)) {
            throw OcopException.forbidden();
        }
        SupportForm form = new SupportForm();
        form.setHeldOn(figures.today());
        form.setUnit(actor.jurisdictionCode());
        return form(form, null, actor, model);
    }

    @PostMapping
    String record(
            @ModelAttribute("form") SupportForm form,
            BindingResult binding,
            CurrentUser actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (!activities.mayRecord(actor)) {
            throw OcopException.forbidden();
        }
        SupportActivities.Details details = form.details(List.of());
        if (validate(details, binding)) {
            try {
                SupportActivityView created = activities.record(details, actor);
                redirect.addFlashAttribute("saved", "support.recorded");
                return "redirect:/support-activities/" + created.id();
            } catch (OcopException e) {
                model.addAttribute("error", formError(e));
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return form(form, null, actor, model);
    }

    @GetMapping("/{id}")
    String detail(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String q,
            CurrentUser actor,
            Model model,
            Locale locale) {
        SupportActivityView activity = activities.get(id, actor);
        boolean mayEdit = activities.mayEdit(activity, actor);
        model.addAttribute("activity", activity);
        model.addAttribute("mayEdit", mayEdit);
        model.addAttribute("f", Formats.of(locale));
        model.addAttribute("q", q);
        if (mayEdit && q != null && !q.isBlank()) {
            String text = q.strip().substring(0, Math.min(100, q.strip().length()));
            Map<ProducerView, List<ProductSummary>> found = new LinkedHashMap<>();
            for (ProducerView p : producers
                    .search(new ProducerQuery(text, null, null, null, null), 0, FOUND, actor)
                    .items()) {
                found.put(
                        p,
                        products.search(
                                        new ProductQuery(null, null, null, null, null, null, null, p.id(), null),
                                        0,
                                        50,
                                        actor)
                                .items());
            }
            model.addAttribute("found", found);
        }
        return "reporting/support-activity";
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, CurrentUser actor, Model model) {
        SupportActivityView activity = activities.get(id, actor);
        if (!activities.mayEdit(activity, actor)) {
            throw OcopException.forbidden();
        }
        return form(SupportForm.of(activity), activity, actor, model);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute("form") SupportForm form,
            BindingResult binding,
            CurrentUser actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        SupportActivityView current = activities.get(id, actor);
        if (!activities.mayEdit(current, actor)) {
            throw OcopException.forbidden();
        }
        List<SupportActivities.BeneficiaryInput> kept = current.beneficiaries().stream()
                .map(b -> new SupportActivities.BeneficiaryInput(b.producerId(), b.productId()))
                .toList();
        SupportActivities.Details details = form.details(kept);
        if (form.getVersion() == null) {
            binding.reject("version", problems.message(CommonError.CONCURRENT_MODIFICATION.messageKey()));
        }
        if (validate(details, binding)) {
            try {
                activities.update(id, details, form.getVersion(), actor);
                redirect.addFlashAttribute("saved", "support.updated");
                return "redirect:/support-activities/" + id;
            } catch (OptimisticLockingFailureException e) {
                response.setStatus(HttpServletResponse.SC_CONFLICT);
                model.addAttribute("error", problems.message(CommonError.CONCURRENT_MODIFICATION.messageKey()));
                SupportActivityView now = activities.get(id, actor);
                return form(SupportForm.of(now), now, actor, model);
            } catch (OcopException e) {
                model.addAttribute("error", formError(e));
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return form(form, current, actor, model);
    }

    @PostMapping("/{id}/beneficiaries")
    String addBeneficiaries(
            @PathVariable long id,
            @RequestParam long producerId,
            @RequestParam(required = false) @Nullable List<Long> productIds,
            @RequestParam(defaultValue = "false") boolean wholeProducer,
            @RequestParam long version,
            CurrentUser actor,
            RedirectAttributes redirect) {
        List<SupportActivities.BeneficiaryInput> added = new ArrayList<>();
        if (wholeProducer || productIds == null || productIds.isEmpty()) {
            added.add(new SupportActivities.BeneficiaryInput(producerId, null));
        }
        if (productIds != null) {
            productIds.stream()
                    .limit(100)
                    .forEach(p -> added.add(new SupportActivities.BeneficiaryInput(producerId, p)));
        }
        activities.addBeneficiaries(id, added, version, actor);
        redirect.addFlashAttribute("saved", "support.beneficiariesAdded");
        return "redirect:/support-activities/" + id;
    }

    @PostMapping("/{id}/beneficiaries/remove")
    String removeBeneficiary(
            @PathVariable long id,
            @RequestParam long producerId,
            @RequestParam(required = false) @Nullable Long productId,
            @RequestParam long version,
            CurrentUser actor,
            RedirectAttributes redirect) {
        activities.removeBeneficiary(id, producerId, productId, version, actor);
        redirect.addFlashAttribute("saved", "support.beneficiaryRemoved");
        return "redirect:/support-activities/" + id;
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, @RequestParam long version, CurrentUser actor, RedirectAttributes redirect) {
        activities.remove(id, version, actor);
        redirect.addFlashAttribute("saved", "support.removed");
        return "redirect:/support-activities";
    }

    private String form(SupportForm form, @Nullable SupportActivityView activity, CurrentUser actor, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("activity", activity);
        model.addAttribute("kinds", SupportKind.values());
        model.addAttribute("sources", FundingSource.values());
        model.addAttribute("units", unitChoices(actor, form.getUnit()));
        return "reporting/support-form";
    }

    /**
     * The units the user may pick: the provinces they may read and, for the chosen (or only) province, its communes;
     * a commune officer only their commune.
     */
    private List<ReportUnit> unitChoices(CurrentUser actor, @Nullable String selected) {
        List<ReportUnit> units = new ArrayList<>();
        List<ReportUnit> provinces = figures.provinceChoices(null, actor);
        units.addAll(provinces);
        String province = provinces.size() == 1 ? provinces.get(0).code() : figures.provinceOf(selected);
        units.addAll(figures.communeChoices(province, actor));
        if (provinces.isEmpty() && actor.jurisdictionCode() != null) {
            units.add(figures.unit(actor.jurisdictionCode(), null, actor));
        }
        return units;
    }

    private boolean validate(SupportActivities.Details details, BindingResult binding) {
        FormErrors.add(binding, validator.validate(details), path -> path.startsWith("beneficiaries") ? "" : path);
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
