package vn.ocop.evaluation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the producer fills in on the pages for the dossier's two forms (Decision 26/2026/QĐ-TTg Phụ lục III), which the
 * platform prints with what it already holds (producer, product, criteria set, the self-assessment and its evidence):
 *
 * <ul>
 *   <li>Mẫu 01, registration form: the number of product samples sent with the dossier (5; none for tourism
 *       services, Art. 6.2.d) and the producer's declaration that the information is true;
 *   <li>Mẫu 02, self-assessment report: the legal representative's gender, ethnicity and residence, the founding or
 *       registration details, the product's specification and standards, which legal papers it has (Part I.7), the
 *       producer's history and organisation (I.8–9), its business results (Part II), its plans (Part IV), and for an
 *       upgrade or re-evaluation what changed since recognition (Art. 6.1.b–c).
 * </ul>
 *
 * Every field may be empty while the dossier is a draft; {@link #missing} names what sending still needs.
 */
public record DossierForms(
        @Nullable @Min(0) @Max(100) Integer sampleCount,
        boolean declared,
        @Nullable @Pattern(regexp = "MALE|FEMALE") String representativeGender,
        @Nullable @Size(max = 100) String representativeEthnicity,
        @Nullable @Size(max = 500) String representativeResidence,
        @Nullable @Size(max = 200) String registrationNumber,
        @Nullable @Size(max = 4000) String productSpecification,
        boolean hasBusinessRegistration,
        boolean hasQualityDeclaration,
        boolean hasFoodSafetyCertificate,
        boolean hasProductionConditions,
        boolean hasIntellectualProperty,
        @Nullable @Size(max = 500) String intellectualPropertyDetails,
        @Nullable @Size(max = 8000) String history,
        @Nullable @Size(max = 8000) String organisation,
        @Nullable @Size(max = 8000) String businessResults,
        @Nullable @Size(max = 8000) String plans,
        @Nullable @Size(max = 8000) String changesSinceRecognition) {

    /** Nothing filled in yet. */
    public static final DossierForms EMPTY = new DossierForms(
            null, false, null, null, null, null, null, false, false, false, false, false, null, null, null, null, null,
            null);

    /** Samples sent with a dossier, except for tourism services (criteria set 26): Art. 6.2.d. */
    public static final int SAMPLES = 5;

    static final int TOURISM_SET = 26;

    /** The Mẫu 01 fields still missing for sending: message keys of the fields ({@code dossier.form.sampleCount}). */
    List<String> missingRegistration(int setNo) {
        List<String> missing = new ArrayList<>();
        if (setNo != TOURISM_SET && (sampleCount == null || sampleCount < SAMPLES)) {
            missing.add("dossier.form.sampleCount");
        }
        if (!declared) {
            missing.add("dossier.form.declared");
        }
        return missing;
    }

    /** The Mẫu 02 narrative fields still missing for sending (the criteria are checked separately). */
    List<String> missingReport(String kind) {
        List<String> missing = new ArrayList<>();
        if (blank(productSpecification)) {
            missing.add("dossier.form.productSpecification");
        }
        if (blank(history)) {
            missing.add("dossier.form.history");
        }
        if (blank(businessResults)) {
            missing.add("dossier.form.businessResults");
        }
        if (blank(plans)) {
            missing.add("dossier.form.plans");
        }
        if (("UPGRADE".equals(kind) || "REEVALUATION".equals(kind)) && blank(changesSinceRecognition)) {
            missing.add("dossier.form.changesSinceRecognition");
        }
        return missing;
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
