package vn.ocop.producer.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.identity.CurrentUser;
import vn.ocop.producer.LegalType;
import vn.ocop.producer.ProducerDetails;
import vn.ocop.producer.ProducerQuery;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.producer.ProducerStatus;
import vn.ocop.producer.ProducerView;
import vn.ocop.shared.PageResult;

/** Producers within the caller's jurisdiction. */
@RestController
@RequestMapping("/api/v1/producers")
@Tag(name = "Producers", description = "Chủ thể OCOP")
@SecurityRequirement(name = "bearer")
class ProducerApi {

    private final ProducerRegistry registry;

    ProducerApi(ProducerRegistry registry) {
        this.registry = registry;
    }

    @GetMapping
    @Operation(summary = "Producers, filtered and paged; q matches name or tax code ignoring accents")
    PageResult<ProducerView> list(
            @RequestParam(required = false) @Nullable @Size(max = 200) String q,
            @RequestParam(required = false) @Nullable String province,
            @RequestParam(required = false) @Nullable String commune,
            @RequestParam(required = false) @Nullable LegalType type,
            @RequestParam(required = false) @Nullable ProducerStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
            CurrentUser actor) {
        return registry.search(new ProducerQuery(q, province, commune, type, status), page, size, actor);
    }

    @PostMapping
    @Operation(summary = "Register a producer in a commune of the caller's jurisdiction")
    ResponseEntity<ProducerView> register(@Valid @RequestBody ProducerDetails details, CurrentUser actor) {
        ProducerView created = registry.register(details, actor);
        return ResponseEntity.created(URI.create("/api/v1/producers/" + created.id()))
                .body(created);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One producer")
    ProducerView one(@PathVariable long id, CurrentUser actor) {
        return registry.get(id, actor);
    }

    /** An update: the new details and the version they were based on. */
    record ProducerUpdate(
            @Valid @NotNull ProducerDetails details,
            @NotNull Long version) {}

    @PutMapping("/{id}")
    @Operation(summary = "Change a producer; 409 when `version` is not the current one")
    ProducerView update(@PathVariable long id, @Valid @RequestBody ProducerUpdate update, CurrentUser actor) {
        return registry.update(id, update.details(), update.version(), actor);
    }
}
