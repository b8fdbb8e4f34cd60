package vn.ocop.producer.web;

import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ocop.identity.CreateUser;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.Role;
import vn.ocop.identity.UserAccounts;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.producer.ProducerView;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.web.Problems;

/**
 * "Tạo tài khoản" on a producer's page: an account for the producer, created by whoever manages accounts where the
 * producer is (a province officer of its province, a system administrator); the producer is chosen by being on its
 * page, never by typing its number.
 */
@Controller
class ProducerAccountPages {

    private final ProducerRegistry registry;
    private final UserAccounts users;
    private final Problems problems;
    private final Validator validator;

    ProducerAccountPages(ProducerRegistry registry, UserAccounts users, Problems problems, Validator validator) {
        this.registry = registry;
        this.users = users;
        this.problems = problems;
        this.validator = validator;
    }

    @GetMapping("/producers/{id}/accounts/new")
    String form(@PathVariable long id, CurrentUser actor, Model model) {
        ProducerView producer = registry.get(id, actor);
        if (!users.mayCreateProducerAccount(id, actor)) {
            throw OcopException.forbidden();
        }
        return page(producer, "", producer.name(), producer.email(), null, model);
    }

    @PostMapping("/producers/{id}/accounts")
    String create(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(required = false) @Nullable String email,
            @RequestParam(defaultValue = "") String password,
            CurrentUser actor,
            Model model,
            RedirectAttributes redirect) {
        ProducerView producer = registry.get(id, actor);
        CreateUser command = new CreateUser(
                username.strip(),
                displayName.strip(),
                email == null || email.isBlank() ? null : email.strip(),
                Role.PRODUCER,
                null,
                password,
                id);
        var violations = validator.validate(command);
        if (!violations.isEmpty()) {
            return page(
                    producer,
                    username,
                    displayName,
                    email,
                    violations.iterator().next().getMessage(),
                    model);
        }
        try {
            users.create(command, actor);
            redirect.addFlashAttribute("saved", "producer.accountCreated");
            return "redirect:/producers/" + id + "#accounts";
        } catch (OcopException e) {
            return page(
                    producer,
                    username,
                    displayName,
                    email,
                    problems.message(e.errorCode().messageKey(), e.arguments()),
                    model);
        }
    }

    private String page(
            ProducerView producer,
            String username,
            String displayName,
            @Nullable String email,
            @Nullable String error,
            Model model) {
        model.addAttribute("producer", producer);
        model.addAttribute("username", username);
        model.addAttribute("displayName", displayName);
        model.addAttribute("email", email);
        model.addAttribute("error", error);
        return "producers/account-new";
    }
}
