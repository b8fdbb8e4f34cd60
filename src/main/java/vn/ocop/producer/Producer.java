package vn.ocop.producer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A producer. Its location (commune, province) decides which officers may see and change it. */
@Entity
@Table(name = "producer")
class Producer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "legal_type")
    private LegalType legalType = LegalType.OTHER;

    private String name = "";

    @Column(name = "tax_code")
    private String taxCode = "";

    private @Nullable String representative;

    @Column(name = "representative_title")
    private @Nullable String representativeTitle;

    private @Nullable String phone;
    private @Nullable String email;

    @Column(name = "publish_phone")
    private boolean publishPhone;

    @Column(name = "publish_email")
    private boolean publishEmail;

    private @Nullable String website;
    private @Nullable String address;

    @Column(name = "commune_code")
    private String communeCode = "";

    @Column(name = "province_code")
    private String provinceCode = "";

    private boolean sme;

    @Column(name = "craft_village")
    private boolean craftVillage;

    @Column(name = "craft_village_name")
    private @Nullable String craftVillageName;

    @Column(name = "women_led")
    private boolean womenLed;

    @Column(name = "ethnic_minority_area")
    private boolean ethnicMinorityArea;

    @Column(name = "founded_year")
    private @Nullable Integer foundedYear;

    private @Nullable Integer members;
    private @Nullable Integer employees;

    @Enumerated(EnumType.STRING)
    private ProducerStatus status = ProducerStatus.ACTIVE;

    @Column(name = "created_at")
    private Instant createdAt = Instant.EPOCH;

    @Column(name = "updated_at")
    private Instant updatedAt = Instant.EPOCH;

    @Version
    private long version;

    protected Producer() {}

    Producer(ProducerDetails details, String taxCode, String provinceCode, Instant now) {
        this.createdAt = now;
        apply(details, taxCode, provinceCode, now);
    }

    /** Applies new details; returns a "field: old -> new" summary of what changed (empty when nothing did). */
    String apply(ProducerDetails d, String normalizedTaxCode, String provinceCode, Instant now) {
        Map<String, Object> before = snapshot();
        this.legalType = d.legalType();
        this.name = d.name().strip();
        this.taxCode = normalizedTaxCode;
        this.representative = trim(d.representative());
        this.representativeTitle = trim(d.representativeTitle());
        this.phone = trim(d.phone());
        this.email = trim(d.email());
        this.website = trim(d.website());
        this.address = trim(d.address());
        this.communeCode = d.communeCode().strip();
        this.provinceCode = provinceCode;
        this.sme = d.sme();
        this.craftVillageName = trim(d.craftVillageName());
        // A named craft village is a craft village.
        this.craftVillage = d.craftVillage() || craftVillageName != null;
        this.womenLed = d.womenLed();
        this.ethnicMinorityArea = d.ethnicMinorityArea();
        this.foundedYear = d.foundedYear();
        this.members = d.members();
        this.employees = d.employees();
        if (d.status() != null) {
            this.status = d.status();
        }
        String changes = vn.ocop.shared.ChangeSummary.of(before, snapshot());
        if (!changes.isEmpty()) {
            this.updatedAt = now;
        }
        return changes;
    }

    /** Sets what the producer chose to show publicly; returns a "field: old -> new" summary (empty: no change). */
    String publish(boolean phone, boolean email, Instant now) {
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("publishPhone", publishPhone);
        before.put("publishEmail", publishEmail);
        this.publishPhone = phone;
        this.publishEmail = email;
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("publishPhone", publishPhone);
        after.put("publishEmail", publishEmail);
        String changes = vn.ocop.shared.ChangeSummary.of(before, after);
        if (!changes.isEmpty()) {
            this.updatedAt = now;
        }
        return changes;
    }

    private Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("legalType", legalType);
        m.put("name", name);
        m.put("taxCode", taxCode);
        m.put("representative", representative);
        m.put("representativeTitle", representativeTitle);
        m.put("phone", phone);
        m.put("email", email);
        m.put("website", website);
        m.put("address", address);
        m.put("communeCode", communeCode);
        m.put("sme", sme);
        m.put("craftVillage", craftVillage);
        m.put("craftVillageName", craftVillageName);
        m.put("womenLed", womenLed);
        m.put("ethnicMinorityArea", ethnicMinorityArea);
        m.put("foundedYear", foundedYear);
        m.put("members", members);
        m.put("employees", employees);
        m.put("status", status);
        return m;
    }

    private static @Nullable String trim(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    long id() {
        return Objects.requireNonNull(id, "not saved yet");
    }

    String communeCode() {
        return communeCode;
    }

    long version() {
        return version;
    }

    String taxCode() {
        return taxCode;
    }

    ProducerView view() {
        return new ProducerView(
                id(),
                legalType,
                name,
                taxCode,
                representative,
                representativeTitle,
                phone,
                email,
                publishPhone,
                publishEmail,
                website,
                address,
                communeCode,
                provinceCode,
                sme,
                craftVillage,
                womenLed,
                ethnicMinorityArea,
                foundedYear,
                members,
                employees,
                status,
                createdAt,
                updatedAt,
                version,
                craftVillageName);
    }
}
