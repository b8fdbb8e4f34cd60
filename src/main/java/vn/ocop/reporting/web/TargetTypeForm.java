package vn.ocop.reporting.web;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.ocop.producer.LegalType;
import vn.ocop.reporting.Measure;
import vn.ocop.reporting.Plans;

/** The form adding a kind of target. */
public class TargetTypeForm {

    private String code = "";
    private String nameVi = "";
    private String nameEn = "";
    private String kind = "COUNT";
    private @Nullable Measure measure;
    private @Nullable Measure denominator;
    private @Nullable Integer minStar;
    private @Nullable Integer maxStar;
    private List<String> certificateKinds = new ArrayList<>();
    private @Nullable LegalType legalType;
    private @Nullable String producerFlag;

    Plans.NewTargetType command() {
        return new Plans.NewTargetType(
                code.strip().toUpperCase(java.util.Locale.ROOT),
                nameVi,
                nameEn,
                kind,
                measure,
                denominator,
                minStar,
                maxStar,
                certificateKinds,
                legalType,
                producerFlag == null || producerFlag.isBlank() ? null : producerFlag);
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getNameVi() {
        return nameVi;
    }

    public void setNameVi(String nameVi) {
        this.nameVi = nameVi;
    }

    public String getNameEn() {
        return nameEn;
    }

    public void setNameEn(String nameEn) {
        this.nameEn = nameEn;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public @Nullable Measure getMeasure() {
        return measure;
    }

    public void setMeasure(@Nullable Measure measure) {
        this.measure = measure;
    }

    public @Nullable Measure getDenominator() {
        return denominator;
    }

    public void setDenominator(@Nullable Measure denominator) {
        this.denominator = denominator;
    }

    public @Nullable Integer getMinStar() {
        return minStar;
    }

    public void setMinStar(@Nullable Integer minStar) {
        this.minStar = minStar;
    }

    public @Nullable Integer getMaxStar() {
        return maxStar;
    }

    public void setMaxStar(@Nullable Integer maxStar) {
        this.maxStar = maxStar;
    }

    public List<String> getCertificateKinds() {
        return certificateKinds;
    }

    public void setCertificateKinds(List<String> certificateKinds) {
        this.certificateKinds = certificateKinds;
    }

    public @Nullable LegalType getLegalType() {
        return legalType;
    }

    public void setLegalType(@Nullable LegalType legalType) {
        this.legalType = legalType;
    }

    public @Nullable String getProducerFlag() {
        return producerFlag;
    }

    public void setProducerFlag(@Nullable String producerFlag) {
        this.producerFlag = producerFlag;
    }
}
