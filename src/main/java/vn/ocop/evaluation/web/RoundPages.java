package vn.ocop.evaluation.web;

import jakarta.validation.Validator;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ocop.evaluation.DossierStatus;
import vn.ocop.evaluation.Dossiers;
import vn.ocop.evaluation.EvaluationRound;
import vn.ocop.evaluation.EvaluationRounds;
import vn.ocop.geography.AdminEdition;
import vn.ocop.geography.AdminUnits;
import vn.ocop.identity.CurrentUser;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.web.Problems;

/**
 * Pages of evaluation rounds: the list, opening and editing a round (defaults from the calendar of Art. 5, a warning
 * for an extra round), its council (seated by searching the accounts the decision allows), its dossiers by status and
 * its ranking, the results as xlsx, and filing a dossier with a type-ahead product picker.
 */
@Controller
class RoundPages {

    private final EvaluationRounds rounds;
    private final Dossiers dossiers;
    private final AdminUnits units;
    private final Problems problems;
    private final Validator validator;
    private final java.time.Clock clock;

    RoundPages(
            EvaluationRounds rounds,
            Dossiers dossiers,
            AdminUnits units,
            Problems problems,
            Validator validator,
            java.time.Clock clock) {
        this.rounds = rounds;
        this.dossiers = dossiers;
        this.units = units;
        this.problems = problems;
        this.validator = validator;
        this.clock = clock;
    }

    @GetMapping("/evaluation")
    String list(CurrentUser actor, Model model) {
        model.addAttribute("rounds", rounds.list(actor));
        model.addAttribute("units", units.byCode(AdminEdition.CURRENT)); // a provincial round's province by name
        model.addAttribute("mayOrganise", rounds.mayOrganise(actor));
        model.addAttribute("today", LocalDate.now(clock));
        return "evaluation/rounds";
    }

    /** The round form's fields. */
    static class RoundForm {
        private String name = "";
        private String level = "PROVINCE";
        private @Nullable String provinceCode;
        private @Nullable Integer year;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private @Nullable LocalDate submissionDeadline;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private @Nullable LocalDate endsOn;

        private long version;

        public String getName() {
            return name;
        }

        public void setName(@Nullable String name) {
            this.name = name == null ? "" : name;
        }

        public String getLevel() {
            return level;
        }

        public void setLevel(@Nullable String level) {
            this.level = level == null ? "" : level;
        }

        public @Nullable String getProvinceCode() {
            return provinceCode;
        }

        public void setProvinceCode(@Nullable String provinceCode) {
            this.provinceCode = provinceCode;
        }

        public @Nullable Integer getYear() {
            return year;
        }

        public void setYear(@Nullable Integer year) {
            this.year = year;
        }

        public @Nullable LocalDate getSubmissionDeadline() {
            return submissionDeadline;
        }

        public void setSubmissionDeadline(@Nullable LocalDate submissionDeadline) {
            this.submissionDeadline = submissionDeadline;
        }

        public @Nullable LocalDate getEndsOn() {
            return endsOn;
        }

        public void setEndsOn(@Nullable LocalDate endsOn) {
            this.endsOn = endsOn;
        }

        public long getVersion() {
            return version;
        }

        public void setVersion(long version) {
            this.version = version;
        }
    }

    @GetMapping("/evaluation/rounds/new")
    String newRound(CurrentUser actor, Model model) {
        if (!rounds.mayOrganise(actor)) {
            throw OcopException.forbidden();
        }
        EvaluationRounds.RoundDefaults defaults = rounds.defaults(actor);
        RoundForm form = new RoundForm();
        form.setLevel(defaults.level());
        form.setProvinceCode(defaults.provinceCode());
        form.setYear(defaults.year());
        form.setSubmissionDeadline(defaults.submissionDeadline());
        form.setEndsOn(defaults.endsOn());
        form.setName(defaultName(defaults));
        return roundForm(form, null, model);
    }

