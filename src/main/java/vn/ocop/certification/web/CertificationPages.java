package vn.ocop.certification.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ocop.certification.Certificate;
import vn.ocop.certification.CertificateDocuments;
import vn.ocop.certification.Certification;
import vn.ocop.certification.RevocationGround;
import vn.ocop.evaluation.CouncilMinutes;
import vn.ocop.evaluation.EvaluationRounds;
import vn.ocop.identity.CurrentUser;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.PageResult;
import vn.ocop.shared.web.Problems;

/** Officers' pages: rated products awaiting a decision, issuing a decision, and a certificate's page with its PDF. */
@Controller
class CertificationPages {

    private final Certification certification;
    private final CertificateDocuments documents;
    private final Problems problems;
    private final ProducerRegistry producers;
    private final EvaluationRounds rounds;
    private final CouncilMinutes minutes;

    CertificationPages(
            Certification certification,
            CertificateDocuments documents,
            Problems problems,
            ProducerRegistry producers,
            EvaluationRounds rounds,
            CouncilMinutes minutes) {
        this.certification = certification;
        this.documents = documents;
        this.problems = problems;
        this.producers = producers;
        this.rounds = rounds;
        this.minutes = minutes;
    }

    /**
     * Rated products in the officer's jurisdiction, by default those awaiting a decision, oldest first, a page at a
     * time; filters by status ({@code ALL} for every status) and council round. Filters that are not understood fall
     * back to the defaults rather than failing the page.
     */
    @GetMapping("/certification")
    String candidates(
            @RequestParam(defaultValue = "") String status,
            @RequestParam(defaultValue = "") String round,
            @RequestParam(defaultValue = "") String page,
            CurrentUser actor,
            Model model) {
        return candidatesPage(
                actor, model, ListFilter.of(status, round, page), new DecisionForm(List.of(), "", "", ""));
    }

    /**
     * Issues one decision for the ticked candidates. Bad input (nothing ticked, a missing or too long field, a date
     * that is not a date) and refusals of the decision itself come back on the page with everything typed kept; only
     * a decision issued redirects.
     */
    @PostMapping("/certification/decisions")
    String issue(
            @RequestParam(required = false) List<String> dossierIds,
            @RequestParam(defaultValue = "") String status,
            @RequestParam(defaultValue = "") String round,
            @RequestParam(defaultValue = "") String page,
            @RequestParam(defaultValue = "") String decisionNumber,
            @RequestParam(defaultValue = "") String decidedOn,
            @RequestParam(defaultValue = "") String authority,
            CurrentUser actor,
            Model model,
            RedirectAttributes redirect) {
        ListFilter filter = ListFilter.of(status, round, page);
        DecisionForm form = new DecisionForm(
                dossierIds == null
                        ? List.of()
                        : dossierIds.stream().map(String::strip).toList(),
                decisionNumber.strip(),
                decidedOn.strip(),
                authority.strip());
        List<String> errors = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (String id : form.dossierIds()) {
            try {
                ids.add(Long.parseLong(id));
            } catch (NumberFormatException e) {
                errors.add(problems.message("cert.form.badCandidate"));
                break;
            }
        }
        if (form.dossierIds().isEmpty()) {
            errors.add(problems.message("cert.form.noneTicked"));
        } else if (ids.size() > MAX_BATCH) {
            errors.add(problems.message("cert.form.tooMany", MAX_BATCH));
        }
        if (form.decisionNumber().isEmpty()) {
            errors.add(problems.message("cert.form.decisionNumberMissing"));
        } else if (form.decisionNumber().length() > 60) {
            errors.add(problems.message("cert.form.tooLong", problems.message("cert.decisionNumber"), 60));
        }
        LocalDate date = null;
        if (form.decidedOn().isEmpty()) {
            errors.add(problems.message("cert.form.decidedOnMissing"));
        } else {
            try {
                date = LocalDate.parse(form.decidedOn());
            } catch (DateTimeParseException e) {
                errors.add(problems.message("cert.form.decidedOnInvalid"));
            }
        }
        if (form.authority().isEmpty()) {
            errors.add(problems.message("cert.form.authorityMissing"));
        } else if (form.authority().length() > 300) {
            errors.add(problems.message("cert.form.tooLong", problems.message("cert.authority"), 300));
        }
        if (!errors.isEmpty()) {
            model.addAttribute("errors", errors);
            return candidatesPage(actor, model, filter, form);
        }
        try {
            List<Certificate> issued = certification.issue(
                    new Certification.IssueDecision(form.decisionNumber(), date, form.authority(), ids), actor);
            // Flash attributes travel in the session (stored in PostgreSQL): plain serializable values only.
            redirect.addFlashAttribute(
                    "issued",
                    new ArrayList<>(issued.stream()
                            .map(c -> new IssuedLink(c.number(), c.productName()))
                            .toList()));
        } catch (OcopException e) {
            if (e.errorCode().kind() == vn.ocop.shared.ErrorKind.FORBIDDEN) {
                throw e;
            }
            model.addAttribute("errors", List.of(problems.message(e.errorCode().messageKey(), e.arguments())));
            return candidatesPage(actor, model, filter, form);
        }
        return "redirect:" + filter.url();
    }

