package vn.ocop.reporting;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A kind of target plans choose from, as data: what it measures and how.
 *
 * @param kind {@code COUNT} (a number to reach), {@code SHARE} (a percentage of {@code denominator}) or
 *     {@code MIN_PER_UNIT} (at least the planned number in each commune of the plan's unit)
 * @param minStar only certificates or results with at least this many stars; {@code null}: any
 * @param certificateKinds only certificates of these kinds ({@code NEW}, {@code UPGRADE}, {@code REEVALUATION}); empty:
 *     any
 * @param legalType only producers of this legal type; {@code null}: any
 * @param producerFlag only producers with this flag ({@code SME}, {@code CRAFT_VILLAGE}, {@code WOMEN_LED},
 *     {@code ETHNIC_MINORITY_AREA}); {@code null}: any
 */
public record TargetType(
        String code,
        String nameVi,
        String nameEn,
        String kind,
        Measure measure,
        @Nullable Measure denominator,
        @Nullable Integer minStar,
        @Nullable Integer maxStar,
        List<String> certificateKinds,
        @Nullable String legalType,
        @Nullable String producerFlag,
        int position,
        boolean active) {

    public static final String COUNT = "COUNT";
    public static final String SHARE = "SHARE";
    public static final String MIN_PER_UNIT = "MIN_PER_UNIT";

    /** The name in the reader's language (Vietnamese unless English). */
    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameVi;
    }

    public boolean share() {
        return SHARE.equals(kind);
    }

    public boolean perCommune() {
        return MIN_PER_UNIT.equals(kind);
    }
}
