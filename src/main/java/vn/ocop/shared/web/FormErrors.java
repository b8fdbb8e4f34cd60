package vn.ocop.shared.web;

import jakarta.validation.ConstraintViolation;
import java.util.Collection;
import java.util.function.UnaryOperator;
import org.springframework.validation.BindingResult;

/**
 * Puts Bean Validation results on a page form: each violation becomes a field error carrying its already localized
 * message, so the page shows it next to the field (and in the error summary).
 */
public final class FormErrors {

    private FormErrors() {}

    /**
     * @param fieldOf maps a violation's property path (of the validated command) to the form field showing it
     */
    public static void add(
            BindingResult binding,
            Collection<? extends ConstraintViolation<?>> violations,
            UnaryOperator<String> fieldOf) {
        for (ConstraintViolation<?> violation : violations) {
            String field = fieldOf.apply(violation.getPropertyPath().toString());
            if (field.isEmpty()) {
                binding.reject("invalid", violation.getMessage());
            } else if (!binding.hasFieldErrors(field)) {
                binding.rejectValue(field, "invalid", violation.getMessage());
            }
        }
    }
}
