package vn.ocop.product;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Products in bulk for other modules' read models (the public catalog): streamed or by many ids, as {@link
 * ProductView}s, with one statement instead of an entity load per product. No authorization: callers publish only
 * what their own rules allow (certified products).
 */
@Service
@Transactional(readOnly = true)
public class ProductViews {

    private static final String SELECT = """
            SELECT p.*, pr.name AS producer_name,
                   ARRAY(SELECT l.platform FROM product_link l WHERE l.product_id = p.id ORDER BY l.id) AS link_platforms,
                   ARRAY(SELECT l.url FROM product_link l WHERE l.product_id = p.id ORDER BY l.id) AS link_urls
              FROM product p JOIN producer pr ON pr.id = p.producer_id""";

    private final JdbcTemplate jdbc;
    private final Classification classification;
    private final java.time.Clock clock;

    ProductViews(JdbcTemplate jdbc, Classification classification, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.classification = classification;
        this.clock = clock;
    }

    /**
     * Every product whose current rating is certified (3★ or more, with a certificate), in id order, streamed from the
     * database (not held in memory), whatever the certificate's dates.
     */
    public void forEachCertified(Consumer<ProductView> sink) {
        JdbcTemplate streaming = new JdbcTemplate(java.util.Objects.requireNonNull(jdbc.getDataSource()));
        streaming.setFetchSize(1000);
        streaming.query(SELECT + " WHERE p.star >= 3 AND p.certificate_number IS NOT NULL ORDER BY p.id", rs -> {
            sink.accept(view(rs));
        });
    }

    /** The products with these ids (unknown ids are left out), in id order. */
    public List<ProductView> byIds(Collection<Long> ids) {
        List<ProductView> views = new ArrayList<>();
        List<Long> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += 5000) {
            Long[] chunk = all.subList(from, Math.min(all.size(), from + 5000)).toArray(Long[]::new);
            jdbc.query(
                    SELECT + " WHERE p.id = ANY (?) ORDER BY p.id",
                    rs -> {
                        views.add(view(rs));
                    },
                    (Object) chunk);
        }
        return views;
    }

    private ProductView view(ResultSet rs) throws SQLException {
        int setNo = rs.getInt("criteria_set_no");
        String version = rs.getString("classification_version");
        Classification.CriteriaSetInfo set = classification.criteriaSet(setNo).orElse(null);
        Integer star = rs.getObject("star", Integer.class);
        String level = rs.getString("certificate_level");
        CurrentRating rating = star == null
                ? null
                : new CurrentRating(
                        star,
                        rs.getString("certificate_number"),
                        rs.getObject("certificate_issued_on", LocalDate.class),
                        rs.getObject("certificate_expires_on", LocalDate.class),
                        level == null ? null : CertificationLevel.valueOf(level),
                        rs.getString("rating_source") == null ? "IMPORTED" : rs.getString("rating_source"));
        return new ProductView(
                rs.getLong("id"),
                rs.getLong("producer_id"),
                rs.getString("producer_name"),
                rs.getString("name"),
                version,
                setNo,
                classification.setName(version, setNo),
                set == null ? "" : set.groupName(),
                set == null ? "" : set.sectorName(),
                rs.getString("legacy_class"),
                rs.getString("description"),
                rs.getString("ingredients"),
                rs.getString("raw_material_area"),
                rs.getString("standards"),
                rs.getString("packaging"),
                rs.getBigDecimal("price_min"),
                rs.getBigDecimal("price_max"),
                rs.getString("shelf_life"),
                ProductStatus.valueOf(rs.getString("status")),
                rs.getString("ocop_code"),
                rating,
                rs.getString("commune_code"),
                rs.getString("province_code"),
                links(rs.getArray("link_platforms"), rs.getArray("link_urls")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getLong("version"),
                lastCertificate(rs));
    }

    /** The last certificate the product held (kept by the database), in force by its dates alone. */
    private ProductView.@org.jspecify.annotations.Nullable LastCertificate lastCertificate(ResultSet rs)
            throws SQLException {
        String level = rs.getString("last_certificate_level");
        return Product.lastCertificate(
                rs.getString("last_certificate_number"),
                rs.getObject("last_certificate_star", Integer.class),
                level == null ? null : CertificationLevel.valueOf(level),
                rs.getObject("last_certificate_issued_on", LocalDate.class),
                rs.getObject("last_certificate_expires_on", LocalDate.class),
                rs.getString("last_certificate_source"),
                rs.getObject("star", Integer.class),
                rs.getString("certificate_number"),
                rs.getObject("certificate_expires_on", LocalDate.class),
                LocalDate.now(clock),
                false);
    }

    private static List<ProductDetails.Link> links(@Nullable Array platforms, @Nullable Array urls)
            throws SQLException {
        if (platforms == null || urls == null) {
            return List.of();
        }
        String[] p = (String[]) platforms.getArray();
        String[] u = (String[]) urls.getArray();
        List<ProductDetails.Link> links = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            links.add(new ProductDetails.Link(p[i], u[i]));
        }
        return links;
    }
}
