package vn.ocop.product;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A product. It is located where its producer is; its rating is recorded by certification or an import. */
@Entity
@Table(name = "product")
class Product {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "producer_id")
    private long producerId;

    private String name = "";

    @Column(name = "classification_version")
    private String classificationVersion = Classification.CURRENT_VERSION;

    @Column(name = "criteria_set_no")
    private int criteriaSetNo;

    @Column(name = "legacy_class")
    private @Nullable String legacyClass;

    private @Nullable String description;
    private @Nullable String ingredients;

    @Column(name = "raw_material_area")
    private @Nullable String rawMaterialArea;

    private @Nullable String standards;
    private @Nullable String packaging;

    @Column(name = "price_min")
    private @Nullable BigDecimal priceMin;

    @Column(name = "price_max")
    private @Nullable BigDecimal priceMax;

    @Column(name = "shelf_life")
    private @Nullable String shelfLife;

    @Enumerated(EnumType.STRING)
    private ProductStatus status = ProductStatus.ACTIVE;

    @Column(name = "ocop_code")
    private @Nullable String ocopCode;

    private @Nullable Integer star;

    @Column(name = "certificate_number")
    private @Nullable String certificateNumber;

    @Column(name = "certificate_issued_on")
    private @Nullable LocalDate certificateIssuedOn;

    @Column(name = "certificate_expires_on")
    private @Nullable LocalDate certificateExpiresOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "certificate_level")
    private @Nullable CertificationLevel certificateLevel;

    @Column(name = "rating_source")
    private @Nullable String ratingSource;

    // The last certificate, kept by the database (trigger product_keep_last_certificate) when a rating is written.
    @Column(name = "last_certificate_number", insertable = false, updatable = false)
    private @Nullable String lastCertificateNumber;

    @Column(name = "last_certificate_star", insertable = false, updatable = false)
    private @Nullable Integer lastCertificateStar;

    @Enumerated(EnumType.STRING)
    @Column(name = "last_certificate_level", insertable = false, updatable = false)
    private @Nullable CertificationLevel lastCertificateLevel;

    @Column(name = "last_certificate_issued_on", insertable = false, updatable = false)
    private @Nullable LocalDate lastCertificateIssuedOn;

    @Column(name = "last_certificate_expires_on", insertable = false, updatable = false)
    private @Nullable LocalDate lastCertificateExpiresOn;

    @Column(name = "last_certificate_source", insertable = false, updatable = false)
    private @Nullable String lastCertificateSource;

    @Column(name = "commune_code")
    private String communeCode = "";

    @Column(name = "province_code")
    private String provinceCode = "";

    @Column(name = "search_text")
    private String searchText = "";

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "product_link", joinColumns = @JoinColumn(name = "product_id"))
    private List<LinkEntry> links = new ArrayList<>();

    @Column(name = "created_at")
    private Instant createdAt = Instant.EPOCH;

    @Column(name = "updated_at")
    private Instant updatedAt = Instant.EPOCH;

    @Version
    private long version;

    @Embeddable
    static class LinkEntry {
        private String platform = "";
        private String url = "";

        protected LinkEntry() {}

        LinkEntry(String platform, String url) {
            this.platform = platform;
            this.url = url;
        }

        ProductDetails.Link toLink() {
            return new ProductDetails.Link(platform, url);
        }
    }

    protected Product() {}

    Product(long producerId, String communeCode, String provinceCode, Instant now) {
        this.producerId = producerId;
        this.communeCode = communeCode;
        this.provinceCode = provinceCode;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Applies new details; returns a "field: old -> new" summary of what changed (empty when nothing did). */
    String apply(ProductDetails d, Instant now) {
        Map<String, Object> before = snapshot();
        this.name = d.name().strip();
        this.criteriaSetNo = d.criteriaSetNo();
        this.legacyClass = blankToNull(d.legacyClass());
        this.description = blankToNull(d.description());
        this.ingredients = blankToNull(d.ingredients());
        this.rawMaterialArea = blankToNull(d.rawMaterialArea());
        this.standards = blankToNull(d.standards());
        this.packaging = blankToNull(d.packaging());
        this.priceMin = d.priceMin();
        this.priceMax = d.priceMax();
        this.shelfLife = blankToNull(d.shelfLife());
        if (d.status() != null) {
            this.status = d.status();
        }
        List<LinkEntry> newLinks = new ArrayList<>();
        if (d.links() != null) {
            d.links()
                    .forEach(link -> newLinks.add(
                            new LinkEntry(link.platform().strip(), link.url().strip())));
        }
        if (!linksOf(newLinks).equals(linksOf(links))) {
            this.links.clear();
            this.links.addAll(newLinks);
        }
        return diff(before, snapshot(), now);
    }

    /** Records the current rating; returns the change summary. */
    String rate(CurrentRating rating, Instant now) {
        Map<String, Object> before = snapshot();
        this.star = rating.star();
        this.certificateNumber = rating.certificateNumber();
        this.certificateIssuedOn = rating.issuedOn();
        this.certificateExpiresOn = rating.expiresOn();
        this.certificateLevel = rating.level();
        this.ratingSource = rating.source();
        return diff(before, snapshot(), now);
    }

    /** Removes the current rating (certificate revoked or expired); the OCOP code stays with the product. */
    String clearRating(Instant now) {
        Map<String, Object> before = snapshot();
        this.star = null;
        this.certificateNumber = null;
        this.certificateIssuedOn = null;
        this.certificateExpiresOn = null;
        this.certificateLevel = null;
        this.ratingSource = null;
        return diff(before, snapshot(), now);
    }

    void assignOcopCode(String code) {
        if (this.ocopCode == null) {
            this.ocopCode = code;
        }
    }

    void relocate(String communeCode, String provinceCode) {
        this.communeCode = communeCode;
        this.provinceCode = provinceCode;
    }

    void updateSearchText(String producerName) {
        this.searchText = SearchFolding.fold(name + " " + producerName + " " + (ocopCode == null ? "" : ocopCode));
    }

    private String diff(Map<String, Object> before, Map<String, Object> after, Instant now) {
        String changes = vn.ocop.shared.ChangeSummary.of(before, after);
        if (!changes.isEmpty()) {
            this.updatedAt = now;
        }
        return changes;
    }

    private Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("criteriaSetNo", criteriaSetNo);
        m.put("legacyClass", legacyClass);
        m.put("description", description == null ? null : "(" + description.length() + " chars)");
        m.put("ingredients", ingredients);
        m.put("rawMaterialArea", rawMaterialArea);
        m.put("standards", standards);
        m.put("packaging", packaging);
        m.put(
                "priceMin",
                priceMin == null ? null : priceMin.stripTrailingZeros().toPlainString());
        m.put(
                "priceMax",
                priceMax == null ? null : priceMax.stripTrailingZeros().toPlainString());
        m.put("shelfLife", shelfLife);
        m.put("status", status);
        m.put("links", linksOf(links));
        m.put("star", star);
        m.put("certificateNumber", certificateNumber);
        m.put("certificateIssuedOn", certificateIssuedOn);
        m.put("certificateExpiresOn", certificateExpiresOn);
        m.put("certificateLevel", certificateLevel);
        return m;
    }

    private static List<String> linksOf(List<LinkEntry> entries) {
        return entries.stream().map(l -> l.platform + " " + l.url).toList();
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    long id() {
        return Objects.requireNonNull(id, "not saved yet");
    }

    long producerId() {
        return producerId;
    }

    String name() {
        return name;
    }

    String communeCode() {
        return communeCode;
    }

    String provinceCode() {
        return provinceCode;
    }

    int criteriaSetNo() {
        return criteriaSetNo;
    }

    long version() {
        return version;
    }

    @Nullable
    String ocopCode() {
        return ocopCode;
    }

    @Nullable
    CurrentRating rating() {
        if (star == null) {
            return null;
        }
        return new CurrentRating(
                star,
                certificateNumber,
                certificateIssuedOn,
                certificateExpiresOn,
                certificateLevel,
                ratingSource == null ? "IMPORTED" : ratingSource);
    }

    /**
     * The product as others see it on {@code today}: a rating whose certificate expired is no longer its rating (no
     * star), and shows as its last certificate, unless it is {@code extended} (Art. 12.3).
     */
    ProductView view(String producerName, Classification.CriteriaSetInfo set, LocalDate today, boolean extended) {
        CurrentRating rating = rating();
        if (rating != null && rating.expiresOn() != null && rating.expiresOn().isBefore(today) && !extended) {
            rating = null;
        }
        return new ProductView(
                id(),
                producerId,
                producerName,
                name,
                classificationVersion,
                criteriaSetNo,
                set.setName(),
                set.groupName(),
                set.sectorName(),
                legacyClass,
                description,
                ingredients,
                rawMaterialArea,
                standards,
                packaging,
                priceMin,
                priceMax,
                shelfLife,
                status,
                ocopCode,
                rating,
                communeCode,
                provinceCode,
                links.stream().map(LinkEntry::toLink).toList(),
                createdAt,
                updatedAt,
                version,
                lastCertificate(today, extended));
    }

    /** The last certificate the product held, in force or not, with its state on {@code today}; null if never. */
    ProductView.@Nullable LastCertificate lastCertificate(LocalDate today, boolean extended) {
        return lastCertificate(
                lastCertificateNumber,
                lastCertificateStar,
                lastCertificateLevel,
                lastCertificateIssuedOn,
                lastCertificateExpiresOn,
                lastCertificateSource,
                star,
                certificateNumber,
                certificateExpiresOn,
                today,
                extended);
    }

    /**
     * The last certificate from its stored columns: in force while it is still the product's current rating and not
     * expired on {@code today} (or {@code extended}, Art. 12.3). One rule for the entity and the bulk reads.
     */
    static ProductView.@Nullable LastCertificate lastCertificate(
            @Nullable String number,
            @Nullable Integer star,
            @Nullable CertificationLevel level,
            @Nullable LocalDate issuedOn,
            @Nullable LocalDate expiresOn,
            @Nullable String source,
            @Nullable Integer currentStar,
            @Nullable String currentNumber,
            @Nullable LocalDate currentExpiresOn,
            LocalDate today,
            boolean extended) {
        if (number == null || star == null) {
            return null;
        }
        boolean inForce = currentStar != null
                && number.equals(currentNumber)
                && (currentExpiresOn == null || !currentExpiresOn.isBefore(today) || extended);
        return new ProductView.LastCertificate(
                star, number, level, issuedOn, expiresOn, source == null ? "IMPORTED" : source, inForce);
    }
}
