package vn.ocop.evaluation.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;
import vn.ocop.shared.CommonError;
import vn.ocop.shared.OcopException;

/** Reading the evaluation pages' form fields: ids, check boxes, criteria choices. */
final class EvaluationForms {

    private EvaluationForms() {}

    /** A positive id typed or chosen in a form; {@code COMMON-003} naming the field otherwise. */
    static long number(@Nullable String value, String name) {
        if (value == null || !value.matches("\\d{1,18}")) {
            throw new OcopException(CommonError.INVALID_PARAMETER, name);
        }
        return Long.parseLong(value);
    }

    static long number(MultiValueMap<String, String> form, String name) {
        return number(form.getFirst(name), name);
    }

    static boolean checked(MultiValueMap<String, String> form, String name) {
        return "on".equals(form.getFirst(name)) || "true".equals(form.getFirst(name));
    }

    /** The choices of a criteria form: fields {@code c_<criterion code>} holding an option index. */
    static Map<String, Integer> choices(MultiValueMap<String, String> form) {
        Map<String, Integer> choices = new LinkedHashMap<>();
        form.forEach((key, values) -> {
            if (key.startsWith("c_") && !values.isEmpty() && values.get(0).matches("\\d{1,2}")) {
                choices.put(key.substring(2), Integer.parseInt(values.get(0)));
            }
        });
        return choices;
    }
}
