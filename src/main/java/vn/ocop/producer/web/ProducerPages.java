package vn.ocop.producer.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import vn.ocop.geography.AdminEdition;
import vn.ocop.geography.AdminUnit;
import vn.ocop.geography.AdminUnits;
import vn.ocop.identity.Action;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.Role;
import vn.ocop.producer.AreaChoices;
import vn.ocop.producer.LegalType;
import vn.ocop.producer.ProducerError;
import vn.ocop.producer.ProducerQuery;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.producer.ProducerStatus;
import vn.ocop.producer.ProducerView;
import vn.ocop.shared.CommonError;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.PageResult;
import vn.ocop.shared.web.FormErrors;
import vn.ocop.shared.web.Problems;

/**
 * Producer pages: the list (live search, filters limited to the user's jurisdiction), detail, registration and edit
 * forms. Authorization is the registry's (403/404 become the error page); producer accounts see their own producer.
 */
@Controller
@RequestMapping("/producers")
class ProducerPages {

    static final int PAGE_SIZE = 20;

    private final ProducerRegistry registry;
    private final AdminUnits units;
    private final Problems problems;
    private final Validator validator;
    private final vn.ocop.identity.UserAccounts users;

    ProducerPages(
            ProducerRegistry registry,
            AdminUnits units,
            Problems problems,
            Validator validator,
            vn.ocop.identity.UserAccounts users) {
        this.users = users;
        this.registry = registry;
        this.units = units;
        this.problems = problems;
        this.validator = validator;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String province,
            @RequestParam(required = false) @Nullable String commune,
            @RequestParam(required = false) @Nullable LegalType type,
            @RequestParam(required = false) @Nullable ProducerStatus status,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            @RequestHeader(name = "HX-History-Restore-Request", required = false) @Nullable String historyRestore,
            CurrentUser actor,
            Model model) {
        String text = q == null
                ? null
                : q.strip().substring(0, Math.min(200, q.strip().length()));
        AreaChoices area = registry.areaChoices(actor, Action.VIEW_RECORDS, province);
        String selectedProvince =
                area.fixedProvince() != null ? area.fixedProvince().code() : blankToNull(province);
        // A commune left over from another province (the province was just changed) is dropped.
        String selectedCommune = area.communes().stream()
                .map(AdminUnit::code)
                .filter(code -> code.equals(blankToNull(commune)))
                .findFirst()
                .orElse(null);
        PageResult<ProducerView> result = registry.search(
                new ProducerQuery(text, selectedProvince, selectedCommune, type, status),
                Math.max(0, Math.min(page, 100_000)),
                PAGE_SIZE,
                actor);
        String filters = UriComponentsBuilder.newInstance()
                .queryParamIfPresent("q", Optional.ofNullable(blankToNull(text)))
                .queryParamIfPresent("province", Optional.ofNullable(area.provinceFixed() ? null : selectedProvince))
                .queryParamIfPresent("commune", Optional.ofNullable(area.communeFixed() ? null : selectedCommune))
                .queryParamIfPresent("type", Optional.ofNullable(type))
                .queryParamIfPresent("status", Optional.ofNullable(status))
                .encode()
                .build()
                .getQuery();
        String query = filters == null ? "" : filters;
        model.addAttribute("q", text);
        model.addAttribute("area", area);
        model.addAttribute("province", selectedProvince);
        model.addAttribute("commune", selectedCommune);
        model.addAttribute("type", type);
        model.addAttribute("status", status);
        model.addAttribute("legalTypes", LegalType.values());
        model.addAttribute("statuses", ProducerStatus.values());
        model.addAttribute("result", result);
        model.addAttribute("places", placeNames(result.items()));
        model.addAttribute("pageUrl", "/producers" + (query.isEmpty() ? "" : "?" + query));
        model.addAttribute("exportQuery", query.isEmpty() ? "" : "?" + query);
        model.addAttribute("mayRegister", registry.mayRegister(actor));
        model.addAttribute("mayExport", actor.role() != Role.PRODUCER);
        boolean fragment = "true".equals(htmx) && !"true".equals(historyRestore);
        return fragment ? "producers/list :: results" : "producers/list";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, CurrentUser actor, Model model) {
        ProducerView producer = registry.get(id, actor);
        model.addAttribute("producer", producer);
        model.addAttribute(
                "commune",
                units.find(AdminEdition.CURRENT, producer.communeCode()).orElse(null));
        model.addAttribute(
                "province",
                units.find(AdminEdition.CURRENT, producer.provinceCode()).orElse(null));
        model.addAttribute("mayEdit", registry.mayEdit(producer, actor));
        model.addAttribute("accounts", users.accountsOf(id, actor));
        model.addAttribute("mayCreateAccount", users.mayCreateProducerAccount(id, actor));
        return "producers/detail";
    }

    /** The producer's choice to show its phone and e-mail on the public portal (unchecked boxes are not sent). */
    @PostMapping("/{id}/publication")
    String publication(
            @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean publishPhone,
            @RequestParam(defaultValue = "false") boolean publishEmail,
            CurrentUser actor,
            RedirectAttributes redirect) {
        registry.publishContacts(id, publishPhone, publishEmail, actor);
        redirect.addFlashAttribute("saved", "producer.publicationSaved");
        return "redirect:/producers/" + id + "#publication";
    }

