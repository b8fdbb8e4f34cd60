package vn.ocop.producer.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import vn.ocop.producer.LegalType;
import vn.ocop.producer.ProducerDetails;
import vn.ocop.producer.ProducerStatus;
import vn.ocop.producer.ProducerView;

/**
 * The producer form: the fields of {@link ProducerDetails}, the province used to pick a commune, a commune code typed
 * by hand (wins over the picked one), and the version the edit is based on.
 */
class ProducerForm {

    private @Nullable LegalType legalType;
    private String name = "";
    private String taxCode = "";
    private @Nullable String representative;
    private @Nullable String representativeTitle;
    private @Nullable String phone;
    private @Nullable String email;
    private @Nullable String website;
    private @Nullable String address;
    private @Nullable String province;
    private @Nullable String communeCode;
    private @Nullable String communeCodeTyped;
    private boolean sme;
    private boolean craftVillage;
    private @Nullable String craftVillageName;
    private boolean womenLed;
    private boolean ethnicMinorityArea;
    private @Nullable Integer foundedYear;
    private @Nullable Integer members;
    private @Nullable Integer employees;
    private @Nullable ProducerStatus status = ProducerStatus.ACTIVE;
    private @Nullable Long version;

    static ProducerForm of(ProducerView p) {
        ProducerForm form = new ProducerForm();
        form.legalType = p.legalType();
        form.name = p.name();
        form.taxCode = p.taxCode();
        form.representative = p.representative();
        form.representativeTitle = p.representativeTitle();
        form.phone = p.phone();
        form.email = p.email();
        form.website = p.website();
        form.address = p.address();
        form.province = p.provinceCode();
        form.communeCode = p.communeCode();
        form.sme = p.sme();
        form.craftVillage = p.craftVillage();
        form.craftVillageName = p.craftVillageName();
        form.womenLed = p.womenLed();
        form.ethnicMinorityArea = p.ethnicMinorityArea();
        form.foundedYear = p.foundedYear();
        form.members = p.members();
        form.employees = p.employees();
        form.status = p.status();
        form.version = p.version();
        return form;
    }

    /** The commune the user meant: the typed code when there is one, else the picked one. */
    String commune() {
        if (communeCodeTyped != null && !communeCodeTyped.isBlank()) {
            return communeCodeTyped.strip();
        }
        return communeCode == null ? "" : communeCode.strip();
    }

    ProducerDetails details() {
        return new ProducerDetails(
                legalType,
                name,
                taxCode,
                representative,
                representativeTitle,
                phone,
                blankToNull(email),
                blankToNull(website),
                address,
                commune(),
                sme,
                craftVillage,
                womenLed,
                ethnicMinorityArea,
                foundedYear,
                members,
                employees,
                status,
                blankToNull(craftVillageName));
    }

    /** The fields where this (unsaved) form differs from another, by field name, with this form's values. */
    Map<String, String> differencesFrom(ProducerForm other) {
        Map<String, String> mine = values();
        Map<String, String> theirs = other.values();
        Map<String, String> differences = new LinkedHashMap<>();
        mine.forEach((field, value) -> {
            if (!Objects.equals(value, theirs.get(field))) {
                differences.put(field, value);
            }
        });
        return differences;
    }

