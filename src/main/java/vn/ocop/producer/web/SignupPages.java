package vn.ocop.producer.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ocop.geography.AdminEdition;
import vn.ocop.geography.AdminUnit;
import vn.ocop.geography.AdminUnits;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.IdentityError;
import vn.ocop.producer.LegalType;
import vn.ocop.producer.ProducerError;
import vn.ocop.producer.ProducerSignups;
import vn.ocop.producer.Signup;
import vn.ocop.shared.CommonError;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.abuse.FormGuard;
import vn.ocop.shared.abuse.RateLimits;
import vn.ocop.shared.web.FormErrors;
import vn.ocop.shared.web.Problems;

/**
 * Producers sign up from the portal ({@code /signup}, public, no session kept) and follow their request by its link;
 * officers review sign-ups of their jurisdiction ({@code /producers/signups}) and approve or refuse them.
 */
@Controller
class SignupPages {

    static final String PURPOSE = "signup";

    /** Attempts (accepted or not) per client address and hour: slows down guessing the check question. */
    static final RateLimits.Limit ATTEMPTS = new RateLimits.Limit("signup-attempts", 30, Duration.ofHours(1));

    private static final Map<String, String> FIELD_OF = Map.of(
            ProducerError.INVALID_TAX_CODE.code(), "taxCode",
            ProducerError.SIGNUP_TAX_CODE_REGISTERED.code(), "taxCode",
            ProducerError.SIGNUP_PENDING.code(), "taxCode",
            ProducerError.SIGNUP_USERNAME_TAKEN.code(), "username",
            IdentityError.WEAK_PASSWORD.code(), "password",
            ProducerError.COMMUNE_REQUIRED.code(), "communeCode",
            vn.ocop.geography.GeographyError.UNIT_NOT_FOUND.code(), "communeCode",
            CommonError.CHALLENGE_FAILED.code(), "answer");

    private final ProducerSignups signups;
    private final FormGuard guard;
    private final RateLimits limits;
    private final AdminUnits units;
    private final Problems problems;
    private final Validator validator;

    SignupPages(
            ProducerSignups signups,
            FormGuard guard,
            RateLimits limits,
            AdminUnits units,
            Problems problems,
            Validator validator) {
        this.signups = signups;
        this.guard = guard;
        this.limits = limits;
        this.units = units;
        this.problems = problems;
        this.validator = validator;
    }

    @GetMapping("/signup")
    String form(@RequestParam(required = false) @Nullable String province, HttpServletResponse response, Model model) {
        SignupForm form = new SignupForm();
        form.setProvince(province);
        return page(form, guard.issue(PURPOSE), response, model);
    }

    @PostMapping("/signup")
    String submit(
            @ModelAttribute("form") SignupForm form,
            BindingResult binding,
            @RequestParam(required = false) @Nullable String formToken,
            @RequestParam(name = FormGuard.HONEYPOT, required = false) @Nullable String honeypot,
            @RequestParam(required = false) @Nullable String reload,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        FormGuard.Challenge challenge = guard.reissue(PURPOSE, formToken);
        if (reload != null) {
            // Without JavaScript, "show communes" shows the form again with the chosen province's communes.
            binding = new org.springframework.validation.BeanPropertyBindingResult(form, "form");
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", binding);
            return page(form, challenge == null ? guard.issue(PURPOSE) : challenge, response, model);
        }
        try {
            limits.attempt(ATTEMPTS, request.getRemoteAddr());
            guard.verify(PURPOSE, formToken, honeypot, form.getAnswer(), true);
            FormErrors.add(binding, validator.validate(form.request()), path -> path);
            if (!binding.hasErrors()) {
                Signup signup = signups.submit(form.request(), request.getRemoteAddr());
                return "redirect:/signup/status/" + signup.token();
            }
        } catch (OcopException e) {
            String message = problems.message(e.errorCode().messageKey(), e.arguments());
            String field = FIELD_OF.get(e.errorCode().code());
            if (field != null) {
                binding.rejectValue(field, e.errorCode().code(), message);
            } else {
                model.addAttribute("error", message);
            }
            if (e.errorCode() == CommonError.FORM_EXPIRED || e.errorCode() == CommonError.CHALLENGE_FAILED) {
                challenge = null; // a new question
            }
            response.setStatus(Problems.status(e.errorCode().kind()).value());
        }
        if (response.getStatus() == 200) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        form.setPassword("");
        form.setAnswer("");
        return page(form, challenge == null ? guard.issue(PURPOSE) : challenge, response, model);
    }