    @PostMapping("/evaluation/rounds")
    String open(
            @org.springframework.web.bind.annotation.ModelAttribute("form") RoundForm form,
            org.springframework.validation.BindingResult binding,
            CurrentUser actor,
            Model model,
            RedirectAttributes redirect) {
        if (!rounds.mayOrganise(actor)) {
            throw OcopException.forbidden();
        }
        if (!actor.role().nationwide()) {
            // A province officer opens rounds of its own province only; the level is not a choice.
            form.setLevel("PROVINCE");
            form.setProvinceCode(actor.jurisdictionCode());
        }
        EvaluationRounds.OpenRound command = new EvaluationRounds.OpenRound(
                form.getName(),
                form.getLevel(),
                "PROVINCE".equals(form.getLevel()) ? form.getProvinceCode() : null,
                form.getYear(),
                form.getSubmissionDeadline(),
                form.getEndsOn());
        if (!validate(command, binding)) {
            return roundForm(form, null, model);
        }
        try {
            EvaluationRound round = rounds.open(command, actor);
            redirect.addFlashAttribute("done", "round-opened");
            return "redirect:/evaluation/rounds/" + round.id();
        } catch (OcopException e) {
            return roundForm(form, problems.message(e.errorCode().messageKey(), e.arguments()), model);
        }
    }

    @GetMapping("/evaluation/rounds/{id}/edit")
    String edit(@PathVariable long id, CurrentUser actor, Model model) {
        EvaluationRound round = rounds.view(id, actor);
        if (!rounds.isOrganiser(round, actor)) {
            throw OcopException.forbidden();
        }
        RoundForm form = new RoundForm();
        form.setName(round.name());
        form.setLevel(round.level());
        form.setProvinceCode(round.provinceCode());
        form.setYear(round.year());
        form.setSubmissionDeadline(round.submissionDeadline());
        form.setEndsOn(round.endsOn());
        form.setVersion(round.version());
        model.addAttribute("round", round);
        return roundForm(form, null, model);
    }

    @PostMapping("/evaluation/rounds/{id}")
    String update(
            @PathVariable long id,
            @org.springframework.web.bind.annotation.ModelAttribute("form") RoundForm form,
            org.springframework.validation.BindingResult binding,
            CurrentUser actor,
            Model model,
            RedirectAttributes redirect) {
        EvaluationRound round = rounds.view(id, actor);
        model.addAttribute("round", round);
        form.setLevel(round.level());
        form.setProvinceCode(round.provinceCode());
        form.setYear(round.year());
        EvaluationRounds.EditRound command =
                new EvaluationRounds.EditRound(form.getName(), form.getSubmissionDeadline(), form.getEndsOn());
        if (!validate(command, binding)) {
            return roundForm(form, null, model);
        }
        try {
            rounds.edit(id, command, form.getVersion(), actor);
            redirect.addFlashAttribute("done", "round-changed");
            return "redirect:/evaluation/rounds/" + id;
        } catch (OcopException e) {
            return roundForm(form, problems.message(e.errorCode().messageKey(), e.arguments()), model);
        } catch (org.springframework.dao.OptimisticLockingFailureException stale) {
            return roundForm(form, problems.message("error.COMMON-006"), model);
        }
    }

    @PostMapping("/evaluation/rounds/{id}/close")
    String close(@PathVariable long id, CurrentUser actor, RedirectAttributes redirect) {
        try {
            rounds.close(id, actor);
            redirect.addFlashAttribute("done", "round-closed");
        } catch (OcopException e) {
            redirect.addFlashAttribute("error", problems.message(e.errorCode().messageKey(), e.arguments()));
        }
        return "redirect:/evaluation/rounds/" + id;
    }

    private String roundForm(RoundForm form, @Nullable String error, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        model.addAttribute("provinces", units.byCode(AdminEdition.CURRENT));
        if (form.getSubmissionDeadline() != null && form.getEndsOn() != null) {
            model.addAttribute(
                    "offCalendar",
                    !new EvaluationRound(
                                    0,
                                    form.getName(),
                                    form.getLevel(),
                                    form.getProvinceCode(),
                                    0,
                                    "",
                                    form.getSubmissionDeadline(),
                                    form.getEndsOn(),
                                    "OPEN",
                                    0)
                            .onCalendar());
        }
        return "evaluation/round-form";
    }

    private boolean validate(Object command, org.springframework.validation.BindingResult binding) {
        validator.validate(command).forEach(v -> {
            String field = v.getPropertyPath().toString();
            binding.rejectValue(field, "invalid", v.getMessage());
        });
        return !binding.hasErrors();
    }

    private String defaultName(EvaluationRounds.RoundDefaults defaults) {
        String place = defaults.provinceCode() == null
                ? "Trung ương"
                : units.find(AdminEdition.CURRENT, defaults.provinceCode())
                        .map(u -> u.fullName())
                        .orElse(defaults.provinceCode());
        int number = defaults.submissionDeadline().getMonthValue() <= 4
                        || (defaults.level().equals("CENTRAL")
                                && defaults.submissionDeadline().getMonthValue() == 7)
                ? 1
                : 2;
        return "Đợt " + number + " năm " + defaults.year() + " – " + place;
    }

