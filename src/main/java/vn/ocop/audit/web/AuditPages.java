package vn.ocop.audit.web;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import vn.ocop.audit.AuditQuery;
import vn.ocop.audit.AuditTrail;
import vn.ocop.identity.CurrentUser;

@Controller
class AuditPages {

    private final AuditTrail trail;

    AuditPages(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/admin/audit")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'CENTRAL_OFFICE')")
    String list(
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String objectType,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            CurrentUser viewer,
            Model model) {
        AuditQuery query = new AuditQuery(actor, action, objectType, null, from, to);
        model.addAttribute("query", query);
        model.addAttribute("entries", trail.search(query, PageRequest.of(Math.max(0, page), 50), viewer));
        model.addAttribute(
                "pageUrl",
                UriComponentsBuilder.fromPath("/admin/audit")
                        .queryParamIfPresent("actor", java.util.Optional.ofNullable(actor))
                        .queryParamIfPresent("action", java.util.Optional.ofNullable(action))
                        .queryParamIfPresent("objectType", java.util.Optional.ofNullable(objectType))
                        .queryParamIfPresent("from", java.util.Optional.ofNullable(from))
                        .queryParamIfPresent("to", java.util.Optional.ofNullable(to))
                        .encode()
                        .toUriString());
        return "audit/list";
    }
}
