package vn.ocop.reporting;

import org.jspecify.annotations.Nullable;

/**
 * The unit a report is about: the nation, or a province or commune of the current scheme ({@code edition}
 * {@value #CURRENT}), or a province, district or commune of the 63-province scheme ({@value #LEGACY}), counted through
 * the commune mapping.
 *
 * @param code the unit's code; {@code null} for the nation
 * @param level {@code nation}, {@code province}, {@code district} (legacy only) or {@code commune}
 */
public record ReportUnit(@Nullable String code, String name, String edition, String level) {

    public static final String CURRENT = "current";
    public static final String LEGACY = "legacy";

    public boolean nation() {
        return code == null;
    }

    public boolean legacy() {
        return LEGACY.equals(edition);
    }
}
