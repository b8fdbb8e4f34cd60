package vn.ocop.evaluation.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ocop.evaluation.CriteriaSets;

/**
 * The public self-assessment: a producer picks the criteria set of its product, answers each criterion and sees its
 * total, its star and what it still needs for the next star, before applying. Nothing is stored.
 */
@Controller
class SelfAssessmentPages {

    private final CriteriaSets criteria;

    SelfAssessmentPages(CriteriaSets criteria) {
        this.criteria = criteria;
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
        model.addAttribute("version", version);
        model.addAttribute("set", criteria.set(version, set));
        model.addAttribute("result", criteria.assess(version, set, Map.of()));
        return "evaluation/self-assessment";
    }

    /** htmx: the result for the answers so far (form fields {@code c_<criterion code>} = option index). */
    @PostMapping("/self-assessment/{version}/{set}/result")
    String result(
            @PathVariable String version,
            @PathVariable int set,
            @RequestParam MultiValueMap<String, String> form,
            Model model) {
        Map<String, Integer> choices = new LinkedHashMap<>();
        form.forEach((key, values) -> {
            if (key.startsWith("c_") && !values.isEmpty() && values.get(0).matches("\\d{1,2}")) {
                choices.put(key.substring(2), Integer.parseInt(values.get(0)));
            }
        });
        model.addAttribute("set", criteria.set(version, set));
        model.addAttribute("result", criteria.assess(version, set, choices));
        return "evaluation/self-assessment :: result";
    }
}
