package vn.ocop.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.audit.AuditEntry;
import vn.ocop.audit.AuditQuery;
import vn.ocop.audit.AuditTrail;
import vn.ocop.identity.CurrentUser;

@RestController
@RequestMapping("/api/v1/audit-events")
@Tag(name = "Audit trail")
@SecurityRequirement(name = "bearer")
class AuditApi {

    private final AuditTrail trail;

    AuditApi(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping
    @Operation(summary = "Audit entries, newest first (system administrators and the central office)")
    PagedEntries search(
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String objectType,
            @RequestParam(required = false) @Nullable String objectId,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
            CurrentUser viewer) {
        Page<AuditEntry> result = trail.search(
                new AuditQuery(actor, action, objectType, objectId, from, to), PageRequest.of(page, size), viewer);
        return new PagedEntries(result.getContent(), result.getNumber(), result.getSize(), result.getTotalElements());
    }

    record PagedEntries(java.util.List<AuditEntry> items, int page, int size, long total) {}
}