    @GetMapping("/new")
    String newProducer(@RequestParam(required = false) @Nullable String province, CurrentUser actor, Model model) {
        if (!registry.mayRegister(actor)) {
            throw OcopException.forbidden();
        }
        ProducerForm form = new ProducerForm();
        form.setProvince(province);
        return form(form, null, actor, model);
    }

    @PostMapping
    String register(
            @ModelAttribute("form") ProducerForm form,
            BindingResult binding,
            @RequestParam(required = false) @Nullable String reload,
            CurrentUser actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (reload != null) {
            // Without JavaScript, "show communes" re-renders the form with the chosen province's communes.
            binding = new org.springframework.validation.BeanPropertyBindingResult(form, "form");
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", binding);
            return form(form, null, actor, model);
        }
        if (validate(form, binding)) {
            try {
                ProducerView created = registry.register(form.details(), actor);
                redirect.addFlashAttribute("saved", "producer.registered");
                return "redirect:/producers/" + created.id();
            } catch (OcopException e) {
                reject(binding, e, model);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return form(form, null, actor, model);
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, CurrentUser actor, Model model) {
        ProducerView producer = registry.get(id, actor);
        if (!registry.mayEdit(producer, actor)) {
            throw OcopException.forbidden();
        }
        return form(ProducerForm.of(producer), producer, actor, model);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute("form") ProducerForm form,
            BindingResult binding,
            @RequestParam(required = false) @Nullable String reload,
            CurrentUser actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        ProducerView current = registry.get(id, actor);
        if (reload != null) {
            binding = new org.springframework.validation.BeanPropertyBindingResult(form, "form");
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", binding);
            return form(form, current, actor, model);
        }
        if (form.getVersion() == null) {
            binding.rejectValue(
                    "version", "invalid", problems.message(CommonError.CONCURRENT_MODIFICATION.messageKey()));
        }
        if (validate(form, binding)) {
            try {
                registry.update(id, form.details(), form.getVersion(), actor);
                redirect.addFlashAttribute("saved", "producer.updated");
                return "redirect:/producers/" + id;
            } catch (OptimisticLockingFailureException e) {
                // Someone saved first: show what is stored now, and what this user typed, never overwrite.
                ProducerView now = registry.get(id, actor);
                ProducerForm stored = ProducerForm.of(now);
                model.addAttribute("conflict", problems.message(CommonError.CONCURRENT_MODIFICATION.messageKey()));
                model.addAttribute("attempted", form.differencesFrom(stored));
                response.setStatus(HttpServletResponse.SC_CONFLICT);
                model.addAttribute("form", stored);
                return form(stored, now, actor, model);
            } catch (OcopException e) {
                reject(binding, e, model);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return form(form, current, actor, model);
    }

    private String form(ProducerForm form, @Nullable ProducerView producer, CurrentUser actor, Model model) {
        String province = form.getProvince();
        if ((province == null || province.isBlank()) && !form.commune().isEmpty()) {
            province = units.find(AdminEdition.CURRENT, form.commune())
                    .map(AdminUnit::provinceCode)
                    .orElse(null);
        }
        AreaChoices area = registry.areaChoices(actor, Action.EDIT_RECORDS, province);
        if (area.fixedProvince() != null) {
            province = area.fixedProvince().code();
        }
        form.setProvince(province);
        model.addAttribute("form", form);
        model.addAttribute("producer", producer);
        model.addAttribute("area", area);
        model.addAttribute("legalTypes", LegalType.values());
        model.addAttribute("statuses", ProducerStatus.values());
        model.addAttribute(
                "currentCommune",
                producer == null
                        ? null
                        : units.find(AdminEdition.CURRENT, producer.communeCode())
                                .orElse(null));
        return "producers/form";
    }

    private boolean validate(ProducerForm form, BindingResult binding) {
        FormErrors.add(binding, validator.validate(form.details()), path -> path);
        return !binding.hasErrors();
    }

    /** Shows a business error next to the field it is about, or above the form. */
    private void reject(BindingResult binding, OcopException e, Model model) {
        String message = problems.message(e.errorCode().messageKey(), e.arguments());
        String field = FIELD_OF.get(e.errorCode().code());
        if (field != null) {
            binding.rejectValue(field, e.errorCode().code(), message);
        } else {
            model.addAttribute("error", message);
        }
    }

    private static final Map<String, String> FIELD_OF = Map.of(
            ProducerError.INVALID_TAX_CODE.code(), "taxCode",
            ProducerError.TAX_CODE_TAKEN.code(), "taxCode",
            ProducerError.COMMUNE_REQUIRED.code(), "communeCode",
            vn.ocop.geography.GeographyError.UNIT_NOT_FOUND.code(), "communeCode");

    /** Full names of the communes and provinces of a page of producers, by code. */
    private Map<String, String> placeNames(List<ProducerView> producers) {
        Map<String, String> names = new HashMap<>();
        for (ProducerView p : producers) {
            for (String code : List.of(p.communeCode(), p.provinceCode())) {
                names.computeIfAbsent(code, units::currentName);
            }
        }
        return names;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
