package vn.ocop.shared;

import java.util.Map;
import java.util.Objects;

/**
 * The audit summary of an edit: "field: old -> new" for every field whose value changed between two snapshots
 * (taken in the same field order), joined with "; ". Empty when nothing changed.
 */
public final class ChangeSummary {

    private ChangeSummary() {}

    public static String of(Map<String, Object> before, Map<String, Object> after) {
        StringBuilder changes = new StringBuilder();
        after.forEach((field, value) -> {
            Object old = before.get(field);
            if (!Objects.equals(old, value)) {
                if (changes.length() > 0) {
                    changes.append("; ");
                }
                changes.append(field).append(": ").append(old).append(" -> ").append(value);
            }
        });
        return changes.toString();
    }
}
