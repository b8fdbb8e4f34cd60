package vn.ocop.evaluation.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.FileSystemResource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import vn.ocop.evaluation.CommuneReview;
import vn.ocop.evaluation.CouncilMinutes;
import vn.ocop.evaluation.CouncilScoring;
import vn.ocop.evaluation.CriteriaSets;
import vn.ocop.evaluation.DossierAction;
import vn.ocop.evaluation.DossierForms;
import vn.ocop.evaluation.DossierStatus;
import vn.ocop.evaluation.DossierView;
import vn.ocop.evaluation.Dossiers;
import vn.ocop.evaluation.EvaluationError;
import vn.ocop.evaluation.EvaluationRound;
import vn.ocop.evaluation.EvaluationRounds;
import vn.ocop.evaluation.EvidenceLocker;
import vn.ocop.identity.CurrentUser;
import vn.ocop.shared.CommonError;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.web.Problems;

/**
 * Pages of one dossier: what it is about, its documents checklist, the self-assessment with the evidence cited per
 * criterion, the forms, the commune's check, the council's scoring, and only the actions this viewer may take now
 * ({@link Dossiers#actionsFor}). Business failures come back as a message on the page.
 */
@Controller
class DossierPages {

    private static final Pattern DOCUMENT_UPLOAD = Pattern.compile(".*/evaluation/dossiers/(\\d+)/documents/?");

    private final EvaluationRounds rounds;
    private final Dossiers dossiers;
    private final CouncilScoring scoring;
    private final CriteriaSets criteria;
    private final Problems problems;
    private final CouncilMinutes minutes;
    private final vn.ocop.evaluation.DossierDocuments documents;
    private final EvidenceLocker evidence;
    private final Validator validator;
    private final java.time.Clock clock;

    DossierPages(
            EvaluationRounds rounds,
            Dossiers dossiers,
            CouncilScoring scoring,
            CriteriaSets criteria,
            Problems problems,
            CouncilMinutes minutes,
            vn.ocop.evaluation.DossierDocuments documents,
            EvidenceLocker evidence,
            Validator validator,
            java.time.Clock clock) {
        this.documents = documents;
        this.rounds = rounds;
        this.dossiers = dossiers;
        this.scoring = scoring;
        this.criteria = criteria;
        this.problems = problems;
        this.minutes = minutes;
        this.evidence = evidence;
        this.validator = validator;
        this.clock = clock;
    }

