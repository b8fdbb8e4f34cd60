package vn.ocop.evaluation.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ocop.evaluation.CriteriaSets;
import vn.ocop.evaluation.SelfAssessments;
import vn.ocop.evaluation.criteria.CriteriaSetDefinition;
import vn.ocop.evaluation.criteria.ScoringResult;
import vn.ocop.identity.CurrentUser;
import vn.ocop.shared.ErrorKind;
import vn.ocop.shared.OcopClock;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.pdf.PdfDocuments;
import vn.ocop.shared.web.Problems;

/**
 * The public self-assessment: a producer picks the criteria set of its product, answers each criterion and sees its
 * total, its star and what it still needs for the next star, before applying. Anyone may print it or download it as
 * PDF; a producer who is logged in may save it to one of its products, and its next dossier for that product starts
 * from it.
 */
@Controller
class SelfAssessmentPages {

    private final CriteriaSets criteria;
    private final SelfAssessments saved;
    private final PdfDocuments pdf;
    private final Problems problems;

    SelfAssessmentPages(CriteriaSets criteria, SelfAssessments saved, PdfDocuments pdf, Problems problems) {
        this.criteria = criteria;
        this.saved = saved;
        this.pdf = pdf;
        this.problems = problems;
    }

    @GetMapping("/self-assessment")
    String choose(Model model) {
        String version = criteria.currentVersion();
        model.addAttribute("version", version);
        model.addAttribute("sets", criteria.sets(version));
        return "evaluation/self-assessment-sets";
    }

    @GetMapping("/self-assessment/{version}/{set}")
    String sheet(@PathVariable String version, @PathVariable int set, Model model) {
        return sheetPage(version, set, Map.of(), null, model);
    }

    /** htmx: the result for the answers so far (form fields {@code c_<criterion code>} = option index). */
    @PostMapping("/self-assessment/{version}/{set}/result")
    String result(
            @PathVariable String version,
            @PathVariable int set,
            @RequestParam MultiValueMap<String, String> form,
            Model model) {
        Map<String, Integer> choices = choices(version, set, form);
        model.addAttribute("set", criteria.set(version, set));
        model.addAttribute("result", criteria.assess(version, set, choices));
        return "evaluation/self-assessment :: result";
    }

    /**
     * Saves the answers to one of the logged-in producer's products; the page comes back with the answers kept and a
     * message (saved, or what is wrong). Another producer's product is refused (403).
     */
    @PostMapping("/self-assessment/{version}/{set}/save")
    String save(
            @PathVariable String version,
            @PathVariable int set,
            @RequestParam MultiValueMap<String, String> form,
            Model model) {
        CurrentUser user = CurrentUser.current();
        if (user == null) {
            return "redirect:/login";
        }
        Map<String, Integer> choices = choices(version, set, form);
        String product = form.getFirst("productId");
        if (product == null || !product.matches("\\d{1,18}")) {
            model.addAttribute("error", problems.message("assess.save.chooseProduct"));
            return sheetPage(version, set, choices, null, model);
        }
        try {
            SelfAssessments.Saved done = saved.save(Long.parseLong(product), version, set, choices, user);
            model.addAttribute("savedTo", done);
        } catch (OcopException e) {
            if (e.errorCode().kind() == ErrorKind.FORBIDDEN) {
                throw e;
            }
            model.addAttribute("error", problems.message(e.errorCode().messageKey(), e.arguments()));
        }
        return sheetPage(version, set, choices, Long.parseLong(product), model);
    }

    /** The answers and their result as a PDF (Noto Sans, A4), to print or keep. */
    @PostMapping(value = "/self-assessment/{version}/{set}/pdf", produces = "application/pdf")
    ResponseEntity<byte[]> pdf(
            @PathVariable String version, @PathVariable int set, @RequestParam MultiValueMap<String, String> form) {
        Map<String, Integer> choices = choices(version, set, form);
        CriteriaSetDefinition definition = criteria.set(version, set);
        ScoringResult result = criteria.assess(version, set, choices);
        LocalDate today = LocalDate.now(OcopClock.VIETNAM);
        Map<String, Object> model = new HashMap<>();
        model.put("set", definition);
        model.put("version", version);
        model.put("choices", choices);
        model.put("result", result);
        model.put("today", today);
        byte[] document = pdf.render("pdf/self-assessment", model, LocaleContextHolder.getLocale(), today);
        return PdfResponse.inline("tu-danh-gia-bo-" + set + ".pdf", document);
    }

    private String sheetPage(
            String version, int set, Map<String, Integer> choices, @Nullable Long productId, Model model) {
        model.addAttribute("version", version);
        model.addAttribute("set", criteria.set(version, set));
        model.addAttribute("choices", choices);
        model.addAttribute("result", criteria.assess(version, set, choices));
        CurrentUser user = CurrentUser.current();
        List<SelfAssessments.Target> targets = user == null ? List.of() : saved.targets(set, user);
        model.addAttribute("loggedIn", user != null);
        model.addAttribute("targets", targets);
        model.addAttribute("productId", productId);
        return "evaluation/self-assessment";
    }

    /**
     * Form fields {@code c_<criterion code>} = option index, kept only for criteria of the set and options they
     * have; anything else (a hand-made request) is ignored rather than failing the page.
     */
    private Map<String, Integer> choices(String version, int set, MultiValueMap<String, String> form) {
        Map<String, Integer> choices = new LinkedHashMap<>();
        criteria.set(version, set).criteria().forEach(c -> {
            String value = form.getFirst("c_" + c.code());
            if (value != null
                    && value.matches("\\d{1,2}")
                    && c.option(Integer.parseInt(value)).isPresent()) {
                choices.put(c.code(), Integer.parseInt(value));
            }
        });
        return choices;
    }
}
