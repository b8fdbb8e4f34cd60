package vn.ocop.reporting.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import vn.ocop.reporting.FundingSource;
import vn.ocop.reporting.SupportActivities;
import vn.ocop.reporting.SupportActivityView;
import vn.ocop.reporting.SupportKind;

/** The support activity form: what, when, where, money. Beneficiaries are added on the activity's page. */
public class SupportForm {

    private @Nullable SupportKind kind;
    private String title = "";

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate heldOn;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate endsOn;

    private @Nullable String unit;
    private @Nullable BigDecimal budget;
    private @Nullable FundingSource fundingSource;
    private @Nullable String fundingNote;
    private @Nullable String description;
    private @Nullable Long version;

    static SupportForm of(SupportActivityView a) {
        SupportForm form = new SupportForm();
        form.kind = a.kind();
        form.title = a.title();
        form.heldOn = a.heldOn();
        form.endsOn = a.endsOn();
        form.unit = a.unit().code();
        form.budget = a.budget();
        form.fundingSource = a.fundingSource();
        form.fundingNote = a.fundingNote();
        form.description = a.description();
        form.version = a.version();
        return form;
    }

    SupportActivities.Details details(List<SupportActivities.BeneficiaryInput> beneficiaries) {
        return new SupportActivities.Details(
                kind,
                title,
                heldOn,
                endsOn,
                unit == null ? "" : unit,
                budget,
                fundingSource,
                fundingNote,
                description,
                beneficiaries);
    }

    public @Nullable SupportKind getKind() {
        return kind;
    }

    public void setKind(@Nullable SupportKind kind) {
        this.kind = kind;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public @Nullable LocalDate getHeldOn() {
        return heldOn;
    }

    public void setHeldOn(@Nullable LocalDate heldOn) {
        this.heldOn = heldOn;
    }

    public @Nullable LocalDate getEndsOn() {
        return endsOn;
    }

    public void setEndsOn(@Nullable LocalDate endsOn) {
        this.endsOn = endsOn;
    }

    public @Nullable String getUnit() {
        return unit;
    }

    public void setUnit(@Nullable String unit) {
        this.unit = unit;
    }

    public @Nullable BigDecimal getBudget() {
        return budget;
    }

    public void setBudget(@Nullable BigDecimal budget) {
        this.budget = budget;
    }

    public @Nullable FundingSource getFundingSource() {
        return fundingSource;
    }

    public void setFundingSource(@Nullable FundingSource fundingSource) {
        this.fundingSource = fundingSource;
    }

    public @Nullable String getFundingNote() {
        return fundingNote;
    }

    public void setFundingNote(@Nullable String fundingNote) {
        this.fundingNote = fundingNote;
    }

    public @Nullable String getDescription() {
        return description;
    }

    public void setDescription(@Nullable String description) {
        this.description = description;
    }

    public @Nullable Long getVersion() {
        return version;
    }

    public void setVersion(@Nullable Long version) {
        this.version = version;
    }
}
