package vn.ocop.catalog;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.ocop.certification.CertificateTimeline;
import vn.ocop.geography.AdminEdition;
import vn.ocop.geography.AdminUnit;
import vn.ocop.geography.AdminUnits;
import vn.ocop.product.Classification;
import vn.ocop.product.ProductPhotos;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.PageResult;

/**
 * The public catalog: products holding an OCOP certificate in force today (3★ or more, not revoked, suspended or past
 * its last day, product still made) and their producers. Everything here is public; nothing needs a login. Dates are
 * Vietnamese calendar dates: a certificate whose last day was yesterday is out today, before any job has run.
 */
@Service
@Transactional(readOnly = true)
public class Catalog {

    /** The most a page may hold. */
    public static final int MAX_PAGE_SIZE = 100;

    /** How deep the pages go (with at most {@value CatalogSearch#COUNT_CAP} counted, 50 pages of 20 and one more). */
    public static final int MAX_PAGE = 500;

    /**
     * The version of what the public sees, and when it last changed: it changes with every change of the catalog or
     * of what other modules show on public pages, so that a page's validator (ETag) is the version and the day.
     */
    public record Version(long number, Instant changedAt) {}

    /** One row of the open data register: a listed product with its producer and certificate. */
    public record RegisterRow(
            long productId,
            String name,
            @Nullable String ocopCode,
            int star,
            String certificateNumber,
            @Nullable String certificateLevel,
            LocalDate certifiedOn,
            LocalDate expiresOn,
            int criteriaSetNo,
            String criteriaSetName,
            long producerId,
            String producerName,
            String producerType,
            String communeCode,
            String communeName,
            String provinceCode,
            String provinceName,
            @Nullable BigDecimal priceMin,
            @Nullable BigDecimal priceMax) {}

    private static final String LISTED = "c.star IS NOT NULL AND c.status = 'ACTIVE' AND c.expires_on >= ?";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final CatalogSearch search;
    private final CatalogStore store;
    private final Classification classification;
    private final AdminUnits units;
    private final ProductPhotos photos;
    private final CertificateTimeline timeline;
    private final JsonMapper json;
    private final Clock clock;
    private volatile @Nullable Memo memo;

    Catalog(
            JdbcClient jdbc,
            JdbcTemplate template,
            CatalogSearch search,
            CatalogStore store,
            Classification classification,
            AdminUnits units,
            ProductPhotos photos,
            CertificateTimeline timeline,
            JsonMapper json,
            Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.search = search;
        this.store = store;
        this.classification = classification;
        this.units = units;
        this.photos = photos;
        this.timeline = timeline;
        this.json = json;
        this.clock = clock;
    }

    /** Today in Vietnam: the day certificates are checked against. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The current version of the public content (one indexed read). */
    public Version version() {
        return jdbc.sql("SELECT version, changed_at FROM catalog_state WHERE id = 1")
                .query((rs, n) -> new Version(rs.getLong(1), rs.getTimestamp(2).toInstant()))
                .single();
    }

    /**
     * Tells the catalog that something public changed outside it (a point of sale, a fair): the version moves on, so
     * caches revalidate. Call inside the changing transaction.
     */
    @Transactional
    public void contentChanged() {
        store.lockAndBump();
    }

    /**
     * A page of listed products; {@code CAT-003} (400) for a page beyond {@value #MAX_PAGE} or a size outside 1–{@value
     * #MAX_PAGE_SIZE}, or stars outside 3–5.
     */
    public CatalogResults search(CatalogQuery query, int page, int size) {
        if (page < 0 || page > MAX_PAGE || size < 1 || size > MAX_PAGE_SIZE) {
            throw new OcopException(CatalogError.INVALID_QUERY, "page");
        }
        if (query.stars() != null && (query.stars() < 3 || query.stars() > 5)) {
            throw new OcopException(CatalogError.INVALID_QUERY, "stars");
        }
        CatalogSearch.Found found = search.find(query, page, size, today());
        long total = found.total();
        boolean atLeast = found.totalAtLeast();
        if (!query.filtered()) {
            total = figures().products(); // exact, from the memo
            atLeast = false;
        }
        return new CatalogResults(
                new PageResult<>(products(found.ids()), page, size, total, atLeast),
                found.corrections(),
                found.unmatched());
    }

