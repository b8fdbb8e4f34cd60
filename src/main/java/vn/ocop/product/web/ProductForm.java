package vn.ocop.product.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import vn.ocop.product.ProductDetails;
import vn.ocop.product.ProductStatus;
import vn.ocop.product.ProductView;

/**
 * The product form: the fields of {@link ProductDetails}, e-commerce links as rows (blank rows are ignored), and the
 * version the edit is based on.
 */
class ProductForm {

    /** At least this many link rows are shown, so a few links can be added without JavaScript. */
    static final int MIN_LINK_ROWS = 3;

    private @Nullable Long producerId;
    private String name = "";
    private @Nullable Integer criteriaSetNo;
    private @Nullable String legacyClass;
    private @Nullable String description;
    private @Nullable String ingredients;
    private @Nullable String rawMaterialArea;
    private @Nullable String standards;
    private @Nullable String packaging;
    private @Nullable BigDecimal priceMin;
    private @Nullable BigDecimal priceMax;
    private @Nullable String shelfLife;
    private @Nullable ProductStatus status = ProductStatus.ACTIVE;
    private List<LinkRow> links = new ArrayList<>();
    private @Nullable Long version;

    /** One e-commerce link row. */
    public static class LinkRow {
        private String platform = "";
        private String url = "";

        public LinkRow() {}

        LinkRow(String platform, String url) {
            this.platform = platform;
            this.url = url;
        }

        boolean blank() {
            return platform.isBlank() && url.isBlank();
        }

        public String getPlatform() {
            return platform;
        }

        public void setPlatform(@Nullable String platform) {
            this.platform = platform == null ? "" : platform;
        }

        public String getUrl() {
            return url;
        }

        public void setUrl(@Nullable String url) {
            this.url = url == null ? "" : url;
        }
    }

    static ProductForm of(ProductView p) {
        ProductForm form = new ProductForm();
        form.producerId = p.producerId();
        form.name = p.name();
        form.criteriaSetNo = p.criteriaSetNo();
        form.legacyClass = p.legacyClass();
        form.description = p.description();
        form.ingredients = p.ingredients();
        form.rawMaterialArea = p.rawMaterialArea();
        form.standards = p.standards();
        form.packaging = p.packaging();
        form.priceMin = p.priceMin();
        form.priceMax = p.priceMax();
        form.shelfLife = p.shelfLife();
        form.status = p.status();
        form.links = new ArrayList<>(p.links().stream()
                .map(link -> new LinkRow(link.platform(), link.url()))
                .toList());
        form.version = p.version();
        return form;
    }

    /** Pads the link rows with empty ones: at least {@link #MIN_LINK_ROWS}, and one free row (at most 20). */
    ProductForm withLinkRows() {
        links.removeIf(Objects::isNull);
        int wanted = Math.min(20, Math.max(MIN_LINK_ROWS, nonBlankLinks().size() + 1));
        while (links.size() < wanted) {
            links.add(new LinkRow());
        }
        return this;
    }

    ProductDetails details() {
        return new ProductDetails(
                producerId,
                name,
                criteriaSetNo,
                blankToNull(legacyClass),
                description,
                ingredients,
                rawMaterialArea,
                standards,
                packaging,
                priceMin,
                priceMax,
                shelfLife,
                status,
                nonBlankLinks().stream()
                        .map(row -> new ProductDetails.Link(row.platform.strip(), row.url.strip()))
                        .toList());
    }

