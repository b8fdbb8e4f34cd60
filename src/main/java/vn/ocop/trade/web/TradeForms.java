package vn.ocop.trade.web;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import vn.ocop.trade.BuyerKind;
import vn.ocop.trade.Fair;
import vn.ocop.trade.FairDetails;
import vn.ocop.trade.InquiryRequest;
import vn.ocop.trade.PointOfSale;
import vn.ocop.trade.PointOfSaleDetails;

/** The page forms of trade promotion, bound field by field and turned into the services' commands. */
final class TradeForms {

    private TradeForms() {}

    /** A point of sale's form. */
    static class PointForm {
        private String name = "";
        private String address = "";
        private @Nullable String province;
        private String communeCode = "";
        private String openingHours = "";
        private String phone = "";
        private String email = "";
        private String website = "";
        private String description = "";
        private boolean open = true;
        private @Nullable Long version;

        static PointForm of(PointOfSale p) {
            PointForm f = new PointForm();
            f.name = p.name();
            f.address = p.address();
            f.province = p.provinceCode();
            f.communeCode = p.communeCode();
            f.openingHours = n(p.openingHours());
            f.phone = n(p.phone());
            f.email = n(p.email());
            f.website = n(p.website());
            f.description = n(p.description());
            f.open = p.open();
            f.version = p.version();
            return f;
        }

        PointOfSaleDetails details() {
            return new PointOfSaleDetails(
                    name, address, communeCode, openingHours, phone, email, website, description, open);
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
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

        public String getOpeningHours() {
            return openingHours;
        }

        public void setOpeningHours(String openingHours) {
            this.openingHours = openingHours;
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

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        public boolean isOpen() {
            return open;
        }

        public void setOpen(boolean open) {
            this.open = open;
        }

        public @Nullable Long getVersion() {
            return version;
        }

        public void setVersion(@Nullable Long version) {
            this.version = version;
        }
    }

    /** A fair's form. */
    static class FairForm {
        private String name = "";
        private String description = "";

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private @Nullable LocalDate startsOn;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private @Nullable LocalDate endsOn;

        private String venue = "";
        private @Nullable String province;
        private String communeCode = "";
        private String organiser = "";
        private String website = "";
        private boolean cancelled;
        private @Nullable Long version;

        static FairForm of(Fair f) {
            FairForm form = new FairForm();
            form.name = f.name();
            form.description = n(f.description());
            form.startsOn = f.startsOn();
            form.endsOn = f.endsOn();
            form.venue = f.venue();
            form.province = f.provinceCode();
            form.communeCode = f.communeCode();
            form.organiser = f.organiser();
            form.website = n(f.website());
            form.cancelled = f.cancelled();
            form.version = f.version();
            return form;
        }

        @SuppressWarnings("NullAway")
        FairDetails details() {
            return new FairDetails(
                    name, description, startsOn, endsOn, venue, communeCode, organiser, website, cancelled);
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        public @Nullable LocalDate getStartsOn() {
            return startsOn;
        }

        public void setStartsOn(@Nullable LocalDate startsOn) {
            this.startsOn = startsOn;
        }

        public @Nullable LocalDate getEndsOn() {
            return endsOn;
        }

        public void setEndsOn(@Nullable LocalDate endsOn) {
            this.endsOn = endsOn;
        }

        public String getVenue() {
            return venue;
        }

        public void setVenue(String venue) {
            this.venue = venue;
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

        public String getOrganiser() {
            return organiser;
        }

        public void setOrganiser(String organiser) {
            this.organiser = organiser;
        }

        public String getWebsite() {
            return website;
        }

        public void setWebsite(String website) {
            this.website = website;
        }

        public boolean isCancelled() {
            return cancelled;
        }

        public void setCancelled(boolean cancelled) {
            this.cancelled = cancelled;
        }

        public @Nullable Long getVersion() {
            return version;
        }

        public void setVersion(@Nullable Long version) {
            this.version = version;
        }
    }

    /** A buyer's inquiry form (public). */
    static class InquiryForm {
        private @Nullable Long productId;
        private @Nullable Integer criteriaSetNo;
        private @Nullable String provinceCode;
        private @Nullable BuyerKind buyerKind;
        private String buyerName = "";
        private String organisation = "";
        private String email = "";
        private String phone = "";
        private String quantity = "";
        private String message = "";

        @SuppressWarnings("NullAway")
        InquiryRequest request() {
            return new InquiryRequest(
                    productId,
                    criteriaSetNo,
                    provinceCode,
                    buyerKind,
                    buyerName,
                    organisation,
                    email,
                    phone,
                    quantity,
                    message);
        }

        public @Nullable Long getProductId() {
            return productId;
        }

        public void setProductId(@Nullable Long productId) {
            this.productId = productId;
        }

        public @Nullable Integer getCriteriaSetNo() {
            return criteriaSetNo;
        }

        public void setCriteriaSetNo(@Nullable Integer criteriaSetNo) {
            this.criteriaSetNo = criteriaSetNo;
        }

        public @Nullable String getProvinceCode() {
            return provinceCode;
        }

        public void setProvinceCode(@Nullable String provinceCode) {
            this.provinceCode = provinceCode;
        }

        public @Nullable BuyerKind getBuyerKind() {
            return buyerKind;
        }

        public void setBuyerKind(@Nullable BuyerKind buyerKind) {
            this.buyerKind = buyerKind;
        }

        public String getBuyerName() {
            return buyerName;
        }

        public void setBuyerName(String buyerName) {
            this.buyerName = buyerName;
        }

        public String getOrganisation() {
            return organisation;
        }

        public void setOrganisation(String organisation) {
            this.organisation = organisation;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public String getPhone() {
            return phone;
        }

        public void setPhone(String phone) {
            this.phone = phone;
        }

        public String getQuantity() {
            return quantity;
        }

        public void setQuantity(String quantity) {
            this.quantity = quantity;
        }

        public String getMessage() {
            return message;
        }

        public void setMessage(String message) {
            this.message = message;
        }
    }

    private static String n(@Nullable String s) {
        return s == null ? "" : s;
    }
}