    private static final int MAX_BATCH = 500;

    static final int PAGE_SIZE = 50;

    private String candidatesPage(CurrentUser actor, Model model, ListFilter filter, DecisionForm form) {
        Map<Long, String> producerNames = new HashMap<>();
        Map<Long, String> roundNames = new HashMap<>();
        PageResult<Certification.Candidate> found =
                certification.candidates(filter.query(), filter.page(), PAGE_SIZE, actor);
        if (found.items().isEmpty() && filter.page() > 0 && found.total() > 0) {
            // A page past the end (the list shrank since the link was made): the last page instead.
            filter = filter.onPage(found.totalPages() - 1);
            found = certification.candidates(filter.query(), filter.page(), PAGE_SIZE, actor);
        }
        PageResult<CandidateLine> lines = found.map(c -> new CandidateLine(
                c,
                producerNames.computeIfAbsent(
                        c.producerId(),
                        id -> producers.lookup(id).map(p -> p.name()).orElse("")),
                roundName(roundNames, c.roundId()),
                minutesAvailable(c.dossierId(), actor),
                form.dossierIds().contains(String.valueOf(c.dossierId()))));
        List<Long> roundIds = new ArrayList<>(certification.candidateRounds(filter.status(), actor));
        if (filter.roundId() != null
                && !roundIds.contains(filter.roundId())
                && certification.candidateRounds(null, actor).contains(filter.roundId())) {
            // The round asked for stays selected even when nothing of it is left under this status (all issued); a
            // round outside the actor's jurisdiction is not named.
            roundIds.add(0, filter.roundId());
        }
        List<RoundOption> roundOptions = roundIds.stream()
                .map(id -> new RoundOption(id, roundName(roundNames, id)))
                .toList();
        model.addAttribute("candidates", lines);
        model.addAttribute("rounds", roundOptions);
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", Certification.CandidateStatus.values());
        model.addAttribute("pageUrl", filter.url());
        model.addAttribute("form", form);
        return "certification/candidates";
    }

    private String roundName(Map<Long, String> names, long roundId) {
        return names.computeIfAbsent(
                roundId, id -> rounds.find(id).map(r -> r.name()).orElse("#" + id));
    }

    /** A council round offered by the list's filter. */
    record RoundOption(long id, String name) {}