    /** Sort orders of the ranking on the round page. */
    enum RankingOrder {
        TOTAL,
        PRODUCT,
        PRODUCER,
        STATUS
    }

    @GetMapping("/evaluation/rounds/{id}")
    String round(
            @PathVariable long id,
            @RequestParam(defaultValue = "TOTAL") String sort,
            @RequestParam(required = false) @Nullable String status,
            CurrentUser actor,
            Model model) {
        EvaluationRound round = rounds.view(id, actor);
        List<Dossiers.DossierLine> all = dossiers.inRound(id, actor);
        Map<String, Long> counts = new java.util.HashMap<>();
        for (Dossiers.DossierLine line : all) {
            counts.merge(line.dossier().status().name(), 1L, Long::sum);
        }
        DossierStatus filter = parseStatus(status);
        RankingOrder order = parseOrder(sort);
        List<Dossiers.DossierLine> shown = all.stream()
                .filter(line -> filter == null || line.dossier().status() == filter)
                .sorted(comparator(order))
                .toList();
        model.addAttribute("round", round);
        model.addAttribute("units", units.byCode(AdminEdition.CURRENT));
        model.addAttribute("organiser", rounds.isOrganiser(round, actor));
        model.addAttribute("seeCouncil", rounds.mayViewCouncil(round, actor));
        model.addAttribute("members", rounds.mayViewCouncil(round, actor) ? rounds.members(id, actor) : List.of());
        model.addAttribute("counts", counts);
        model.addAttribute("statuses", DossierStatus.values());
        model.addAttribute("filter", filter);
        model.addAttribute("sort", order.name());
        model.addAttribute("dossiers", shown);
        model.addAttribute("total", all.size());
        model.addAttribute("mayFile", round.provinceLevel() && round.takesDossiersOn(LocalDate.now(clock)));
        return "evaluation/round";
    }

    /** The council-member accounts matching a name, for seating (htmx fragment). */
    @GetMapping("/evaluation/rounds/{id}/seat-candidates")
    String seatCandidates(
            @PathVariable long id, @RequestParam(defaultValue = "") String q, CurrentUser actor, Model model) {
        model.addAttribute("round", rounds.view(id, actor));
        model.addAttribute("candidates", rounds.seatCandidates(id, q.length() > 100 ? q.substring(0, 100) : q, actor));
        return "evaluation/round-fragments :: candidates";
    }

    @PostMapping("/evaluation/rounds/{id}/members")
    String seat(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String userId,
            @RequestParam(defaultValue = "MEMBER") String role,
            CurrentUser actor,
            RedirectAttributes redirect) {
        try {
            rounds.seat(id, EvaluationForms.number(userId, "userId"), role, actor);
            redirect.addFlashAttribute("done", "member-seated");
        } catch (OcopException e) {
            redirect.addFlashAttribute("error", problems.message(e.errorCode().messageKey(), e.arguments()));
        }
        return "redirect:/evaluation/rounds/" + id + "#council";
    }

    @PostMapping("/evaluation/rounds/{id}/members/{userId}/remove")
    String unseat(@PathVariable long id, @PathVariable long userId, CurrentUser actor, RedirectAttributes redirect) {
        try {
            rounds.unseat(id, userId, actor);
            redirect.addFlashAttribute("done", "member-unseated");
        } catch (OcopException e) {
            redirect.addFlashAttribute("error", problems.message(e.errorCode().messageKey(), e.arguments()));
        }
        return "redirect:/evaluation/rounds/" + id + "#council";
    }

    /** Products matching the typed text that the actor may file in this round (htmx fragment of the picker). */
    @GetMapping("/evaluation/rounds/{id}/products")
    String fileable(@PathVariable long id, @RequestParam(defaultValue = "") String q, CurrentUser actor, Model model) {
        model.addAttribute("round", rounds.view(id, actor));
        model.addAttribute("products", dossiers.fileable(id, q.length() > 100 ? q.substring(0, 100) : q, 20, actor));
        model.addAttribute("q", q);
        return "evaluation/round-fragments :: products";
    }

    /** The page to file a dossier: search a product, choose the kind. */
    @GetMapping("/evaluation/rounds/{id}/file")
    String fileForm(@PathVariable long id, @RequestParam(defaultValue = "") String q, CurrentUser actor, Model model) {
        EvaluationRound round = rounds.view(id, actor);
        model.addAttribute("round", round);
        model.addAttribute("q", q);
        model.addAttribute("products", dossiers.fileable(id, q.length() > 100 ? q.substring(0, 100) : q, 20, actor));
        return "evaluation/file";
    }

