package vn.ocop.identity.web;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Validator;
import java.util.List;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ocop.geography.AdminEdition;
import vn.ocop.geography.AdminUnit;
import vn.ocop.geography.AdminUnits;
import vn.ocop.identity.ApiTokens;
import vn.ocop.identity.CreateUser;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.Role;
import vn.ocop.identity.UserAccounts;
import vn.ocop.identity.UserSummary;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.PageResult;
import vn.ocop.shared.web.Problems;

/**
 * Login, own account, and user administration pages: every account the viewer manages (producers' included),
 * searchable and filtered by role and unit; creating accounts with units chosen by name; an account's page to edit it,
 * disable or enable it and reset its password.
 */
@Controller
class IdentityPages {

    private static final int PAGE_SIZE = 25;

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
            @RequestParam String currentPassword,
            @RequestParam String newPassword,
            CurrentUser actor,
            HttpSession session,
            Model model) {
        try {
            users.changeOwnPassword(actor, currentPassword, newPassword, session.getId());
            model.addAttribute("changed", true);
        } catch (OcopException e) {
            model.addAttribute("error", problems.message(e.errorCode().messageKey(), e.arguments()));
        }
        return account(actor, model);
    }

    // --- the accounts list ---------------------------------------------------------------------------------------

    @GetMapping("/admin/users")
    String userList(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String role,
            @RequestParam(defaultValue = "") String province,
            @RequestParam(defaultValue = "") String commune,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            CurrentUser actor,
            Model model) {
        requireManager(actor);
        Role roleFilter = parseRole(role);
        Area area = area(actor, blank(province), blank(commune));
        String unit = area.commune() != null ? area.commune() : area.province();
        PageResult<UserSummary> result = users.search(
                new UserAccounts.AccountQuery(q.length() > 100 ? q.substring(0, 100) : q, roleFilter, unit),
                Math.max(0, Math.min(page, 100_000)),
                PAGE_SIZE,
                actor);
        model.addAttribute("result", result);
        model.addAttribute("producerNames", producerNames(result.items()));
        model.addAttribute("unitNames", units.byCode(AdminEdition.CURRENT));
        model.addAttribute("q", q);
        model.addAttribute("role", roleFilter);
        model.addAttribute("allRoles", Role.values());
        model.addAttribute("area", area);
        model.addAttribute("province", area.province());
        model.addAttribute("commune", area.commune());
        model.addAttribute(
                "pageUrl",
                "/admin/users?q=" + encode(q) + "&role=" + (roleFilter == null ? "" : roleFilter.name()) + "&province="
                        + (area.province() == null ? "" : area.province()) + "&commune="
                        + (area.commune() == null ? "" : area.commune()));
        return "true".equals(htmx) ? "users/list :: results" : "users/list";
    }

    // --- creating an account ---------------------------------------------------------------------------------------

    /** The new-user form; its fields mirror {@link CreateUser} (producer accounts are created from the producer). */
    static class UserForm {
        private String username = "";
        private String displayName = "";
        private @Nullable String email;
        private Role role = Role.COMMUNE_OFFICER;
        private @Nullable String province;
        private @Nullable String commune;
        private String password = "";
        private @Nullable String returnTo;

        public String getUsername() {
            return username;
        }

        public void setUsername(@Nullable String username) {
            this.username = username == null ? "" : username;
        }

        public String getDisplayName() {
            return displayName;
        }

        public void setDisplayName(@Nullable String displayName) {
            this.displayName = displayName == null ? "" : displayName;
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

        public void setRole(@Nullable Role role) {
            this.role = role == null ? Role.COMMUNE_OFFICER : role;
        }

        public @Nullable String getProvince() {
            return province;
        }

        public void setProvince(@Nullable String province) {
            this.province = province;
        }

        public @Nullable String getCommune() {
            return commune;
        }

        public void setCommune(@Nullable String commune) {
            this.commune = commune;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(@Nullable String password) {
            this.password = password == null ? "" : password;
        }

        public @Nullable String getReturnTo() {
            return returnTo;
        }

        public void setReturnTo(@Nullable String returnTo) {
            this.returnTo = returnTo;
        }

        /** The account's jurisdiction: the commune if one is chosen, else the province (none for central roles). */
        @Nullable
        String jurisdiction() {
            if (role.nationwide()) {
                return null;
            }
            if (role == Role.COMMUNE_OFFICER) {
                return commune;
            }
            return province;
        }
    }

    @GetMapping("/admin/users/new")
    String newUser(
            @RequestParam(required = false) @Nullable Role role,
            @RequestParam(required = false) @Nullable String jurisdiction,
            @RequestParam(required = false) @Nullable String returnTo,
            CurrentUser actor,
            Model model) {
        requireManager(actor);
        UserForm form = new UserForm();
        List<Role> grantable = grantable(actor);
        if (role != null && grantable.contains(role)) {
            form.setRole(role);
        } else if (!grantable.isEmpty()) {
            form.setRole(grantable.get(0));
        }
        if (jurisdiction != null) {
            units.find(AdminEdition.CURRENT, jurisdiction).ifPresent(unit -> {
                form.setProvince(unit.provinceCode());
                form.setCommune(unit.isProvince() ? null : unit.code());
            });
        }
        form.setReturnTo(localPath(returnTo));
        return userForm(form, null, actor, model);
    }

    @PostMapping("/admin/users")
    String createUser(
            @ModelAttribute("form") UserForm form,
            BindingResult binding,
            CurrentUser actor,
            Model model,
            RedirectAttributes redirect) {
        requireManager(actor);
        CreateUser command = new CreateUser(
                form.getUsername().strip(),
                form.getDisplayName(),
                form.getEmail() == null || form.getEmail().isBlank()
                        ? null
                        : form.getEmail().strip(),
                form.getRole(),
                form.jurisdiction(),
                form.getPassword());
        validator
                .validate(command)
                .forEach(v -> binding.rejectValue(field(v.getPropertyPath().toString()), "invalid", v.getMessage()));
        if (!binding.hasErrors()) {
            try {
                UserSummary created = users.create(command, actor);
                redirect.addFlashAttribute("created", created.username());
                String back = localPath(form.getReturnTo());
                return "redirect:" + (back == null ? "/admin/users/" + created.id() : back);
            } catch (OcopException e) {
                form.setPassword("");
                return userForm(form, problems.message(e.errorCode().messageKey(), e.arguments()), actor, model);
            }
        }
        form.setPassword("");
        return userForm(form, null, actor, model);
    }

    private String userForm(UserForm form, @Nullable String error, CurrentUser actor, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        model.addAttribute("roles", grantable(actor));
        model.addAttribute("area", area(actor, form.getProvince(), form.getCommune()));
        return "users/new";
    }

    // --- one account -----------------------------------------------------------------------------------------------

    @GetMapping("/admin/users/{id}")
    String user(@PathVariable long id, CurrentUser actor, Model model) {
        UserSummary account = users.get(id, actor);
        model.addAttribute("account", account);
        model.addAttribute("producerName", users.producerNameOf(account).orElse(null));
        model.addAttribute("unitNames", units.byCode(AdminEdition.CURRENT));
        model.addAttribute("roles", users.grantableRoles(actor));
        model.addAttribute("self", account.id() == actor.id());
        AdminUnit unit = account.jurisdictionCode() == null
                ? null
                : units.find(AdminEdition.CURRENT, account.jurisdictionCode()).orElse(null);
        model.addAttribute(
                "area",
                area(
                        actor,
                        unit == null ? null : unit.provinceCode(),
                        unit == null || unit.isProvince() ? null : unit.code()));
        return "users/detail";
    }

    @PostMapping("/admin/users/{id}")
    String updateUser(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(required = false) @Nullable String email,
            @RequestParam(required = false) @Nullable Role role,
            @RequestParam(required = false) @Nullable String province,
            @RequestParam(required = false) @Nullable String commune,
            @RequestParam(defaultValue = "-1") long version,
            CurrentUser actor,
            RedirectAttributes redirect) {
        UserSummary account = users.get(id, actor);
        Role newRole = role == null ? account.role() : role;
        String jurisdiction = newRole.nationwide() || newRole == Role.PRODUCER
                ? account.jurisdictionCode()
                : newRole == Role.COMMUNE_OFFICER ? blank(commune) : blank(province);
        UserAccounts.UpdateUser command = new UserAccounts.UpdateUser(
                displayName.strip(), email == null || email.isBlank() ? null : email.strip(), newRole, jurisdiction);
        var violations = validator.validate(command);
        try {
            if (!violations.isEmpty()) {
                redirect.addFlashAttribute("error", violations.iterator().next().getMessage());
            } else {
                users.update(id, command, version, actor);
                redirect.addFlashAttribute("done", "updated");
            }
        } catch (OcopException e) {
            redirect.addFlashAttribute("error", problems.message(e.errorCode().messageKey(), e.arguments()));
        } catch (OptimisticLockingFailureException stale) {
            redirect.addFlashAttribute("error", problems.message("error.COMMON-006"));
        }
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/enabled")
    String setEnabled(
            @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean enabled,
            @RequestParam(defaultValue = "-1") long version,
            CurrentUser actor,
            RedirectAttributes redirect) {
        try {
            users.setEnabled(id, enabled, version, actor);
            redirect.addFlashAttribute("done", enabled ? "enabled" : "disabled");
        } catch (OcopException e) {
            redirect.addFlashAttribute("error", problems.message(e.errorCode().messageKey(), e.arguments()));
        } catch (OptimisticLockingFailureException stale) {
            redirect.addFlashAttribute("error", problems.message("error.COMMON-006"));
        }
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/password")
    String resetPassword(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String password,
            CurrentUser actor,
            RedirectAttributes redirect) {
        try {
            users.resetPassword(id, password, actor);
            redirect.addFlashAttribute("done", "password");
        } catch (OcopException e) {
            redirect.addFlashAttribute("error", problems.message(e.errorCode().messageKey(), e.arguments()));
        }
        return "redirect:/admin/users/" + id;
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    /** The provinces and communes the actor may pick, and the chosen ones (limited to the actor's jurisdiction). */
    record Area(
            List<AdminUnit> provinces,
            List<AdminUnit> communes,
            @Nullable String province,
            @Nullable String commune,
            boolean provinceFixed) {}

    private Area area(CurrentUser actor, @Nullable String province, @Nullable String commune) {
        List<AdminUnit> provinces;
        String chosen = province;
        boolean fixed = false;
        if (actor.role().nationwide()) {
            provinces = units.list(AdminEdition.CURRENT, "province");
        } else {
            AdminUnit own = actor.jurisdictionCode() == null
                    ? null
                    : units.find(AdminEdition.CURRENT, actor.jurisdictionCode()).orElse(null);
            provinces = own == null
                    ? List.of()
                    : List.of(
                            units.find(AdminEdition.CURRENT, own.provinceCode()).orElseThrow());
            chosen = own == null ? null : own.provinceCode();
            fixed = true;
        }
        String wanted = chosen;
        String validProvince =
                wanted != null && provinces.stream().anyMatch(p -> p.code().equals(wanted)) ? wanted : null;
        List<AdminUnit> communes =
                validProvince == null ? List.of() : units.children(AdminEdition.CURRENT, validProvince);
        String validCommune =
                commune != null && communes.stream().anyMatch(c -> c.code().equals(commune)) ? commune : null;
        return new Area(provinces, communes, validProvince, validCommune, fixed);
    }

    private List<Role> grantable(CurrentUser actor) {
        return users.grantableRoles(actor).stream()
                .filter(r -> r != Role.PRODUCER)
                .toList();
    }

    private java.util.Map<Long, String> producerNames(List<UserSummary> accounts) {
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        for (UserSummary account : accounts) {
            if (account.producerId() != null) {
                users.producerNameOf(account).ifPresent(name -> names.put(account.producerId(), name));
            }
        }
        return names;
    }

    private void requireManager(CurrentUser actor) {
        if (!users.mayManage(actor)) {
            throw OcopException.forbidden();
        }
    }

    /** A form field of the command's property (the jurisdiction is chosen with the commune or province select). */
    private static String field(String property) {
        return "jurisdictionCode".equals(property) ? "commune" : property;
    }

    private static @Nullable Role parseRole(String role) {
        for (Role r : Role.values()) {
            if (r.name().equals(role)) {
                return r;
            }
        }
        return null;
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A return address inside the application (never elsewhere: an open redirect would help phishing). */
    static @Nullable String localPath(@Nullable String path) {
        return path != null && path.matches("/(?![/\\\\])[A-Za-z0-9/_.~%?=&-]{0,300}") ? path : null;
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