    @GetMapping("/evaluation/dossiers/{id}")
    String dossier(@PathVariable long id, CurrentUser actor, Model model) {
        DossierView dossier = dossiers.get(id, actor);
        EvaluationRound round = rounds.view(dossier.roundId(), actor);
        Set<DossierAction> actions = dossiers.actionsFor(id, actor);
        LocalDate today = LocalDate.now(clock);
        List<EvidenceLocker.Document> attached = evidence.attachments(id, actor);
        var set = criteria.set(dossier.criteriaVersion(), dossier.setNo());
        model.addAttribute("dossier", dossier);
        model.addAttribute("minutesAvailable", minutes.available(id, actor));
        model.addAttribute("heading", dossiers.heading(id, actor));
        model.addAttribute("round", round);
        model.addAttribute("set", set);
        model.addAttribute("actions", actions);
        model.addAttribute("can", actions.stream().map(Enum::name).collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("checklist", dossiers.checklist(id, actor));
        model.addAttribute(
                "grounds", actions.contains(DossierAction.KNOCK_OUT) ? dossiers.grounds(id, actor) : List.of());
        model.addAttribute(
                "selfResult", criteria.assess(dossier.criteriaVersion(), dossier.setNo(), dossier.selfAssessment()));
        model.addAttribute("attachments", attached);
        model.addAttribute("today", today);
        model.addAttribute("member", rounds.isMember(round.id(), actor.id()));
        boolean scoringVisible =
                dossier.status() == DossierStatus.UNDER_EVALUATION || dossier.status() == DossierStatus.RATED;
        model.addAttribute("scoring", scoringVisible ? scoring.view(id, actor) : null);
        if (actions.contains(DossierAction.PROPOSE)) {
            model.addAttribute(
                    "ministryRounds",
                    rounds.list(actor).stream()
                            .filter(r -> !r.provinceLevel() && r.takesDossiersOn(today))
                            .toList());
        }
        if (actions.contains(DossierAction.EDIT)) {
            model.addAttribute(
                    "lockerDocuments",
                    evidence.locker(dossier.producerId(), actor).stream()
                            .filter(doc -> attached.stream().noneMatch(a -> a.id() == doc.id()))
                            .filter(doc -> !doc.expiredOn(today))
                            .toList());
            model.addAttribute("documentKinds", EvidenceLocker.KINDS);
            model.addAttribute("maxDocumentMegabytes", EvidenceLocker.MAX_BYTES / 1024 / 1024);
        }
        return "evaluation/dossier";
    }

    @PostMapping("/evaluation/dossiers/{id}/{step}")
    String step(
            @PathVariable long id,
            @PathVariable String step,
            @RequestParam MultiValueMap<String, String> form,
            CurrentUser actor,
            RedirectAttributes redirect) {
        try {
            switch (step) {
                case "submit" -> dossiers.submit(id, actor);
                case "withdraw" -> dossiers.withdraw(id, actor);
                case "forward" ->
                    dossiers.forward(
                            id,
                            new CommuneReview(
                                    EvaluationForms.checked(form, "localRawMaterial"),
                                    EvaluationForms.checked(form, "localLabour"),
                                    EvaluationForms.checked(form, "localIdea"),
                                    EvaluationForms.checked(form, "localIdentity"),
                                    limited(form.getFirst("remarks"), 2000, "remarks"),
                                    limited(form.getFirst("rawMaterialNote"), 4000, "rawMaterialNote"),
                                    limited(form.getFirst("labourNote"), 4000, "labourNote"),
                                    limited(form.getFirst("ideaNote"), 4000, "ideaNote"),
                                    limited(form.getFirst("identityNote"), 4000, "identityNote")),
                            actor);
                case "return" -> dossiers.returnToProducer(id, reason(form), actor);
                case "knockout" ->
                    dossiers.knockOut(
                            id,
                            limited(form.getFirst("ground"), 40, "ground") == null ? "" : form.getFirst("ground"),
                            reason(form),
                            actor);
                case "start-evaluation" -> dossiers.startEvaluation(id, actor);
                case "close" -> scoring.close(id, actor);
                case "attach" -> evidence.attach(id, EvaluationForms.number(form, "documentId"), actor);
                case "detach" -> evidence.detach(id, EvaluationForms.number(form, "documentId"), actor);
                case "paper-result" ->
                    scoring.recordPaperResult(
                            id, totals(form.getFirst("totals")), (int) EvaluationForms.number(form, "star"), actor);
                case "propose" -> {
                    long proposal = dossiers.proposeToMinistry(id, EvaluationForms.number(form, "roundId"), actor)
                            .id();
                    redirect.addFlashAttribute("done", step);
                    return "redirect:/evaluation/dossiers/" + proposal;
                }
                case "conflict" ->
                    scoring.declareConflict(
                            id,
                            EvaluationForms.checked(form, "conflicted"),
                            limited(form.getFirst("note"), 1000, "note"),
                            actor);
                default -> throw OcopException.notFound("step", step);
            }
            redirect.addFlashAttribute("done", step);
        } catch (OcopException e) {
            redirect.addFlashAttribute("error", problems.message(e.errorCode().messageKey(), e.arguments()));
        }
        return "redirect:/evaluation/dossiers/" + id
                + ("attach".equals(step) || "detach".equals(step) ? "#documents" : "");
    }

    /** Uploads a document to the producer's locker and attaches it to the dossier. */
    @PostMapping("/evaluation/dossiers/{id}/documents")
    String uploadDocument(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam(defaultValue = "OTHER") String kind,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate validUntil,
            CurrentUser actor,
            RedirectAttributes redirect)
            throws IOException {
        try {
            String name = file == null || file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
            evidence.uploadToDossier(id, kind, name, file == null ? new byte[0] : file.getBytes(), validUntil, actor);
            redirect.addFlashAttribute("done", "upload");
        } catch (OcopException e) {
            redirect.addFlashAttribute("error", problems.message(e.errorCode().messageKey(), e.arguments()));
        }
        return "redirect:/evaluation/dossiers/" + id + "#documents";
    }

    /** An upload above the multipart limit never reaches {@link #uploadDocument}: back with the size message. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String uploadTooLarge(HttpServletRequest request) {
        Matcher upload = DOCUMENT_UPLOAD.matcher(request.getRequestURI());
        if (!upload.matches()) {
            throw new OcopException(CommonError.PAYLOAD_TOO_LARGE);
        }
        RequestContextUtils.getOutputFlashMap(request)
                .put(
                        "error",
                        problems.message(
                                EvaluationError.DOCUMENT_TOO_LARGE.messageKey(),
                                EvidenceLocker.MAX_BYTES / 1024 / 1024));
        return "redirect:/evaluation/dossiers/" + upload.group(1) + "#documents";
    }

    /** A document of a dossier, shown in the browser (PDF, JPEG and PNG only: recognised by content at upload). */
    @GetMapping("/evaluation/documents/{documentId}")
    ResponseEntity<FileSystemResource> document(@PathVariable long documentId, CurrentUser actor) {
        return DocumentResponse.of(evidence.download(documentId, actor));
    }

    @GetMapping(value = "/evaluation/dossiers/{id}/minutes.pdf", produces = "application/pdf")
    ResponseEntity<byte[]> minutes(@PathVariable long id, CurrentUser actor) {
        return MinutesResponse.of(id, minutes.pdf(id, actor));
    }

    /** The dossier's generated documents: Mẫu 01, Mẫu 02, and after the commune's check Mẫu 03 and its letter. */
    @GetMapping(value = "/evaluation/dossiers/{id}/forms/{form}.pdf", produces = "application/pdf")
    ResponseEntity<byte[]> formPdf(@PathVariable long id, @PathVariable String form, CurrentUser actor) {
        byte[] pdf = switch (form) {
            case "01" -> documents.registrationForm(id, actor);
            case "02" -> documents.selfAssessmentReport(id, actor);
            case "03" -> documents.communeReport(id, actor);
            case "proposal" -> documents.proposalLetter(id, actor);
            default -> throw OcopException.notFound("form", form);
        };
        return PdfResponse.inline("ho-so-" + id + "-mau-" + form + ".pdf", pdf);
    }

    // --- the self-assessment inside the dossier -------------------------------------------------------------------

    @GetMapping("/evaluation/dossiers/{id}/self-assessment")
    String selfAssessment(@PathVariable long id, CurrentUser actor, Model model) {
        DossierView dossier = dossiers.get(id, actor);
        boolean editable = dossiers.actionsFor(id, actor).contains(DossierAction.EDIT);
        Map<String, List<Long>> cited = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        dossier.evidence().forEach((code, e) -> {
            cited.put(code, e.documentIds());
            if (e.note() != null) {
                notes.put(code, e.note());
            }
        });
        return selfAssessmentPage(dossier, dossier.selfAssessment(), cited, notes, editable, null, actor, model);
    }

    @PostMapping("/evaluation/dossiers/{id}/self-assessment")
    String saveSelfAssessment(
            @PathVariable long id,
            @RequestParam MultiValueMap<String, String> form,
            CurrentUser actor,
            Model model,
            RedirectAttributes redirect) {
        DossierView dossier = dossiers.get(id, actor);
        Map<String, Integer> choices = EvaluationForms.choices(form);
        Map<String, List<Long>> cited = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        form.forEach((key, values) -> {
            if (key.startsWith("e_")) {
                List<Long> ids = new ArrayList<>();
                values.stream().filter(v -> v.matches("\\d{1,18}")).forEach(v -> ids.add(Long.parseLong(v)));
                cited.put(key.substring(2), ids);
            } else if (key.startsWith("n_")
                    && !values.isEmpty()
                    && !values.get(0).isBlank()) {
                notes.put(key.substring(2), values.get(0));
            }
        });
        try {
            dossiers.assess(id, choices, cited, notes, EvaluationForms.number(form, "version"), actor);
            redirect.addFlashAttribute("done", "self-assessment");
            return "redirect:/evaluation/dossiers/" + id;
        } catch (OcopException e) {
            return selfAssessmentPage(
                    dossier,
                    choices,
                    cited,
                    notes,
                    true,
                    problems.message(e.errorCode().messageKey(), e.arguments()),
                    actor,
                    model);
        } catch (OptimisticLockingFailureException stale) {
            return selfAssessmentPage(
                    dossiers.get(id, actor),
                    choices,
                    cited,
                    notes,
                    true,
                    problems.message("error.COMMON-006"),
                    actor,
                    model);
        }
    }

    private String selfAssessmentPage(
            DossierView dossier,
            Map<String, Integer> choices,
            Map<String, List<Long>> cited,
            Map<String, String> notes,
            boolean editable,
            @Nullable String error,
            CurrentUser actor,
            Model model) {
        var set = criteria.set(dossier.criteriaVersion(), dossier.setNo());
        // A refused answer (a criterion or option the set does not have) is not shown again: the page must render.
        Map<String, Integer> shown = new LinkedHashMap<>();
        choices.forEach((code, index) -> {
            if (set.criterion(code).flatMap(c -> c.option(index)).isPresent()) {
                shown.put(code, index);
            }
        });
        model.addAttribute("dossier", dossier);
        model.addAttribute("heading", dossiers.heading(dossier.id(), actor));
        model.addAttribute("set", set);
        model.addAttribute("choices", shown);
        model.addAttribute("cited", cited);
        model.addAttribute("notes", notes);
        model.addAttribute("documents", evidence.attachments(dossier.id(), actor));
        model.addAttribute("editable", editable);
        model.addAttribute("error", error);
        model.addAttribute("result", criteria.assess(dossier.criteriaVersion(), dossier.setNo(), shown));
        return "evaluation/dossier-self-assessment";
    }

    // --- the forms (Mẫu 01, Mẫu 02) ---------------------------------------------------------------------------------

    @GetMapping("/evaluation/dossiers/{id}/forms")
    String forms(@PathVariable long id, CurrentUser actor, Model model) {
        DossierView dossier = dossiers.get(id, actor);
        return formsPage(dossier, DossierFormFields.of(dossier.forms()), dossier.version(), null, actor, model);
    }

    @PostMapping("/evaluation/dossiers/{id}/forms")
    String saveForms(
            @PathVariable long id,
            @org.springframework.web.bind.annotation.ModelAttribute("fields") DossierFormFields fields,
            org.springframework.validation.BindingResult binding,
            @RequestParam(defaultValue = "0") String version,
            CurrentUser actor,
            Model model,
            RedirectAttributes redirect) {
        DossierView dossier = dossiers.get(id, actor);
        if (!version.matches("\\d{1,18}")) {
            // A tampered form: the page again, at the dossier's current version, with the message.
            return formsPage(
                    dossier,
                    fields,
                    dossier.version(),
                    problems.message(CommonError.INVALID_PARAMETER.messageKey(), "version"),
                    actor,
                    model);
        }
        return saveForms(id, dossier, fields, binding, Long.parseLong(version), actor, model, redirect);
    }

    private String saveForms(
            long id,
            DossierView dossier,
            DossierFormFields fields,
            org.springframework.validation.BindingResult binding,
            long version,
            CurrentUser actor,
            Model model,
            RedirectAttributes redirect) {
        DossierForms forms = fields.toForms();
        validator
                .validate(forms)
                .forEach(v -> binding.rejectValue(v.getPropertyPath().toString(), "invalid", v.getMessage()));
        if (binding.hasErrors()) {
            return formsPage(dossier, fields, version, null, actor, model);
        }
        try {
            dossiers.fillIn(id, forms, version, actor);
            redirect.addFlashAttribute("done", "forms");
            return "redirect:/evaluation/dossiers/" + id;
        } catch (OcopException e) {
            return formsPage(
                    dossier,
                    fields,
                    version,
                    problems.message(e.errorCode().messageKey(), e.arguments()),
                    actor,
                    model);
        } catch (OptimisticLockingFailureException stale) {
            return formsPage(dossier, fields, version, problems.message("error.COMMON-006"), actor, model);
        }
    }

    private String formsPage(
            DossierView dossier,
            DossierFormFields fields,
            long version,
            @Nullable String error,
            CurrentUser actor,
            Model model) {
        model.addAttribute("dossier", dossier);
        model.addAttribute("heading", dossiers.heading(dossier.id(), actor));
        model.addAttribute("fields", fields);
        model.addAttribute("version", version);
        model.addAttribute("error", error);
        model.addAttribute("editable", dossiers.actionsFor(dossier.id(), actor).contains(DossierAction.EDIT));
        model.addAttribute("samplesNeeded", dossier.setNo() != 26);
        return "evaluation/dossier-forms";
    }

    // --- the council member's scoresheet ----------------------------------------------------------------------------

    @GetMapping("/evaluation/dossiers/{id}/scoresheet")
    String scoresheet(@PathVariable long id, CurrentUser actor, Model model) {
        DossierView dossier = dossiers.get(id, actor);
        CouncilScoring.Scoring state = scoring.view(id, actor);
        CouncilScoring.SheetView own = state.sheets().stream()
                .filter(s -> s.memberId() == actor.id())
                .findFirst()
                .orElse(null);
        model.addAttribute("dossier", dossier);
        model.addAttribute("heading", dossiers.heading(id, actor));
        model.addAttribute("set", criteria.set(dossier.criteriaVersion(), dossier.setNo()));
        model.addAttribute("own", own);
        model.addAttribute("choices", own == null ? Map.of() : own.choices());
        model.addAttribute("locked", !dossiers.actionsFor(id, actor).contains(DossierAction.SCORE));
        model.addAttribute("documents", evidence.attachments(id, actor));
        return "evaluation/scoresheet";
    }

    @PostMapping("/evaluation/dossiers/{id}/scoresheet")
    String saveScoresheet(
            @PathVariable long id,
            @RequestParam MultiValueMap<String, String> form,
            @RequestParam(defaultValue = "save") String action,
            CurrentUser actor,
            RedirectAttributes redirect) {
        try {
            scoring.save(id, EvaluationForms.choices(form), actor);
            if ("submit".equals(action)) {
                scoring.submit(id, actor);
                redirect.addFlashAttribute("done", "scoresheet-submitted");
                return "redirect:/evaluation/dossiers/" + id;
            }
            redirect.addFlashAttribute("done", "scoresheet-saved");
        } catch (OcopException e) {
            redirect.addFlashAttribute("error", problems.message(e.errorCode().messageKey(), e.arguments()));
        }
        return "redirect:/evaluation/dossiers/" + id + "/scoresheet";
    }

    private static String reason(MultiValueMap<String, String> form) {
        String reason = limited(form.getFirst("reason"), 2000, "reason");
        return reason == null ? "" : reason;
    }

    private static @Nullable String limited(@Nullable String value, int max, String field) {
        if (value != null && value.length() > max) {
            throw new OcopException(CommonError.INVALID_PARAMETER, field);
        }
        return value;
    }

    /** Members' totals typed as "85; 82,5; 88" or one per line. */
    private static List<BigDecimal> totals(@Nullable String text) {
        List<BigDecimal> totals = new ArrayList<>();
        if (text == null) {
            return totals;
        }
        for (String part : text.split("[;\\n\\r]+")) {
            String value = part.strip().replace(',', '.');
            if (value.isEmpty()) {
                continue;
            }
            if (!value.matches("\\d{1,3}(\\.\\d{1,3})?")) {
                throw new OcopException(EvaluationError.INVALID_PAPER_RESULT, text);
            }
            totals.add(new BigDecimal(value));
        }
        return totals;
    }
}
