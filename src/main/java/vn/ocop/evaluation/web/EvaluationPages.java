package vn.ocop.evaluation.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.FileSystemResource;
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
import vn.ocop.evaluation.CouncilScoring;
import vn.ocop.evaluation.CriteriaSets;
import vn.ocop.evaluation.DossierStatus;
import vn.ocop.evaluation.DossierView;
import vn.ocop.evaluation.Dossiers;
import vn.ocop.evaluation.EvaluationError;
import vn.ocop.evaluation.EvaluationRound;
import vn.ocop.evaluation.EvaluationRounds;
import vn.ocop.evaluation.EvidenceLocker;
import vn.ocop.geography.AdminEdition;
import vn.ocop.geography.AdminUnits;
import vn.ocop.identity.CurrentUser;
import vn.ocop.product.ProductQuery;
import vn.ocop.product.ProductRegistry;
import vn.ocop.product.ProductSummary;
import vn.ocop.shared.CommonError;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.web.Problems;

/**
 * Pages of the evaluation: rounds, a round's dossiers and ranking, a dossier with the steps the user may take, and a
 * council member's scoresheet. Business failures come back as a message on the page.
 */
@Controller
class EvaluationPages {

    private static final Pattern DOCUMENT_UPLOAD = Pattern.compile(".*/evaluation/dossiers/(\\d+)/documents/?");

    private final EvaluationRounds rounds;
    private final Dossiers dossiers;
    private final CouncilScoring scoring;
    private final CriteriaSets criteria;
    private final Problems problems;
    private final vn.ocop.evaluation.CouncilMinutes minutes;
    private final EvidenceLocker evidence;
    private final ProductRegistry products;
    private final AdminUnits units;
    private final java.time.Clock clock;

    EvaluationPages(
            EvaluationRounds rounds,
            Dossiers dossiers,
            CouncilScoring scoring,
            CriteriaSets criteria,
            Problems problems,
            vn.ocop.evaluation.CouncilMinutes minutes,
            EvidenceLocker evidence,
            ProductRegistry products,
            AdminUnits units,
            java.time.Clock clock) {
        this.rounds = rounds;
        this.dossiers = dossiers;
        this.scoring = scoring;
        this.criteria = criteria;
        this.problems = problems;
        this.minutes = minutes;
        this.evidence = evidence;
        this.products = products;
        this.units = units;
        this.clock = clock;
    }

    @GetMapping("/evaluation")
    String rounds(CurrentUser actor, Model model) {
        model.addAttribute("rounds", rounds.list(actor));
        model.addAttribute("units", units.byCode(AdminEdition.CURRENT)); // a provincial round's province by name
        return "evaluation/rounds";
    }

    @GetMapping("/evaluation/rounds/{id}")
    String round(@PathVariable long id, CurrentUser actor, Model model) {
        model.addAttribute("round", rounds.get(id));
        model.addAttribute("units", units.byCode(AdminEdition.CURRENT)); // a provincial round's province by name
        model.addAttribute("members", rounds.members(id));
        model.addAttribute("dossiers", dossiers.inRound(id, actor));
        model.addAttribute("applicable", applicable(rounds.get(id), actor));
        return "evaluation/round";
    }

    /**
     * The products the user may file a dossier for in this round: a province round still taking dossiers, products of
     * that province within the user's own scope (a producer: its products; an officer: their jurisdiction's).
     */
    private List<ProductSummary> applicable(EvaluationRound round, CurrentUser actor) {
        if (!round.provinceLevel()
                || !"OPEN".equals(round.status())
                || LocalDate.now(clock).isAfter(round.submissionDeadline())
                || actor.role() == vn.ocop.identity.Role.COUNCIL_MEMBER) {
            return List.of();
        }
        try {
            return products.search(
                            new ProductQuery(null, round.provinceCode(), null, null, null, null, null, null, null),
                            0,
                            500,
                            actor)
                    .items();
        } catch (OcopException noScope) {
            return List.of();
        }
    }

    /** Files a dossier (draft) for a product in the round, then shows it for documents and submission. */
    @PostMapping("/evaluation/rounds/{id}/dossiers")
    String apply(
            @PathVariable long id,
            @RequestParam MultiValueMap<String, String> form,
            CurrentUser actor,
            RedirectAttributes redirect) {
        try {
            String kind = form.getFirst("kind") == null ? "FIRST" : form.getFirst("kind");
            DossierView created = dossiers.create(id, number(form, "productId"), kind, Map.of(), actor);
            redirect.addFlashAttribute("done", "create");
            return "redirect:/evaluation/dossiers/" + created.id();
        } catch (OcopException e) {
            redirect.addFlashAttribute("error", problems.message(e.errorCode().messageKey(), e.arguments()));
            return "redirect:/evaluation/rounds/" + id;
        }
    }