    /**
     * The list's filters as the page understands them: a status (PENDING by default, {@code null} for all), a council
     * round, and the page number.
     */
    record ListFilter(
            Certification.@Nullable CandidateStatus status,
            @Nullable Long roundId,
            int page) {

        static ListFilter of(String status, String round, String page) {
            String name = status.strip();
            Certification.CandidateStatus parsedStatus = "ALL".equals(name)
                    ? null
                    : Arrays.stream(Certification.CandidateStatus.values())
                            .filter(s -> s.name().equals(name))
                            .findFirst()
                            .orElse(Certification.CandidateStatus.PENDING);
            Long number = positive(page, 100_000);
            return new ListFilter(
                    parsedStatus, positive(round, Long.MAX_VALUE), number == null ? 0 : number.intValue());
        }

        Certification.CandidateQuery query() {
            return new Certification.CandidateQuery(status, roundId);
        }

        private static @Nullable Long positive(String text, long max) {
            try {
                long value = Long.parseLong(text.strip());
                return value >= 0 && value <= max ? value : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }

        ListFilter onPage(int number) {
            return new ListFilter(status, roundId, Math.max(0, number));
        }

        /** The status as the filter's form sends it. */
        public String statusParam() {
            return status == null ? "ALL" : status.name();
        }

        /** The list's address with these filters, without the page (the pager appends it). */
        public String url() {
            return "/certification?status=" + statusParam() + (roundId == null ? "" : "&round=" + roundId);
        }
    }

    /** Whether the council's minutes can be opened (not for a result recorded from a council that met on paper). */
    private boolean minutesAvailable(long dossierId, CurrentUser actor) {
        try {
            return minutes.available(dossierId, actor);
        } catch (OcopException e) {
            return false;
        }
    }

    /** What was typed into the decision form, kept when it comes back with a message. */
    record DecisionForm(List<String> dossierIds, String decisionNumber, String decidedOn, String authority) {}

    /** One candidate as the page lists it: who, from which round, and whether its minutes exist. */
    record CandidateLine(
            Certification.Candidate candidate,
            String producerName,
            String roundName,
            boolean minutesAvailable,
            boolean ticked) {}

    /** What the page lists after issuing. */
    record IssuedLink(String number, String productName) implements java.io.Serializable {}

    @GetMapping("/certificates/{number}")
    String certificate(@PathVariable String number, CurrentUser actor, Model model) {
        Certificate certificate = certification.get(number, actor);
        model.addAttribute("certificate", certificate);
        model.addAttribute("verificationUrl", documents.verificationUrl(number, actor));
        model.addAttribute("mayDecide", certification.mayDecide(certificate, actor));
        model.addAttribute("grounds", RevocationGround.values());
        return "certification/certificate";
    }

    /** Revocation, suspension and reinstatement by the issuing authority; failures come back as a message. */
    @PostMapping("/certificates/{number}/{action:revoke|suspend|reinstate}")
    String changeStatus(
            @PathVariable String number,
            @PathVariable String action,
            @RequestParam(defaultValue = "") String decisionNumber,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decidedOn,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(required = false) String ground,
            CurrentUser actor,
            RedirectAttributes redirect) {
        try {
            if (decidedOn == null || decisionNumber.isBlank()) {
                throw new OcopException(vn.ocop.shared.CommonError.VALIDATION_FAILED);
            }
            switch (action) {
                case "revoke" ->
                    certification.revoke(number, revocationGround(ground), decisionNumber, decidedOn, actor);
                case "suspend" -> certification.suspend(number, reason, decisionNumber, decidedOn, actor);
                default -> certification.reinstate(number, decisionNumber, decidedOn, actor);
            }
            redirect.addFlashAttribute("done", action);
        } catch (OcopException e) {
            refusedOrMessage(e, redirect);
        }
        return "redirect:/certificates/" + number;
    }

    /**
     * A refusal stays a refusal (the 403 page, nothing written); any other business error comes back as a message
     * above the form.
     */
    private void refusedOrMessage(OcopException e, RedirectAttributes redirect) {
        if (e.errorCode().kind() == vn.ocop.shared.ErrorKind.FORBIDDEN) {
            throw e;
        }
        redirect.addFlashAttribute("error", problems.message(e.errorCode().messageKey(), e.arguments()));
    }

    private static RevocationGround revocationGround(@org.jspecify.annotations.Nullable String ground) {
        try {
            return RevocationGround.valueOf(ground == null ? "" : ground);
        } catch (IllegalArgumentException e) {
            throw new OcopException(vn.ocop.shared.CommonError.INVALID_PARAMETER, "ground");
        }
    }

    @GetMapping(value = "/certificates/{number}/certificate.pdf", produces = "application/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String number, CurrentUser actor) {
        return CertificationApi.pdfResponse(number, documents.pdf(number, actor));
    }
}
