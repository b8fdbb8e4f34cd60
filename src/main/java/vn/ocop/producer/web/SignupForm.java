package vn.ocop.producer.web;

import org.jspecify.annotations.Nullable;
import vn.ocop.producer.LegalType;
import vn.ocop.producer.SignupRequest;

/** The public sign-up form: the fields of {@link SignupRequest}, the province picked, and the anti-spam fields. */
class SignupForm {

    private @Nullable LegalType legalType;
    private String name = "";
    private String taxCode = "";
    private String representative = "";
    private String representativeTitle = "";
    private String phone = "";
    private String email = "";
    private String website = "";
    private String address = "";
    private @Nullable String province;
    private String communeCode = "";
    private boolean publishPhone;
    private boolean publishEmail;
    private String username = "";
    private String password = "";
    private String answer = "";

    SignupRequest request() {
        return new SignupRequest(
                legalType,
                name,
                taxCode,
                representative,
                representativeTitle,
                phone,
                email,
                website,
                address,
                communeCode,
                publishPhone,
                publishEmail,
                username.strip().toLowerCase(java.util.Locale.ROOT),
                password);
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

    public void setName(String name) {
        this.name = name;
    }

    public String getTaxCode() {
        return taxCode;
    }

    public void setTaxCode(String taxCode) {
        this.taxCode = taxCode;
    }

    public String getRepresentative() {
        return representative;
    }

    public void setRepresentative(String representative) {
        this.representative = representative;
    }

    public String getRepresentativeTitle() {
        return representativeTitle;
    }

    public void setRepresentativeTitle(String representativeTitle) {
        this.representativeTitle = representativeTitle;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public @Nullable String getProvince() {
        return province;
    }

    public void setProvince(@Nullable String province) {
        this.province = province;
    }

    public String getCommuneCode() {
        return communeCode;
    }

    public void setCommuneCode(String communeCode) {
        this.communeCode = communeCode;
    }

    public boolean isPublishPhone() {
        return publishPhone;
    }

    public void setPublishPhone(boolean publishPhone) {
        this.publishPhone = publishPhone;
    }

    public boolean isPublishEmail() {
        return publishEmail;
    }

    public void setPublishEmail(boolean publishEmail) {
        this.publishEmail = publishEmail;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getAnswer() {
        return answer;
    }

    public void setAnswer(String answer) {
        this.answer = answer;
    }
}