    /** Listed products by id, in the order given (ids not listed today are left out). */
    public List<CatalogProduct> products(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, CatalogProduct> found = new HashMap<>();
        Map<String, AdminUnit> names = units.byCode(AdminEdition.CURRENT);
        List<Long> wanted = List.copyOf(ids);
        Map<Long, Long> firstPhotos = photos.firstPhotoIds(wanted);
        jdbc.sql("SELECT c.* FROM catalog_product c WHERE c.product_id = ANY (?) AND " + LISTED)
                .params(wanted.toArray(Long[]::new), today())
                .query((rs, n) -> found.put(rs.getLong("product_id"), product(rs, names, firstPhotos)))
                .list();
        return wanted.stream()
                .map(found::get)
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    /** A listed product, or empty. */
    public Optional<CatalogProduct> product(long productId) {
        return products(List.of(productId)).stream().findFirst();
    }

    /**
     * A product that is or was in the catalog, with everything its public page shows; empty when it never was (the
     * public does not learn of products never certified).
     */
    public Optional<CatalogEntry> entry(long productId) {
        Map<String, AdminUnit> names = units.byCode(AdminEdition.CURRENT);
        LocalDate today = today();
        return jdbc.sql("SELECT c.* FROM catalog_product c WHERE c.product_id = ?")
                .param(productId)
                .query((rs, n) -> entry(rs, names, today))
                .optional();
    }

    /** A producer with at least one listed product, as the public sees it; empty otherwise. */
    public Optional<CatalogProducer> producer(long producerId) {
        Map<String, AdminUnit> names = units.byCode(AdminEdition.CURRENT);
        return jdbc.sql("SELECT p.* FROM catalog_producer p WHERE p.producer_id = ? AND EXISTS (SELECT 1 FROM"
                        + " catalog_product c WHERE c.producer_id = p.producer_id AND " + LISTED + ")")
                .params(producerId, today())
                .query((rs, n) -> producer(rs, names))
                .optional();
    }

    /** Which of these producers have listed products today (their public page exists). */
    public java.util.Set<Long> producersListed(Collection<Long> producerIds) {
        if (producerIds.isEmpty()) {
            return java.util.Set.of();
        }
        return java.util.Set.copyOf(jdbc.sql("SELECT DISTINCT c.producer_id FROM catalog_product c"
                        + " WHERE c.producer_id = ANY (?) AND " + LISTED)
                .params(producerIds.toArray(Long[]::new), today())
                .query(Long.class)
                .list());
    }

    /** A producer's listed products, most stars first, then by name. */
    public List<CatalogProduct> productsOf(long producerId) {
        return products(jdbc.sql("SELECT c.product_id FROM catalog_product c WHERE c.producer_id = ? AND " + LISTED
                        + " ORDER BY c.star DESC, c.name COLLATE vietnamese, c.product_id")
                .params(producerId, today())
                .query(Long.class)
                .list());
    }

    /**
     * Producers with listed products of a criteria set in a province (for buyers' inquiries about a category), most
     * stars first, at most {@code limit}.
     */
    public List<Long> producersOffering(int criteriaSetNo, String provinceCode, int limit) {
        return jdbc.sql(
                        "SELECT c.producer_id FROM catalog_product c WHERE c.criteria_set_no = ? AND c.province_code = ?"
                                + " AND " + LISTED
                                + " GROUP BY c.producer_id ORDER BY max(c.star) DESC, c.producer_id LIMIT ?")
                .params(criteriaSetNo, provinceCode, today(), limit)
                .query(Long.class)
                .list();
    }

    /** Counts of today's catalog; read once per version and day (a few statements), then from memory. */
    public CatalogFigures figures() {
        return memo().figures();
    }

    /** A few listed products to show first: most stars, with a photo, most recently certified. */
    public List<CatalogProduct> featured() {
        return products(memo().featured());
    }

    /**
     * Every listed product, in the register's order (province, then name), streamed from the database, for the open
     * data downloads and the sitemap.
     */
    public void forEachListed(Consumer<RegisterRow> sink) {
        Map<String, AdminUnit> names = units.byCode(AdminEdition.CURRENT);
        JdbcTemplate streaming = new JdbcTemplate(java.util.Objects.requireNonNull(template.getDataSource()));
        streaming.setFetchSize(1000);
        streaming.query(
                "SELECT c.* FROM catalog_product c WHERE " + LISTED
                        + " ORDER BY c.province_code, c.name COLLATE vietnamese, c.product_id",
                rs -> {
                    String commune = rs.getString("commune_code");
                    String province = rs.getString("province_code");
                    int set = rs.getInt("criteria_set_no");
                    sink.accept(new RegisterRow(
                            rs.getLong("product_id"),
                            rs.getString("name"),
                            rs.getString("ocop_code"),
                            rs.getInt("star"),
                            rs.getString("certificate_number"),
                            rs.getString("certificate_level"),
                            rs.getObject("certified_on", LocalDate.class),
                            rs.getObject("expires_on", LocalDate.class),
                            set,
                            classification.setName(rs.getString("classification_version"), set),
                            rs.getLong("producer_id"),
                            rs.getString("producer_name"),
                            rs.getString("producer_type"),
                            commune,
                            name(names, commune),
                            province,
                            name(names, province),
                            rs.getBigDecimal("price_min"),
                            rs.getBigDecimal("price_max")));
                },
                java.sql.Date.valueOf(today()));
    }

    /** A listed product's id and when its row last changed, for the sitemap. */
    public record Listed(long productId, Instant updatedAt) {}

    /** One slice of the listed products in id order, for the sitemap's files. */
    public List<Listed> listedSlice(int slice, int size) {
        return jdbc.sql("SELECT c.product_id, c.updated_at FROM catalog_product c WHERE " + LISTED
                        + " ORDER BY c.product_id LIMIT ? OFFSET ?")
                .params(today(), size, (long) slice * size)
                .query((rs, n) -> new Listed(rs.getLong(1), rs.getTimestamp(2).toInstant()))
                .list();
    }

    /** The producers with listed products, by id, streamed (for the sitemap). */
    public void forEachProducer(Consumer<Long> sink) {
        jdbc.sql("SELECT DISTINCT c.producer_id FROM catalog_product c WHERE " + LISTED + " ORDER BY 1")
                .param(today())
                .query(Long.class)
                .list()
                .forEach(sink);
    }

    private Memo memo() {
        Version version = version();
        LocalDate today = today();
        Memo current = memo;
        if (current != null
                && current.version() == version.number()
                && current.day().equals(today)) {
            return current;
        }
        Memo fresh = new Memo(version.number(), today, readFigures(today), readFeatured(today));
        memo = fresh;
        return fresh;
    }

    /** Figures and featured products of one catalog version on one day (reference data: same on every node). */
    private record Memo(long version, LocalDate day, CatalogFigures figures, List<Long> featured) {}

    private CatalogFigures readFigures(LocalDate today) {
        Map<String, Long> byProvince = new TreeMap<>();
        jdbc.sql("SELECT c.province_code, count(*) FROM catalog_product c WHERE " + LISTED + " GROUP BY 1")
                .param(today)
                .query((rs, n) -> byProvince.put(rs.getString(1), rs.getLong(2)))
                .list();
        Map<Integer, Long> byStar = new TreeMap<>();
        jdbc.sql("SELECT c.star, count(*) FROM catalog_product c WHERE " + LISTED + " GROUP BY 1")
                .param(today)
                .query((rs, n) -> byStar.put(rs.getInt(1), rs.getLong(2)))
                .list();
        long producers = jdbc.sql("SELECT count(DISTINCT c.producer_id) FROM catalog_product c WHERE " + LISTED)
                .param(today)
                .query(Long.class)
                .single();
        long products = byProvince.values().stream().mapToLong(Long::longValue).sum();
        return new CatalogFigures(products, producers, byProvince, byStar);
    }

    private List<Long> readFeatured(LocalDate today) {
        List<Long> candidates = jdbc.sql("SELECT c.product_id FROM catalog_product c WHERE " + LISTED
                        + " ORDER BY c.star DESC, c.certified_on DESC, c.product_id DESC LIMIT 60")
                .param(today)
                .query(Long.class)
                .list();
        Map<Long, Long> withPhoto = photos.firstPhotoIds(candidates);
        List<Long> featured = new ArrayList<>(
                candidates.stream().filter(withPhoto::containsKey).limit(8).toList());
        for (Long id : candidates) {
            if (featured.size() >= 8) {
                break;
            }
            if (!featured.contains(id)) {
                featured.add(id);
            }
        }
        return List.copyOf(featured);
    }

    private CatalogProduct product(ResultSet rs, Map<String, AdminUnit> names, Map<Long, Long> firstPhotos)
            throws SQLException {
        long id = rs.getLong("product_id");
        String commune = rs.getString("commune_code");
        String province = rs.getString("province_code");
        int set = rs.getInt("criteria_set_no");
        return new CatalogProduct(
                id,
                rs.getString("name"),
                rs.getLong("producer_id"),
                rs.getString("producer_name"),
                rs.getString("producer_type"),
                set,
                classification.setName(rs.getString("classification_version"), set),
                commune,
                name(names, commune),
                province,
                name(names, province),
                rs.getInt("star"),
                rs.getString("ocop_code"),
                rs.getObject("certified_on", LocalDate.class),
                rs.getObject("expires_on", LocalDate.class),
                firstPhotos.get(id));
    }

    private CatalogEntry entry(ResultSet rs, Map<String, AdminUnit> names, LocalDate today) throws SQLException {
        long id = rs.getLong("product_id");
        long producerId = rs.getLong("producer_id");
        Integer star = rs.getObject("star", Integer.class);
        LocalDate expires = rs.getObject("expires_on", LocalDate.class);
        boolean listed = star != null && "ACTIVE".equals(rs.getString("status")) && !expires.isBefore(today);
        int set = rs.getInt("criteria_set_no");
        Classification.CriteriaSetInfo info = classification.criteriaSet(set).orElse(null);
        CatalogProducer producer = jdbc.sql("SELECT p.* FROM catalog_producer p WHERE p.producer_id = ?")
                .param(producerId)
                .query((r, n) -> producer(r, names))
                .optional()
                .orElseGet(() -> new CatalogProducer(
                        producerId,
                        rsString(rs, "producer_name"),
                        rsString(rs, "producer_type"),
                        rsString(rs, "commune_code"),
                        name(names, rsString(rs, "commune_code")),
                        rsString(rs, "province_code"),
                        name(names, rsString(rs, "province_code")),
                        null,
                        null,
                        null));
        List<CatalogEntry.Link> links = json.readValue(rs.getString("links"), new TypeReference<>() {});
        return new CatalogEntry(
                id,
                rs.getString("name"),
                listed,
                listed ? star : null,
                listed ? rs.getString("certificate_number") : null,
                listed ? rs.getString("certificate_level") : null,
                listed ? rs.getObject("certified_on", LocalDate.class) : null,
                listed ? expires : null,
                listed && "PLATFORM".equals(rs.getString("rating_source")),
                rs.getString("ocop_code"),
                set,
                classification.setName(rs.getString("classification_version"), set),
                info == null ? "" : info.groupName(),
                info == null ? "" : info.sectorName(),
                rs.getString("description"),
                rs.getString("ingredients"),
                rs.getString("raw_material_area"),
                rs.getString("standards"),
                rs.getString("packaging"),
                rs.getBigDecimal("price_min"),
                rs.getBigDecimal("price_max"),
                rs.getString("shelf_life"),
                links,
                listed ? photos.photoIds(id) : List.of(),
                producer,
                history(id, rs, today),
                rs.getTimestamp("updated_at").toInstant());
    }

    /**
     * The certificate timeline of the platform, completed for a rating recorded from earlier records (an import):
     * when it was certified and, once past, when it expired.
     */
    private List<CertificateTimeline.StatusChange> history(long id, ResultSet rs, LocalDate today) throws SQLException {
        List<CertificateTimeline.StatusChange> history = new ArrayList<>(timeline.of(id));
        String number = rs.getString("certificate_number");
        LocalDate certified = rs.getObject("certified_on", LocalDate.class);
        LocalDate expires = rs.getObject("expires_on", LocalDate.class);
        boolean known = history.stream().anyMatch(h -> h.certificateNumber().equals(number));
        if (number != null && certified != null && !known && "IMPORTED".equals(rs.getString("rating_source"))) {
            int star = rs.getInt("star");
            String level = rs.getString("certificate_level");
            history.add(
                    0,
                    new CertificateTimeline.StatusChange(
                            certified, CertificateTimeline.Change.CERTIFIED, number, star, level == null ? "" : level));
            if (expires != null && expires.isBefore(today)) {
                history.add(new CertificateTimeline.StatusChange(
                        expires, CertificateTimeline.Change.EXPIRED, number, star, level == null ? "" : level));
            }
        }
        return history;
    }

    private static String rsString(ResultSet rs, String column) {
        try {
            return rs.getString(column);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private CatalogProducer producer(ResultSet rs, Map<String, AdminUnit> names) throws SQLException {
        String commune = rs.getString("commune_code");
        String province = rs.getString("province_code");
        return new CatalogProducer(
                rs.getLong("producer_id"),
                rs.getString("name"),
                rs.getString("legal_type"),
                commune,
                name(names, commune),
                province,
                name(names, province),
                rs.getString("website"),
                rs.getString("phone"),
                rs.getString("email"));
    }

    private static String name(Map<String, AdminUnit> names, String code) {
        AdminUnit unit = names.get(code);
        return unit == null ? code : unit.fullName();
    }

    /** The names of the provinces (for the map's table), by code, in Vietnamese order of code. */
    public Map<String, String> provinceNames() {
        Map<String, String> names = new LinkedHashMap<>();
        units.list(AdminEdition.CURRENT, "province").forEach(u -> names.put(u.code(), u.fullName()));
        return names;
    }
}