    /** Files a dossier (draft) for a product in the round, then shows it for documents and submission. */
    @PostMapping("/evaluation/rounds/{id}/dossiers")
    String file(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String productId,
            @RequestParam(defaultValue = "FIRST") String kind,
            CurrentUser actor,
            RedirectAttributes redirect) {
        try {
            long created = dossiers.create(id, EvaluationForms.number(productId, "productId"), kind, Map.of(), actor)
                    .id();
            redirect.addFlashAttribute("done", "create");
            return "redirect:/evaluation/dossiers/" + created;
        } catch (OcopException e) {
            redirect.addFlashAttribute("error", problems.message(e.errorCode().messageKey(), e.arguments()));
            return "redirect:/evaluation/rounds/" + id + "/file";
        }
    }

    /** The round's results (ranking) as xlsx, for the council's report. */
    @GetMapping("/evaluation/rounds/{id}/results.xlsx")
    ResponseEntity<StreamingResponseBody> results(@PathVariable long id, CurrentUser actor) {
        EvaluationRound round = rounds.view(id, actor);
        List<Dossiers.DossierLine> lines = dossiers.inRound(id, actor);
        StreamingResponseBody body = out -> writeResults(round, lines, out);
        return ResponseEntity.ok()
                .contentType(
                        MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("ket-qua-dot-" + id + ".xlsx")
                                .build()
                                .toString())
                .body(body);
    }

    private void writeResults(EvaluationRound round, List<Dossiers.DossierLine> lines, OutputStream out)
            throws IOException {
        Workbook workbook = new Workbook(out, "OCOP Platform", "1.0");
        Worksheet sheet = workbook.newWorksheet("Kết quả");
        sheet.value(0, 0, round.name());
        String[] headers = {
            "STT", "Hồ sơ", "Sản phẩm", "Chủ thể", "Loại hồ sơ", "Trạng thái", "Tổng điểm", "Hạng sao", "Đề xuất 5 sao"
        };
        for (int c = 0; c < headers.length; c++) {
            sheet.value(2, c, headers[c]);
            sheet.style(2, c).bold().set();
        }
        int row = 3;
        for (Dossiers.DossierLine line : lines) {
            var d = line.dossier();
            sheet.value(row, 0, row - 2);
            sheet.value(row, 1, d.id());
            sheet.value(row, 2, line.productName());
            sheet.value(row, 3, line.producerName());
            sheet.value(row, 4, problems.message("eval.kind." + d.kind()));
            sheet.value(row, 5, problems.message("eval.status." + d.status()));
            if (d.resultTotal() != null) {
                sheet.value(row, 6, d.resultTotal());
            }
            if (d.resultStar() != null) {
                sheet.value(row, 7, d.resultStar());
            }
            sheet.value(row, 8, d.fiveStarCandidate() ? "Có" : "");
            row++;
        }
        sheet.width(2, 40);
        sheet.width(3, 40);
        workbook.finish();
    }

    private static @Nullable DossierStatus parseStatus(@Nullable String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        for (DossierStatus s : DossierStatus.values()) {
            if (s.name().equals(status)) {
                return s;
            }
        }
        return null;
    }

    private static RankingOrder parseOrder(String sort) {
        for (RankingOrder o : RankingOrder.values()) {
            if (o.name().equals(sort)) {
                return o;
            }
        }
        return RankingOrder.TOTAL;
    }

    private static Comparator<Dossiers.DossierLine> comparator(RankingOrder order) {
        java.text.Collator vietnamese = java.text.Collator.getInstance(java.util.Locale.forLanguageTag("vi"));
        return switch (order) {
            case TOTAL ->
                Comparator.comparing((Dossiers.DossierLine l) -> l.dossier().resultTotal() == null
                                ? java.math.BigDecimal.valueOf(-1)
                                : l.dossier().resultTotal())
                        .reversed()
                        .thenComparingLong(l -> l.dossier().id());
            case PRODUCT -> Comparator.comparing(Dossiers.DossierLine::productName, vietnamese);
            case PRODUCER -> Comparator.comparing(Dossiers.DossierLine::producerName, vietnamese);
            case STATUS ->
                Comparator.comparing((Dossiers.DossierLine l) -> l.dossier().status())
                        .thenComparingLong(l -> l.dossier().id());
        };
    }
}
