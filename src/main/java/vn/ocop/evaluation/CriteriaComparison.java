package vn.ocop.evaluation;

import java.util.List;

/**
 * How one set differs between two versions: criteria only in the old one, only in the new one, and criteria whose
 * maximum, options or star markers changed (by criterion code).
 */
public record CriteriaComparison(
        String fromVersion,
        String toVersion,
        int setNo,
        List<String> removed,
        List<String> added,
        List<Change> changed) {

    /** A criterion present in both versions with a difference described in {@code what}. */
    public record Change(String code, String name, String what) {}
}