    /**
     * The form field of a property path of {@link ProductDetails}: {@code links[i]} counts non-blank rows only, so it
     * is mapped back to the row the user filled in.
     */
    String fieldOf(String path) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("links\\[(\\d+)\\](.*)").matcher(path);
        if (m.matches()) {
            int index = Integer.parseInt(m.group(1));
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < links.size(); i++) {
                if (links.get(i) != null && !links.get(i).blank()) {
                    rows.add(i);
                }
            }
            return index < rows.size() ? "links[" + rows.get(index) + "]" + m.group(2) : "links";
        }
        return path;
    }

    private List<LinkRow> nonBlankLinks() {
        return links.stream().filter(row -> row != null && !row.blank()).toList();
    }

    /** The fields where this (unsaved) form differs from another, by field name, with this form's values. */
    Map<String, String> differencesFrom(ProductForm other) {
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
        m.put("name", name.strip());
        m.put("criteriaSetNo", criteriaSetNo == null ? "" : criteriaSetNo.toString());
        m.put("legacyClass", text(legacyClass));
        m.put("description", text(description));
        m.put("ingredients", text(ingredients));
        m.put("rawMaterialArea", text(rawMaterialArea));
        m.put("standards", text(standards));
        m.put("packaging", text(packaging));
        m.put("priceMin", priceMin == null ? "" : priceMin.stripTrailingZeros().toPlainString());
        m.put("priceMax", priceMax == null ? "" : priceMax.stripTrailingZeros().toPlainString());
        m.put("shelfLife", text(shelfLife));
        m.put("status", status == null ? "" : status.name());
        m.put(
                "links",
                String.join(
                        "; ",
                        nonBlankLinks().stream()
                                .map(row -> row.platform.strip() + " " + row.url.strip())
                                .toList()));
        return m;
    }

    private static String text(@Nullable String s) {
        return s == null ? "" : s.strip();
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // Getters and setters for form binding.

    public @Nullable Long getProducerId() {
        return producerId;
    }

    public void setProducerId(@Nullable Long producerId) {
        this.producerId = producerId;
    }

    public String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name == null ? "" : name;
    }

    public @Nullable Integer getCriteriaSetNo() {
        return criteriaSetNo;
    }

    public void setCriteriaSetNo(@Nullable Integer criteriaSetNo) {
        this.criteriaSetNo = criteriaSetNo;
    }

    public @Nullable String getLegacyClass() {
        return legacyClass;
    }

    public void setLegacyClass(@Nullable String legacyClass) {
        this.legacyClass = legacyClass;
    }

    public @Nullable String getDescription() {
        return description;
    }

    public void setDescription(@Nullable String description) {
        this.description = description;
    }

    public @Nullable String getIngredients() {
        return ingredients;
    }

    public void setIngredients(@Nullable String ingredients) {
        this.ingredients = ingredients;
    }

    public @Nullable String getRawMaterialArea() {
        return rawMaterialArea;
    }

    public void setRawMaterialArea(@Nullable String rawMaterialArea) {
        this.rawMaterialArea = rawMaterialArea;
    }

    public @Nullable String getStandards() {
        return standards;
    }

    public void setStandards(@Nullable String standards) {
        this.standards = standards;
    }

    public @Nullable String getPackaging() {
        return packaging;
    }

    public void setPackaging(@Nullable String packaging) {
        this.packaging = packaging;
    }

    public @Nullable BigDecimal getPriceMin() {
        return priceMin;
    }

    public void setPriceMin(@Nullable BigDecimal priceMin) {
        this.priceMin = priceMin;
    }

    public @Nullable BigDecimal getPriceMax() {
        return priceMax;
    }

    public void setPriceMax(@Nullable BigDecimal priceMax) {
        this.priceMax = priceMax;
    }

    public @Nullable String getShelfLife() {
        return shelfLife;
    }

    public void setShelfLife(@Nullable String shelfLife) {
        this.shelfLife = shelfLife;
    }

    public @Nullable ProductStatus getStatus() {
        return status;
    }

    public void setStatus(@Nullable ProductStatus status) {
        this.status = status;
    }

    public List<LinkRow> getLinks() {
        return links;
    }

    public void setLinks(@Nullable List<LinkRow> links) {
        this.links = links == null ? new ArrayList<>() : links;
    }

    public @Nullable Long getVersion() {
        return version;
    }

    public void setVersion(@Nullable Long version) {
        this.version = version;
    }
}
