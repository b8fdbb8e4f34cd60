package vn.ocop.traceability.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;
import vn.ocop.geography.AdminEdition;
import vn.ocop.geography.AdminUnits;
import vn.ocop.geography.ProvinceMap;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.Role;
import vn.ocop.product.ProductQuery;
import vn.ocop.product.ProductRegistry;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.PageResult;
import vn.ocop.shared.web.FormErrors;
import vn.ocop.shared.web.Problems;
import vn.ocop.traceability.EpcisExport;
import vn.ocop.traceability.LotCommands;
import vn.ocop.traceability.LotEventType;
import vn.ocop.traceability.LotStatus;
import vn.ocop.traceability.LotView;
import vn.ocop.traceability.Lots;
import vn.ocop.traceability.ScanStatistics;
import vn.ocop.traceability.SignalKind;
import vn.ocop.traceability.SignalStatus;
import vn.ocop.traceability.Signals;
import vn.ocop.traceability.StampBatches;
import vn.ocop.traceability.StampLinks;
import vn.ocop.traceability.StatusChange;
import vn.ocop.traceability.TraceabilityError;
import vn.ocop.traceability.TraceabilityProperties;

/**
 * Producers' and officers' traceability pages: the lots of their scope, recording a lot, a lot's page (tracking
 * events, stamp batches and their downloads, suspension and recall, its scans and signals), the signals to review and
 * scan statistics with a map. Authorization is the services' (403/404 become the error page).
 */
@Controller
@RequestMapping("/traceability")
class TraceabilityPages {

    static final int PAGE_SIZE = 20;

    private final Lots lots;
    private final StampBatches batches;
    private final Signals signals;
    private final ScanStatistics statistics;
    private final EpcisExport epcis;
    private final ProductRegistry products;
    private final StampLinks links;
    private final AdminUnits units;
    private final ProvinceMap map;
    private final TraceabilityProperties properties;
    private final Problems problems;
    private final Validator validator;
    private final JsonMapper json;
    private final Clock clock;

    TraceabilityPages(
            Lots lots,
            StampBatches batches,
            Signals signals,
            ScanStatistics statistics,
            EpcisExport epcis,
            ProductRegistry products,
            StampLinks links,
            AdminUnits units,
            ProvinceMap map,
            TraceabilityProperties properties,
            Problems problems,
            Validator validator,
            JsonMapper json,
            Clock clock) {
        this.lots = lots;
        this.batches = batches;
        this.signals = signals;
        this.statistics = statistics;
        this.epcis = epcis;
        this.products = products;
        this.links = links;
        this.units = units;
        this.map = map;
        this.properties = properties;
        this.problems = problems;
        this.validator = validator;
        this.json = json;
        this.clock = clock;
    }

    // --- lots ---------------------------------------------------------------------------------------------------

