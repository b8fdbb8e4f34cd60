package vn.ocop.evaluation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.evaluation.CommuneReview;
import vn.ocop.evaluation.CouncilScoring;
import vn.ocop.evaluation.DossierView;
import vn.ocop.evaluation.Dossiers;
import vn.ocop.evaluation.EvaluationRound;
import vn.ocop.evaluation.EvaluationRounds;
import vn.ocop.identity.CurrentUser;

/** Evaluation rounds, councils, dossiers through their procedure, and council scoring. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Evaluation", description = "Đợt đánh giá, hồ sơ, hội đồng, phiếu chấm")
@SecurityRequirement(name = "bearer")
class EvaluationApi {

    private final EvaluationRounds rounds;
    private final Dossiers dossiers;
    private final CouncilScoring scoring;
    private final vn.ocop.evaluation.CouncilMinutes minutes;
    private final vn.ocop.evaluation.EvidenceLocker evidence;

    EvaluationApi(
            EvaluationRounds rounds,
            Dossiers dossiers,
            CouncilScoring scoring,
            vn.ocop.evaluation.CouncilMinutes minutes,
            vn.ocop.evaluation.EvidenceLocker evidence) {
        this.evidence = evidence;
        this.rounds = rounds;
        this.dossiers = dossiers;
        this.scoring = scoring;
        this.minutes = minutes;
    }

    @PostMapping("/evaluation-rounds")
    @Operation(summary = "Open a round (province officers for their province; the central office for 5★ rounds)")
    ResponseEntity<EvaluationRound> open(@Valid @RequestBody EvaluationRounds.OpenRound command, CurrentUser actor) {
        EvaluationRound round = rounds.open(command, actor);
        return ResponseEntity.created(URI.create("/api/v1/evaluation-rounds/" + round.id()))
                .body(round);
    }

    @GetMapping("/evaluation-rounds")
    @Operation(summary = "Rounds visible to the caller")
    List<EvaluationRound> rounds(CurrentUser actor) {
        return rounds.list(actor);
    }

    record Seat(@NotNull @Pattern(regexp = "CHAIR|MEMBER") String role) {}

    @PutMapping("/evaluation-rounds/{id}/members/{userId}")
    @Operation(summary = "Seat a council member (CHAIR or MEMBER)")
    List<EvaluationRounds.Member> seat(
            @PathVariable long id, @PathVariable long userId, @Valid @RequestBody Seat seat, CurrentUser actor) {
        return rounds.seat(id, userId, seat.role(), actor);
    }

    @GetMapping("/evaluation-rounds/{id}")
    @Operation(summary = "One round visible to the caller")
    EvaluationRound round(@PathVariable long id, CurrentUser actor) {
        return rounds.view(id, actor);
    }

    record RoundEdit(
            @NotBlank @Size(max = 300) String name,
            @NotNull java.time.LocalDate submissionDeadline,
            @NotNull java.time.LocalDate endsOn,
            @NotNull Long version) {}

    @PutMapping("/evaluation-rounds/{id}")
    @Operation(summary = "Organiser: change an open round's name and dates (409 on a stale version)")
    EvaluationRound edit(@PathVariable long id, @Valid @RequestBody RoundEdit body, CurrentUser actor) {
        return rounds.edit(
                id,
                new EvaluationRounds.EditRound(body.name(), body.submissionDeadline(), body.endsOn()),
                body.version(),
                actor);
    }

    @PostMapping("/evaluation-rounds/{id}/close")
    @Operation(summary = "Organiser: close a round once no dossier waits for or is with its council")
    EvaluationRound closeRound(@PathVariable long id, CurrentUser actor) {
        return rounds.close(id, actor);
    }

    @GetMapping("/evaluation-rounds/{id}/members")
    @Operation(summary = "The round's council: for its organisers, its members and nationwide roles only")
    List<EvaluationRounds.Member> members(@PathVariable long id, CurrentUser actor) {
        return rounds.members(id, actor);
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/evaluation-rounds/{id}/members/{userId}")
    @Operation(summary = "Organiser: remove a council member who has not submitted a scoresheet")
    List<EvaluationRounds.Member> unseat(@PathVariable long id, @PathVariable long userId, CurrentUser actor) {
        return rounds.unseat(id, userId, actor);
    }

    @GetMapping("/evaluation-rounds/{id}/seat-candidates")
    @Operation(summary = "Organiser: accounts that may be seated on the round's council, by name")
    List<vn.ocop.identity.UserSummary> seatCandidates(
            @PathVariable long id,
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "") @Size(max = 100) String q,
            CurrentUser actor) {
        return rounds.seatCandidates(id, q, actor);
    }

    @GetMapping("/evaluation-rounds/{id}/dossiers")
    @Operation(summary = "The round's dossiers the caller may see, ranked by total")
    List<Dossiers.DossierLine> roundDossiers(@PathVariable long id, CurrentUser actor) {
        return dossiers.inRound(id, actor);
    }

    @GetMapping("/evaluation-rounds/{id}/fileable-products")
    @Operation(summary = "Products the caller may file a dossier for in the round, by name (type-ahead)")
    List<vn.ocop.product.ProductSummary> fileable(
            @PathVariable long id,
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "") @Size(max = 100) String q,
            CurrentUser actor) {
        return dossiers.fileable(id, q, 20, actor);
    }

    record NewDossier(
            @NotNull Long roundId,
            @NotNull Long productId,

            @NotNull @Pattern(regexp = "FIRST|UPGRADE|REEVALUATION")
            String kind,

            @Nullable @Size(max = 100) Map<String, Integer> selfAssessment) {}

    @PostMapping("/dossiers")
    @Operation(summary = "Open a dossier for a product in a round, with its self-assessment")
    ResponseEntity<DossierView> create(@Valid @RequestBody NewDossier body, CurrentUser actor) {
        DossierView dossier = dossiers.create(
                body.roundId(),
                body.productId(),
                body.kind(),
                body.selfAssessment() == null ? Map.of() : body.selfAssessment(),
                actor);
        return ResponseEntity.created(URI.create("/api/v1/dossiers/" + dossier.id()))
                .body(dossier);
    }

    @GetMapping("/dossiers/{id}")
    @Operation(summary = "One dossier")
    DossierView dossier(@PathVariable long id, CurrentUser actor) {
        return dossiers.get(id, actor);
    }

    @GetMapping("/dossiers/{id}/actions")
    @Operation(summary = "The actions the caller may take on the dossier now")
    java.util.Set<vn.ocop.evaluation.DossierAction> actions(@PathVariable long id, CurrentUser actor) {
        return dossiers.actionsFor(id, actor);
    }

    @GetMapping("/dossiers/{id}/checklist")
    @Operation(summary = "The dossier's documents checklist (Art. 6): what is required and what is there")
    List<Dossiers.ChecklistLine> checklist(@PathVariable long id, CurrentUser actor) {
        return dossiers.checklist(id, actor);
    }

    record SelfAssessment(
            @NotNull @Size(max = 100) Map<String, @NotNull Integer> choices,
            @Nullable @Size(max = 100) Map<String, vn.ocop.evaluation.CriterionEvidence> evidence,
            @NotNull Long version) {}

    @PutMapping("/dossiers/{id}/self-assessment")
    @Operation(summary = "Producer: the self-assessment (Mẫu 02 choices) and the evidence cited per criterion")
    DossierView selfAssessment(@PathVariable long id, @Valid @RequestBody SelfAssessment body, CurrentUser actor) {
        Map<String, List<Long>> documents = new java.util.LinkedHashMap<>();
        Map<String, String> notes = new java.util.LinkedHashMap<>();
        if (body.evidence() != null) {
            body.evidence().forEach((code, e) -> {
                documents.put(code, e.documentIds());
                if (e.note() != null) {
                    notes.put(code, e.note());
                }
            });
        }
        return dossiers.assess(id, body.choices(), documents, notes, body.version(), actor);
    }

    record Forms(
            @Valid @NotNull vn.ocop.evaluation.DossierForms forms,
            @NotNull Long version) {}

    @PutMapping("/dossiers/{id}/forms")
    @Operation(summary = "Producer: the fields of the registration form (Mẫu 01) and self-assessment report (Mẫu 02)")
    DossierView forms(@PathVariable long id, @Valid @RequestBody Forms body, CurrentUser actor) {
        return dossiers.fillIn(id, body.forms(), body.version(), actor);
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/dossiers/{id}/documents/{documentId}")
    @Operation(summary = "Producer: remove a document from a dossier before sending (it stays in the locker)")
    List<vn.ocop.evaluation.EvidenceLocker.Document> detach(
            @PathVariable long id, @PathVariable long documentId, CurrentUser actor) {
        return evidence.detach(id, documentId, actor);
    }

    @PostMapping("/dossiers/{id}/submit")
    @Operation(summary = "Send the dossier to the commune (starts its 15 working days)")
    DossierView submit(@PathVariable long id, CurrentUser actor) {
        return dossiers.submit(id, actor);
    }

    @PostMapping("/dossiers/{id}/withdraw")
    @Operation(summary = "Withdraw the dossier before evaluation")
    DossierView withdraw(@PathVariable long id, CurrentUser actor) {
        return dossiers.withdraw(id, actor);
    }

    @PostMapping("/dossiers/{id}/forward")
    @Operation(summary = "Commune: forward to the province with the assessment of the four contents (Mẫu 03)")
    DossierView forward(@PathVariable long id, @Valid @RequestBody CommuneReview review, CurrentUser actor) {
        return dossiers.forward(id, review, actor);
    }

    record Reason(@NotBlank @Size(max = 2000) String reason) {}

    @PostMapping("/dossiers/{id}/return")
    @Operation(summary = "Commune: return the dossier to the producer with reasons")
    DossierView returnToProducer(@PathVariable long id, @Valid @RequestBody Reason body, CurrentUser actor) {
        return dossiers.returnToProducer(id, body.reason(), actor);
    }

    @PostMapping("/dossiers/{id}/knockout")
    @Operation(summary = "End the evaluation without a star (forged, food-safety, incomplete), with the reason")
    DossierView knockOut(@PathVariable long id, @Valid @RequestBody Reason body, CurrentUser actor) {
        return dossiers.knockOut(id, body.reason(), actor);
    }

    @PostMapping("/dossiers/{id}/start-evaluation")
    @Operation(summary = "Round organiser: hand the dossier to the council")
    DossierView startEvaluation(@PathVariable long id, CurrentUser actor) {
        return dossiers.startEvaluation(id, actor);
    }

    record Proposal(@jakarta.validation.constraints.NotNull Long roundId) {}

    @PostMapping("/dossiers/{id}/propose-to-ministry")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    @Operation(summary = "Province organiser: send a 5★ candidate to an open ministry round; returns the new dossier")
    DossierView proposeToMinistry(@PathVariable long id, @Valid @RequestBody Proposal body, CurrentUser actor) {
        return dossiers.proposeToMinistry(id, body.roundId(), actor);
    }

    record Conflict(
            @NotNull Boolean conflicted,
            @Nullable @Size(max = 1000) String note) {}

    @PutMapping("/dossiers/{id}/conflict")
    @Operation(summary = "Council member: declare a conflict of interest (or none) with the producer")
    void conflict(@PathVariable long id, @Valid @RequestBody Conflict body, CurrentUser actor) {
        scoring.declareConflict(id, body.conflicted(), body.note(), actor);
    }

    record Choices(@NotNull @Size(max = 100) Map<String, Integer> choices) {}

    @PutMapping("/dossiers/{id}/scoresheet")
    @Operation(summary = "Council member: save the own scoresheet (draft)")
    CouncilScoring.SheetView saveSheet(@PathVariable long id, @Valid @RequestBody Choices body, CurrentUser actor) {
        return scoring.save(id, body.choices(), actor);
    }

    @PostMapping("/dossiers/{id}/scoresheet/submit")
    @Operation(summary = "Council member: submit and lock the own scoresheet")
    CouncilScoring.SheetView submitSheet(@PathVariable long id, CurrentUser actor) {
        return scoring.submit(id, actor);
    }

    @GetMapping("/dossiers/{id}/scoring")
    @Operation(summary = "Scoring progress; other members' sheets only once all are submitted")
    CouncilScoring.Scoring scoring(@PathVariable long id, CurrentUser actor) {
        return scoring.view(id, actor);
    }

    @GetMapping(value = "/dossiers/{id}/minutes", produces = "application/pdf")
    @Operation(summary = "The council's minutes (biên bản) of a rated dossier, as PDF")
    ResponseEntity<byte[]> minutes(@PathVariable long id, CurrentUser actor) {
        return MinutesResponse.of(id, minutes.pdf(id, actor));
    }

    record PaperResult(
            @NotNull @jakarta.validation.constraints.Size(min = 1, max = 50)
            List<@NotNull BigDecimal> memberTotals,

            @NotNull @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(5)
            Integer star) {}

    @PostMapping("/dossiers/{id}/paper-result")
    @Operation(summary = "Enter the result of a council that met on paper: members' totals and the decided star")
    DossierView paperResult(@PathVariable long id, @Valid @RequestBody PaperResult body, CurrentUser actor) {
        return scoring.recordPaperResult(id, body.memberTotals(), body.star(), actor);
    }

    record PaperResultLine(
            @NotNull Long dossierId, @Valid @NotNull PaperResult result) {}

    @PostMapping("/evaluation-rounds/{id}/paper-results")
    @Operation(summary = "Import the paper results of several dossiers of a round; all or nothing")
    List<DossierView> paperResults(
            @PathVariable long id,
            @Valid @RequestBody @jakarta.validation.constraints.Size(max = 1000) List<@Valid PaperResultLine> lines,
            CurrentUser actor) {
        return scoring.recordPaperResults(
                id,
                lines.stream()
                        .map(l -> new CouncilScoring.PaperLine(
                                l.dossierId(),
                                l.result().memberTotals(),
                                l.result().star()))
                        .toList(),
                actor);
    }

    @PostMapping("/dossiers/{id}/close")
    @Operation(summary = "Chair: close the evaluation; the council result is recorded and announced")
    DossierView close(@PathVariable long id, CurrentUser actor) {
        return scoring.close(id, actor);
    }
}