    private Map<String, String> values() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("legalType", legalType == null ? "" : legalType.name());
        m.put("name", name.strip());
        m.put("taxCode", taxCode.strip());
        m.put("representative", text(representative));
        m.put("representativeTitle", text(representativeTitle));
        m.put("phone", text(phone));
        m.put("email", text(email));
        m.put("website", text(website));
        m.put("address", text(address));
        m.put("communeCode", commune());
        m.put("sme", Boolean.toString(sme));
        m.put("craftVillage", Boolean.toString(craftVillage));
        m.put("craftVillageName", text(craftVillageName));
        m.put("womenLed", Boolean.toString(womenLed));
        m.put("ethnicMinorityArea", Boolean.toString(ethnicMinorityArea));
        m.put("foundedYear", foundedYear == null ? "" : foundedYear.toString());
        m.put("members", members == null ? "" : members.toString());
        m.put("employees", employees == null ? "" : employees.toString());
        m.put("status", status == null ? "" : status.name());
        return m;
    }

    private static String text(@Nullable String s) {
        return s == null ? "" : s.strip();
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }

    // Getters and setters for form binding.

    public @Nullable LegalType getLegalType() {
        return legalType;
    }

    public void setLegalType(@Nullable LegalType legalType) {
        this.legalType = legalType;
    }

    public String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name == null ? "" : name;
    }

    public String getTaxCode() {
        return taxCode;
    }

    public void setTaxCode(@Nullable String taxCode) {
        this.taxCode = taxCode == null ? "" : taxCode;
    }

    public @Nullable String getRepresentative() {
        return representative;
    }

    public void setRepresentative(@Nullable String representative) {
        this.representative = representative;
    }

    public @Nullable String getRepresentativeTitle() {
        return representativeTitle;
    }

    public void setRepresentativeTitle(@Nullable String representativeTitle) {
        this.representativeTitle = representativeTitle;
    }

    public @Nullable String getPhone() {
        return phone;
    }

    public void setPhone(@Nullable String phone) {
        this.phone = phone;
    }

    public @Nullable String getEmail() {
        return email;
    }

    public void setEmail(@Nullable String email) {
        this.email = email;
    }

    public @Nullable String getWebsite() {
        return website;
    }

    public void setWebsite(@Nullable String website) {
        this.website = website;
    }

    public @Nullable String getAddress() {
        return address;
    }

    public void setAddress(@Nullable String address) {
        this.address = address;
    }

    public @Nullable String getProvince() {
        return province;
    }

    public void setProvince(@Nullable String province) {
        this.province = province;
    }

    public @Nullable String getCommuneCode() {
        return communeCode;
    }

    public void setCommuneCode(@Nullable String communeCode) {
        this.communeCode = communeCode;
    }

    public @Nullable String getCommuneCodeTyped() {
        return communeCodeTyped;
    }

    public void setCommuneCodeTyped(@Nullable String communeCodeTyped) {
        this.communeCodeTyped = communeCodeTyped;
    }

    public boolean isSme() {
        return sme;
    }

    public void setSme(boolean sme) {
        this.sme = sme;
    }

    public boolean isCraftVillage() {
        return craftVillage;
    }

    public void setCraftVillage(boolean craftVillage) {
        this.craftVillage = craftVillage;
    }

    public @Nullable String getCraftVillageName() {
        return craftVillageName;
    }

    public void setCraftVillageName(@Nullable String craftVillageName) {
        this.craftVillageName = craftVillageName;
    }

    public boolean isWomenLed() {
        return womenLed;
    }

    public void setWomenLed(boolean womenLed) {
        this.womenLed = womenLed;
    }

    public boolean isEthnicMinorityArea() {
        return ethnicMinorityArea;
    }

    public void setEthnicMinorityArea(boolean ethnicMinorityArea) {
        this.ethnicMinorityArea = ethnicMinorityArea;
    }

    public @Nullable Integer getFoundedYear() {
        return foundedYear;
    }

    public void setFoundedYear(@Nullable Integer foundedYear) {
        this.foundedYear = foundedYear;
    }

    public @Nullable Integer getMembers() {
        return members;
    }

    public void setMembers(@Nullable Integer members) {
        this.members = members;
    }

    public @Nullable Integer getEmployees() {
        return employees;
    }

    public void setEmployees(@Nullable Integer employees) {
        this.employees = employees;
    }

    public @Nullable ProducerStatus getStatus() {
        return status;
    }

    public void setStatus(@Nullable ProducerStatus status) {
        this.status = status;
    }

    public @Nullable Long getVersion() {
        return version;
    }

    public void setVersion(@Nullable Long version) {
        this.version = version;
    }
}