    @GetMapping
    String list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable LotStatus status,
            @RequestParam(required = false) @Nullable Long productId,
            @RequestParam(defaultValue = "0") int page,
            CurrentUser actor,
            Model model) {
        String text = q == null
                ? null
                : q.strip().substring(0, Math.min(100, q.strip().length()));
        PageResult<LotView> result = lots.list(
                new Lots.LotQuery(text, status, productId), Math.max(0, Math.min(page, 100_000)), PAGE_SIZE, actor);
        String query = UriComponentsBuilder.newInstance()
                .queryParamIfPresent("q", Optional.ofNullable(text).filter(t -> !t.isEmpty()))
                .queryParamIfPresent("status", Optional.ofNullable(status))
                .queryParamIfPresent("productId", Optional.ofNullable(productId))
                .encode()
                .build()
                .getQuery();
        model.addAttribute("q", text);
        model.addAttribute("status", status);
        model.addAttribute("productId", productId);
        model.addAttribute("statuses", LotStatus.values());
        model.addAttribute("result", result);
        model.addAttribute("pageUrl", "/traceability" + (query == null ? "" : "?" + query));
        model.addAttribute("mayRecord", mayRecordSomewhere(actor));
        return "traceability/lots";
    }

    @GetMapping("/lots/new")
    String newLot(
            @RequestParam(required = false) @Nullable Long productId,
            @RequestParam(required = false) @Nullable String q,
            CurrentUser actor,
            Model model) {
        LotForm form = new LotForm();
        form.setProductId(productId);
        form.setProductionDate(LocalDate.now(clock));
        model.addAttribute("form", form);
        return lotForm(form, q, actor, model);
    }

    @PostMapping("/lots")
    String record(
            @ModelAttribute("form") LotForm form,
            BindingResult binding,
            CurrentUser actor,
            Model model,
            RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            LotCommands.RecordLot command = form.command();
            Set<ConstraintViolation<LotCommands.RecordLot>> violations = validator.validate(command);
            FormErrors.add(binding, violations, field -> field);
            if (!binding.hasErrors()) {
                try {
                    LotView lot = lots.record(command, actor);
                    redirect.addFlashAttribute("done", "recorded");
                    return "redirect:/traceability/lots/" + lot.id();
                } catch (OcopException e) {
                    reject(binding, e, LOT_FIELDS);
                }
            }
        }
        return lotForm(form, null, actor, model);
    }

    private static final Map<TraceabilityError, String> LOT_FIELDS = Map.of(
            TraceabilityError.INVALID_GTIN, "gtin",
            TraceabilityError.GTIN_OF_ANOTHER_PRODUCT, "gtin",
            TraceabilityError.LOT_NUMBER_TAKEN, "lotNumber",
            TraceabilityError.INVALID_LOT_NUMBER, "lotNumber",
            TraceabilityError.INVALID_DATES, "bestBefore",
            TraceabilityError.INVALID_QUANTITY, "quantity",
            TraceabilityError.PRODUCT_NOT_CERTIFIED, "productId");

    /** A product the user may record lots of: certified, within their edit rights. */
    record ProductChoice(long id, String name, String producerName, int star) {}

    private String lotForm(LotForm form, @Nullable String q, CurrentUser actor, Model model) {
        String text = q == null || q.isBlank() ? null : q.strip();
        List<ProductChoice> choices =
                new java.util.ArrayList<>(products
                        .search(new ProductQuery(text, null, null, null, null, null, null, null, null), 0, 50, actor)
                        .items()
                        .stream()
                        .filter(p -> p.star() != null && p.star() >= 3 && p.certificateNumber() != null)
                        .filter(p -> lots.mayRecord(p.communeCode(), p.producerId(), actor))
                        .map(p -> new ProductChoice(p.id(), p.name(), p.producerName(), p.star()))
                        .toList());
        Long selected = form.getProductId();
        if (selected != null && choices.stream().noneMatch(c -> c.id() == selected)) {
            try {
                var product = products.get(selected, actor);
                if (product.rating() != null) {
                    choices.add(
                            0,
                            new ProductChoice(
                                    product.id(),
                                    product.name(),
                                    product.producerName(),
                                    product.rating().star()));
                }
            } catch (OcopException e) {
                form.setProductId(null); // not one the user may see: let them choose
            }
        }
        model.addAttribute("choices", choices);
        model.addAttribute("q", text);
        model.addAttribute("units", LotCommands.Unit.values());
        model.addAttribute("today", LocalDate.now(clock));
        return "traceability/lot-form";
    }

    @GetMapping("/lots/{id}")
    String lot(@PathVariable long id, CurrentUser actor, Model model) {
        LotView lot = lots.get(id, actor);
        if (!model.containsAttribute("eventForm")) {
            EventForm form = new EventForm();
            form.setOccurredAt(LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES));
            form.setPlace("");
            form.setParty(lot.producerName());
            model.addAttribute("eventForm", form);
        }
        boolean mayEdit = lots.mayEdit(lot, actor);
        model.addAttribute("lot", lot);
        model.addAttribute("events", lots.events(id, actor));
        model.addAttribute("batches", batches.ofLot(id, actor));
        model.addAttribute("mayEdit", mayEdit);
        model.addAttribute("officer", actor.role() != Role.PRODUCER);
        model.addAttribute("eventTypes", LotEventType.values());
        model.addAttribute("units", LotCommands.Unit.values());
        model.addAttribute("communes", units.children(AdminEdition.CURRENT, lot.provinceCode()));
        model.addAttribute(
                "province", units.find(AdminEdition.CURRENT, lot.provinceCode()).orElse(null));
        model.addAttribute(
                "commune", units.find(AdminEdition.CURRENT, lot.communeCode()).orElse(null));
        model.addAttribute("gtin", lot.gtin() == null ? null : new vn.ocop.traceability.Gtin(lot.gtin()).display());
        model.addAttribute(
                "signals",
                signals.list(new Signals.SignalQuery(null, null, id), 0, 20, actor)
                        .items());
        model.addAttribute("stats", statistics.of(30, id, actor));
        model.addAttribute("publicPage", links.lotPage(lot.publicKey()));
        model.addAttribute("eventsUrl", links.lotEvents(lot.publicKey()));
        model.addAttribute("maxBatch", properties.maxBatchSize());
        model.addAttribute("maxLabels", properties.maxLabelsPerPdf());
        model.addAttribute("today", LocalDate.now(clock));
        return "traceability/lot";
    }

    @PostMapping("/lots/{id}/events")
    String addEvent(
            @PathVariable long id,
            @ModelAttribute("eventForm") EventForm form,
            BindingResult binding,
            CurrentUser actor,
            Model model,
            RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            LotCommands.RecordLotEvent command = form.command();
            FormErrors.add(binding, validator.validate(command), field -> field);
            if (!binding.hasErrors()) {
                try {
                    lots.addEvent(id, command, actor);
                    redirect.addFlashAttribute("done", "event");
                    return "redirect:/traceability/lots/" + id + "#events";
                } catch (OcopException e) {
                    reject(
                            binding,
                            e,
                            Map.of(
                                    TraceabilityError.INVALID_EVENT_TIME, "occurredAt",
                                    TraceabilityError.INVALID_QUANTITY, "quantity"));
                }
            }
        }
        model.addAttribute("eventError", true);
        return lot(id, actor, model);
    }

    @PostMapping("/lots/{id}/events/{eventId}/withdraw")
    String withdraw(
            @PathVariable long id,
            @PathVariable long eventId,
            @RequestParam(defaultValue = "") String reason,
            CurrentUser actor,
            RedirectAttributes redirect) {
        return act(
                redirect,
                "/traceability/lots/" + id + "#events",
                "withdrawn",
                () -> lots.withdrawEvent(id, eventId, reason, actor));
    }

    @PostMapping("/lots/{id}/status")
    String changeLot(
            @PathVariable long id,
            @RequestParam StatusChange change,
            @RequestParam(defaultValue = "") String message,
            CurrentUser actor,
            RedirectAttributes redirect) {
        return act(
                redirect,
                "/traceability/lots/" + id,
                "lot." + change,
                () -> lots.changeStatus(id, new LotCommands.ChangeStatus(change, message), actor));
    }

    @PostMapping("/lots/{id}/batches")
    String generate(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer quantity,
            CurrentUser actor,
            RedirectAttributes redirect) {
        return act(redirect, "/traceability/lots/" + id + "#batches", "generated", () -> {
            if (quantity == null) {
                throw new OcopException(TraceabilityError.BATCH_SIZE, properties.maxBatchSize());
            }
            return batches.generate(id, new LotCommands.GenerateBatch(quantity), actor);
        });
    }

    @PostMapping("/batches/{id}/status")
    String changeBatch(
            @PathVariable long id,
            @RequestParam StatusChange change,
            @RequestParam(defaultValue = "") String message,
            CurrentUser actor,
            RedirectAttributes redirect) {
        LotView.Batch batch = batches.get(id, actor);
        return act(
                redirect,
                "/traceability/lots/" + batch.lotId() + "#batches",
                "batch." + change,
                () -> batches.changeStatus(id, new LotCommands.ChangeStatus(change, message), actor));
    }

    @GetMapping(value = "/batches/{id}/stamps.csv", produces = "text/csv")
    void csv(@PathVariable long id, CurrentUser actor, HttpServletResponse response) throws IOException {
        TraceabilityApi.Downloads.csv(batches.csv(id, actor), response);
    }

    @GetMapping(value = "/batches/{id}/labels.pdf", produces = "application/pdf")
    ResponseEntity<byte[]> labels(
            @PathVariable long id,
            @RequestParam(defaultValue = "1") int from,
            @RequestParam(defaultValue = "0") int count,
            CurrentUser actor) {
        int n = count > 0 ? count : properties.maxLabelsPerPdf();
        return TraceabilityApi.Downloads.pdf(batches.labels(id, from, n, actor), "tem-" + id + "-" + from + ".pdf");
    }

    @GetMapping(value = "/lots/{id}/epcis.jsonld")
    ResponseEntity<String> epcis(@PathVariable long id, CurrentUser actor) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(EpcisExport.MEDIA_TYPE))
                .header("Content-Disposition", "attachment; filename=\"epcis-lot-" + id + ".jsonld\"")
                .body(json.writerWithDefaultPrettyPrinter().writeValueAsString(epcis.ofLot(id, actor)));
    }

    // --- signals and statistics ---------------------------------------------------------------------------------

    @GetMapping("/signals")
    String signals(
            @RequestParam(required = false) @Nullable SignalStatus status,
            @RequestParam(required = false) @Nullable SignalKind kind,
            @RequestParam(required = false) @Nullable Long lotId,
            @RequestParam(defaultValue = "0") int page,
            CurrentUser actor,
            Model model) {
        PageResult<Signals.SignalView> result = signals.list(
                new Signals.SignalQuery(status, kind, lotId), Math.max(0, Math.min(page, 100_000)), PAGE_SIZE, actor);
        String query = UriComponentsBuilder.newInstance()
                .queryParamIfPresent("status", Optional.ofNullable(status))
                .queryParamIfPresent("kind", Optional.ofNullable(kind))
                .queryParamIfPresent("lotId", Optional.ofNullable(lotId))
                .build()
                .getQuery();
        model.addAttribute("result", result);
        model.addAttribute("status", status);
        model.addAttribute("kind", kind);
        model.addAttribute("lotId", lotId);
        model.addAttribute("statuses", SignalStatus.values());
        model.addAttribute("kinds", SignalKind.values());
        model.addAttribute("pageUrl", "/traceability/signals" + (query == null ? "" : "?" + query));
        model.addAttribute(
                "reviewable",
                result.items().stream()
                        .filter(s -> s.status() == SignalStatus.OPEN && signals.mayReview(s, actor))
                        .map(Signals.SignalView::id)
                        .toList());
        model.addAttribute("unitNames", units.byCode(AdminEdition.CURRENT));
        return "traceability/signals";
    }

    @PostMapping("/signals/{id}/review")
    String review(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String outcome,
            @RequestParam(defaultValue = "") String note,
            CurrentUser actor,
            RedirectAttributes redirect) {
        return act(redirect, "/traceability/signals?status=OPEN", "reviewed", () -> {
            SignalStatus status;
            try {
                status = SignalStatus.valueOf(outcome);
            } catch (IllegalArgumentException e) {
                throw new OcopException(vn.ocop.shared.CommonError.INVALID_PARAMETER, "outcome");
            }
            return signals.review(id, status, note, actor);
        });
    }

    @GetMapping("/scans")
    String scans(@RequestParam(defaultValue = "30") int days, CurrentUser actor, Model model) {
        int span = days == 7 || days == 90 || days == 365 ? days : 30;
        ScanStatistics.Statistics stats = statistics.of(span, null, actor);
        model.addAttribute("stats", stats);
        model.addAttribute("days", span);
        model.addAttribute("map", map);
        model.addAttribute("values", stats.byScannerProvince());
        model.addAttribute("steps", ProvinceMap.steps(stats.byScannerProvince()));
        model.addAttribute("unitNames", units.byCode(AdminEdition.CURRENT));
        return "traceability/scans";
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    /** Runs an action of a button; a business refusal comes back as a message on the page it returns to. */
    private String act(RedirectAttributes redirect, String target, String done, java.util.function.Supplier<?> action) {
        try {
            action.get();
            redirect.addFlashAttribute("done", done);
        } catch (OcopException e) {
            redirect.addFlashAttribute("error", problems.message(e.errorCode().messageKey(), e.arguments()));
        }
        return "redirect:" + target;
    }

    private void reject(BindingResult binding, OcopException e, Map<TraceabilityError, String> fields) {
        String message = problems.message(e.errorCode().messageKey(), e.arguments());
        String field = e.errorCode() instanceof TraceabilityError error ? fields.get(error) : null;
        if (field != null) {
            binding.rejectValue(field, e.errorCode().code(), message);
        } else {
            binding.reject(e.errorCode().code(), message);
        }
    }

    private static boolean mayRecordSomewhere(CurrentUser actor) {
        return actor.role() == Role.PRODUCER
                || actor.role() == Role.SYSTEM_ADMIN
                || actor.role() == Role.CENTRAL_OFFICE
                || actor.role() == Role.PROVINCE_OFFICER
                || actor.role() == Role.COMMUNE_OFFICER;
    }
}