    @GetMapping("/signup/status/{token}")
    String status(@PathVariable String token, HttpServletResponse response, Model model) {
        Signup signup = signups.byToken(token);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Robots-Tag", "noindex");
        model.addAttribute("signup", signup);
        model.addAttribute("commune", units.getCurrent(signup.communeCode()));
        return "signup/status";
    }

    @GetMapping("/producers/signups")
    String list(CurrentUser actor, Model model) {
        List<Signup> list = signups.list(actor, 200);
        model.addAttribute("signups", list);
        model.addAttribute("places", places(list));
        return "signup/list";
    }

    @GetMapping("/producers/signups/{id}")
    String detail(@PathVariable long id, CurrentUser actor, Model model) {
        Signup signup = signups.get(id, actor);
        model.addAttribute("signup", signup);
        model.addAttribute("commune", units.getCurrent(signup.communeCode()));
        model.addAttribute("province", units.getCurrent(signup.provinceCode()));
        model.addAttribute("mayDecide", signups.mayDecide(signup, actor));
        return "signup/detail";
    }

    @PostMapping("/producers/signups/{id}/approve")
    String approve(
            @PathVariable long id,
            @RequestParam(defaultValue = "-1") long version,
            CurrentUser actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            Signup signup = signups.approve(id, version, actor);
            redirect.addFlashAttribute("saved", "signup.approved");
            return "redirect:/producers/" + signup.producerId();
        } catch (OptimisticLockingFailureException e) {
            return failed(id, CommonError.CONCURRENT_MODIFICATION, new Object[0], actor, model, response);
        } catch (OcopException e) {
            if (e.errorCode().kind() == vn.ocop.shared.ErrorKind.FORBIDDEN
                    || e.errorCode().kind() == vn.ocop.shared.ErrorKind.NOT_FOUND) {
                throw e;
            }
            return failed(id, e.errorCode(), e.arguments(), actor, model, response);
        }
    }

    @PostMapping("/producers/signups/{id}/refuse")
    String refuse(
            @PathVariable long id,
            @RequestParam(defaultValue = "-1") long version,
            @RequestParam(defaultValue = "") String reason,
            CurrentUser actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            signups.refuse(id, reason, version, actor);
            redirect.addFlashAttribute("saved", "signup.refused");
            return "redirect:/producers/signups/" + id;
        } catch (OptimisticLockingFailureException e) {
            return failed(id, CommonError.CONCURRENT_MODIFICATION, new Object[0], actor, model, response);
        } catch (OcopException e) {
            if (e.errorCode().kind() == vn.ocop.shared.ErrorKind.FORBIDDEN
                    || e.errorCode().kind() == vn.ocop.shared.ErrorKind.NOT_FOUND) {
                throw e;
            }
            model.addAttribute("reason", reason);
            return failed(id, e.errorCode(), e.arguments(), actor, model, response);
        }
    }

    private String failed(
            long id,
            vn.ocop.shared.ErrorCode code,
            Object[] arguments,
            CurrentUser actor,
            Model model,
            HttpServletResponse response) {
        response.setStatus(Problems.status(code.kind()).value());
        model.addAttribute("error", problems.message(code.messageKey(), arguments));
        return detail(id, actor, model);
    }

    private String page(SignupForm form, FormGuard.Challenge challenge, HttpServletResponse response, Model model) {
        // The form carries a per-visitor token: never kept by shared caches.
        response.setHeader("Cache-Control", "no-store");
        String province = form.getProvince();
        if ((province == null || province.isBlank()) && !form.getCommuneCode().isBlank()) {
            province = units.find(AdminEdition.CURRENT, form.getCommuneCode().strip())
                    .map(AdminUnit::provinceCode)
                    .orElse(null);
            form.setProvince(province);
        }
        String chosen = province;
        model.addAttribute("form", form);
        model.addAttribute("legalTypes", LegalType.values());
        model.addAttribute("provinces", units.list(AdminEdition.CURRENT, "province"));
        model.addAttribute(
                "communes",
                chosen == null || chosen.isBlank()
                        ? List.of()
                        : units.find(AdminEdition.CURRENT, chosen.strip())
                                .filter(AdminUnit::isProvince)
                                .map(p -> units.children(AdminEdition.CURRENT, p.code()))
                                .orElse(List.of()));
        model.addAttribute("challenge", challenge);
        model.addAttribute("question", challenge.question(LocaleContextHolder.getLocale()));
        model.addAttribute("honeypot", FormGuard.HONEYPOT);
        return "signup/form";
    }

    private Map<String, String> places(List<Signup> list) {
        Map<String, String> names = new java.util.HashMap<>();
        for (Signup s : list) {
            names.computeIfAbsent(s.communeCode(), units::currentName);
        }
        return names;
    }
}