    @GetMapping("/evaluation/dossiers/{id}")
    String dossier(@PathVariable long id, CurrentUser actor, Model model) {
        DossierView dossier = dossiers.get(id, actor);
        EvaluationRound round = rounds.get(dossier.roundId());
        model.addAttribute("dossier", dossier);
        model.addAttribute("round", round);
        model.addAttribute("set", criteria.set(dossier.criteriaVersion(), dossier.setNo()));
        model.addAttribute("member", rounds.isMember(round.id(), actor.id()));
        model.addAttribute("chair", rounds.isChair(round.id(), actor.id()));
        model.addAttribute("scoring", scoring.view(id, actor));
        List<EvidenceLocker.Document> attached = evidence.attachments(id, actor);
        model.addAttribute("attachments", attached);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("today", today);
        if (dossier.status() == DossierStatus.RATED && dossier.fiveStarCandidate() && round.provinceLevel()) {
            model.addAttribute(
                    "ministryRounds",
                    rounds.list(actor).stream()
                            .filter(r -> !r.provinceLevel() && "OPEN".equals(r.status()))
                            .toList());
        }
        boolean mayAttach = (dossier.status() == DossierStatus.DRAFT || dossier.status() == DossierStatus.RETURNED)
                && evidence.mayEdit(dossier.producerId(), actor);
        model.addAttribute("mayAttach", mayAttach);
        if (mayAttach) {
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
                case "forward" ->
                    dossiers.forward(
                            id,
                            new CommuneReview(
                                    checked(form, "localRawMaterial"),
                                    checked(form, "localLabour"),
                                    checked(form, "localIdea"),
                                    checked(form, "localIdentity"),
                                    form.getFirst("remarks")),
                            actor);
                case "return" -> dossiers.returnToProducer(id, nonNull(form.getFirst("reason")), actor);
                case "knockout" -> dossiers.knockOut(id, nonNull(form.getFirst("reason")), actor);
                case "start-evaluation" -> dossiers.startEvaluation(id, actor);
                case "close" -> scoring.close(id, actor);
                case "attach" -> evidence.attach(id, documentId(form), actor);
                case "propose" -> {
                    long proposal = dossiers.proposeToMinistry(id, number(form, "roundId"), actor)
                            .id();
                    redirect.addFlashAttribute("done", step);
                    return "redirect:/evaluation/dossiers/" + proposal;
                }
                case "conflict" ->
                    scoring.declareConflict(id, checked(form, "conflicted"), form.getFirst("note"), actor);
                default -> throw OcopException.notFound("step", step);
            }
            redirect.addFlashAttribute("done", step);
        } catch (OcopException e) {
            redirect.addFlashAttribute("error", problems.message(e.errorCode().messageKey(), e.arguments()));
        }
        return "redirect:/evaluation/dossiers/" + id;
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

    @GetMapping("/evaluation/documents/{documentId}")
    ResponseEntity<FileSystemResource> document(@PathVariable long documentId, CurrentUser actor) {
        return DocumentResponse.of(evidence.download(documentId, actor));
    }

    private static long documentId(MultiValueMap<String, String> form) {
        return number(form, "documentId");
    }

    private static long number(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        if (value == null || !value.matches("\\d{1,18}")) {
            throw new OcopException(CommonError.INVALID_PARAMETER, name);
        }
        return Long.parseLong(value);
    }

    @GetMapping(value = "/evaluation/dossiers/{id}/minutes.pdf", produces = "application/pdf")
    org.springframework.http.ResponseEntity<byte[]> minutes(@PathVariable long id, CurrentUser actor) {
        return MinutesResponse.of(id, minutes.pdf(id, actor));
    }

    @GetMapping("/evaluation/dossiers/{id}/scoresheet")
    String scoresheet(@PathVariable long id, CurrentUser actor, Model model) {
        DossierView dossier = dossiers.get(id, actor);
        CouncilScoring.Scoring state = scoring.view(id, actor);
        CouncilScoring.SheetView own = state.sheets().stream()
                .filter(s -> s.memberId() == actor.id())
                .findFirst()
                .orElse(null);
        model.addAttribute("dossier", dossier);
        model.addAttribute("set", criteria.set(dossier.criteriaVersion(), dossier.setNo()));
        model.addAttribute("own", own);
        model.addAttribute("choices", own == null ? Map.of() : own.choices());
        model.addAttribute("locked", own != null && "SUBMITTED".equals(own.status()));
        return "evaluation/scoresheet";
    }

    @PostMapping("/evaluation/dossiers/{id}/scoresheet")
    String saveScoresheet(
            @PathVariable long id,
            @RequestParam MultiValueMap<String, String> form,
            @RequestParam(defaultValue = "save") String action,
            CurrentUser actor,
            RedirectAttributes redirect) {
        Map<String, Integer> choices = new LinkedHashMap<>();
        form.forEach((key, values) -> {
            if (key.startsWith("c_") && !values.isEmpty() && values.get(0).matches("\\d{1,2}")) {
                choices.put(key.substring(2), Integer.parseInt(values.get(0)));
            }
        });
        try {
            scoring.save(id, choices, actor);
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

    private static boolean checked(MultiValueMap<String, String> form, String name) {
        return "on".equals(form.getFirst(name)) || "true".equals(form.getFirst(name));
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
