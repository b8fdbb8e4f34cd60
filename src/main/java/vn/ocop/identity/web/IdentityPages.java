package vn.ocop.identity.web;

import jakarta.validation.Validator;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ocop.geography.AdminUnits;
import vn.ocop.identity.ApiTokens;
import vn.ocop.identity.CreateUser;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.Role;
import vn.ocop.identity.UserAccounts;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.web.Problems;

/** Login, own account, and user administration pages. */
@Controller
class IdentityPages {

    private final UserAccounts users;
    private final ApiTokens tokens;
    private final AdminUnits units;
    private final Problems problems;
    private final Validator validator;

    IdentityPages(UserAccounts users, ApiTokens tokens, AdminUnits units, Problems problems, Validator validator) {
        this.users = users;
        this.tokens = tokens;
        this.units = units;
        this.problems = problems;
        this.validator = validator;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/account")
    String account(CurrentUser actor, Model model) {
        model.addAttribute("user", actor);
        model.addAttribute("tokens", tokens.list(actor));
        return "account";
    }

    @PostMapping("/account/password")
    String changePassword(
            @RequestParam String currentPassword, @RequestParam String newPassword, CurrentUser actor, Model model) {
        try {
            users.changeOwnPassword(actor, currentPassword, newPassword);
            model.addAttribute("changed", true);
        } catch (OcopException e) {
            model.addAttribute("error", problems.message(e.errorCode().messageKey(), e.arguments()));
        }
        return account(actor, model);
    }

    @GetMapping("/admin/users")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'PROVINCE_OFFICER')")
    String userList(CurrentUser actor, Model model, @Nullable @ModelAttribute("created") String created) {
        model.addAttribute("users", users.list(actor));
        return "users/list";
    }

    /** The new-user form; its fields mirror {@link CreateUser}. */
    static class UserForm {
        private String username = "";
        private String displayName = "";
        private @Nullable String email;
        private Role role = Role.COMMUNE_OFFICER;
        private @Nullable String jurisdictionCode;
        private String password = "";
        private @Nullable Long producerId;

        // Getters and setters for form binding.
        public @Nullable Long getProducerId() {
            return producerId;
        }

        public void setProducerId(@Nullable Long producerId) {
            this.producerId = producerId;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getDisplayName() {
            return displayName;
        }

        public void setDisplayName(String displayName) {
            this.displayName = displayName;
        }

        public @Nullable String getEmail() {
            return email;
        }

        public void setEmail(@Nullable String email) {
            this.email = email;
        }

        public Role getRole() {
            return role;
        }

        public void setRole(Role role) {
            this.role = role;
        }

        public @Nullable String getJurisdictionCode() {
            return jurisdictionCode;
        }

        public void setJurisdictionCode(@Nullable String jurisdictionCode) {
            this.jurisdictionCode = jurisdictionCode;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }
    }

    @GetMapping("/admin/users/new")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'PROVINCE_OFFICER')")
    String newUser(CurrentUser actor, Model model) {
        model.addAttribute("form", new UserForm());
        model.addAttribute("roles", grantableRoles(actor));
        return "users/new";
    }

    @PostMapping("/admin/users")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'PROVINCE_OFFICER')")
    String createUser(
            @ModelAttribute("form") UserForm form,
            BindingResult binding,
            CurrentUser actor,
            Model model,
            RedirectAttributes redirect) {
        CreateUser command = new CreateUser(
                form.getUsername().strip(),
                form.getDisplayName(),
                form.getEmail() == null || form.getEmail().isBlank()
                        ? null
                        : form.getEmail().strip(),
                form.getRole(),
                form.getJurisdictionCode(),
                form.getPassword(),
                form.getRole() == Role.PRODUCER ? form.getProducerId() : null);
        validator
                .validate(command)
                .forEach(v -> binding.rejectValue(v.getPropertyPath().toString(), "invalid", v.getMessage()));
        if (!binding.hasErrors()) {
            try {
                users.create(command, actor);
                redirect.addFlashAttribute("created", command.username());
                return "redirect:/admin/users";
            } catch (OcopException e) {
                model.addAttribute("error", problems.message(e.errorCode().messageKey(), e.arguments()));
            }
        }
        form.setPassword("");
        model.addAttribute("roles", grantableRoles(actor));
        return "users/new";
    }

    private static List<Role> grantableRoles(CurrentUser actor) {
        if (actor.role() == Role.SYSTEM_ADMIN) {
            return Arrays.asList(Role.values());
        }
        return List.of(Role.COMMUNE_OFFICER, Role.COUNCIL_MEMBER, Role.PRODUCER);
    }
}
