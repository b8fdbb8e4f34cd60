package vn.ocop.evaluation.web;

import org.jspecify.annotations.Nullable;
import vn.ocop.evaluation.DossierForms;

/** The dossier forms page's fields, bound from the request; blank texts become {@code null}. */
class DossierFormFields {

    private @Nullable Integer sampleCount;
    private boolean declared;
    private @Nullable String representativeGender;
    private @Nullable String representativeEthnicity;
    private @Nullable String representativeResidence;
    private @Nullable String registrationNumber;
    private @Nullable String productSpecification;
    private boolean hasBusinessRegistration;
    private boolean hasQualityDeclaration;
    private boolean hasFoodSafetyCertificate;
    private boolean hasProductionConditions;
    private boolean hasIntellectualProperty;
    private @Nullable String intellectualPropertyDetails;
    private @Nullable String history;
    private @Nullable String organisation;
    private @Nullable String businessResults;
    private @Nullable String plans;
    private @Nullable String changesSinceRecognition;

    static DossierFormFields of(DossierForms forms) {
        DossierFormFields f = new DossierFormFields();
        f.sampleCount = forms.sampleCount();
        f.declared = forms.declared();
        f.representativeGender = forms.representativeGender();
        f.representativeEthnicity = forms.representativeEthnicity();
        f.representativeResidence = forms.representativeResidence();
        f.registrationNumber = forms.registrationNumber();
        f.productSpecification = forms.productSpecification();
        f.hasBusinessRegistration = forms.hasBusinessRegistration();
        f.hasQualityDeclaration = forms.hasQualityDeclaration();
        f.hasFoodSafetyCertificate = forms.hasFoodSafetyCertificate();
        f.hasProductionConditions = forms.hasProductionConditions();
        f.hasIntellectualProperty = forms.hasIntellectualProperty();
        f.intellectualPropertyDetails = forms.intellectualPropertyDetails();
        f.history = forms.history();
        f.organisation = forms.organisation();
        f.businessResults = forms.businessResults();
        f.plans = forms.plans();
        f.changesSinceRecognition = forms.changesSinceRecognition();
        return f;
    }

    DossierForms toForms() {
        return new DossierForms(
                sampleCount,
                declared,
                blankToNull(representativeGender),
                blankToNull(representativeEthnicity),
                blankToNull(representativeResidence),
                blankToNull(registrationNumber),
                blankToNull(productSpecification),
                hasBusinessRegistration,
                hasQualityDeclaration,
                hasFoodSafetyCertificate,
                hasProductionConditions,
                hasIntellectualProperty,
                blankToNull(intellectualPropertyDetails),
                blankToNull(history),
                blankToNull(organisation),
                blankToNull(businessResults),
                blankToNull(plans),
                blankToNull(changesSinceRecognition));
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public @Nullable Integer getSampleCount() {
        return sampleCount;
    }

    public void setSampleCount(@Nullable Integer sampleCount) {
        this.sampleCount = sampleCount;
    }

    public boolean isDeclared() {
        return declared;
    }

    public void setDeclared(boolean declared) {
        this.declared = declared;
    }

    public @Nullable String getRepresentativeGender() {
        return representativeGender;
    }

    public void setRepresentativeGender(@Nullable String representativeGender) {
        this.representativeGender = representativeGender;
    }

    public @Nullable String getRepresentativeEthnicity() {
        return representativeEthnicity;
    }

    public void setRepresentativeEthnicity(@Nullable String representativeEthnicity) {
        this.representativeEthnicity = representativeEthnicity;
    }

    public @Nullable String getRepresentativeResidence() {
        return representativeResidence;
    }

    public void setRepresentativeResidence(@Nullable String representativeResidence) {
        this.representativeResidence = representativeResidence;
    }

    public @Nullable String getRegistrationNumber() {
        return registrationNumber;
    }

    public void setRegistrationNumber(@Nullable String registrationNumber) {
        this.registrationNumber = registrationNumber;
    }

    public @Nullable String getProductSpecification() {
        return productSpecification;
    }

    public void setProductSpecification(@Nullable String productSpecification) {
        this.productSpecification = productSpecification;
    }

    public boolean isHasBusinessRegistration() {
        return hasBusinessRegistration;
    }

    public void setHasBusinessRegistration(boolean hasBusinessRegistration) {
        this.hasBusinessRegistration = hasBusinessRegistration;
    }

    public boolean isHasQualityDeclaration() {
        return hasQualityDeclaration;
    }

    public void setHasQualityDeclaration(boolean hasQualityDeclaration) {
        this.hasQualityDeclaration = hasQualityDeclaration;
    }

    public boolean isHasFoodSafetyCertificate() {
        return hasFoodSafetyCertificate;
    }

    public void setHasFoodSafetyCertificate(boolean hasFoodSafetyCertificate) {
        this.hasFoodSafetyCertificate = hasFoodSafetyCertificate;
    }

    public boolean isHasProductionConditions() {
        return hasProductionConditions;
    }

    public void setHasProductionConditions(boolean hasProductionConditions) {
        this.hasProductionConditions = hasProductionConditions;
    }

    public boolean isHasIntellectualProperty() {
        return hasIntellectualProperty;
    }

    public void setHasIntellectualProperty(boolean hasIntellectualProperty) {
        this.hasIntellectualProperty = hasIntellectualProperty;
    }

    public @Nullable String getIntellectualPropertyDetails() {
        return intellectualPropertyDetails;
    }

    public void setIntellectualPropertyDetails(@Nullable String intellectualPropertyDetails) {
        this.intellectualPropertyDetails = intellectualPropertyDetails;
    }

    public @Nullable String getHistory() {
        return history;
    }

    public void setHistory(@Nullable String history) {
        this.history = history;
    }

    public @Nullable String getOrganisation() {
        return organisation;
    }

    public void setOrganisation(@Nullable String organisation) {
        this.organisation = organisation;
    }

    public @Nullable String getBusinessResults() {
        return businessResults;
    }

    public void setBusinessResults(@Nullable String businessResults) {
        this.businessResults = businessResults;
    }

    public @Nullable String getPlans() {
        return plans;
    }

    public void setPlans(@Nullable String plans) {
        this.plans = plans;
    }

    public @Nullable String getChangesSinceRecognition() {
        return changesSinceRecognition;
    }

    public void setChangesSinceRecognition(@Nullable String changesSinceRecognition) {
        this.changesSinceRecognition = changesSinceRecognition;
    }
}
