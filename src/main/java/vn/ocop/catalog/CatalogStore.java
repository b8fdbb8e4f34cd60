package vn.ocop.catalog;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import vn.ocop.producer.ProducerView;
import vn.ocop.product.CurrentRating;
import vn.ocop.product.ProductView;
import vn.ocop.product.SearchFolding;

/**
 * Writes the catalog's tables. Every write starts by bumping {@code catalog_state.version} under its row lock, so
 * writers of the read model take turns: each reads the other modules' current state after it holds the lock and
 * writes it whole, and a writer that read older state can never overwrite a newer one (docs/decisions/0021).
 */
@Component
class CatalogStore {

    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    CatalogStore(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Takes the catalog's write lock for the current transaction and bumps the version; returns the new version. */
    @Transactional(propagation = Propagation.MANDATORY)
    long lockAndBump() {
        return jdbc.sql("UPDATE catalog_state SET version = version + 1, changed_at = ? WHERE id = 1 RETURNING version")
                .param(Timestamp.from(Instant.now(clock)))
                .query(Long.class)
                .single();
    }

    /** Whether the one-time fill from the other modules was done; locks the state row until the transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean filledForUpdate() {
        return jdbc.sql("SELECT filled_at IS NOT NULL FROM catalog_state WHERE id = 1 FOR UPDATE")
                .query(Boolean.class)
                .single();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void markFilled() {
        jdbc.sql("UPDATE catalog_state SET filled_at = ? WHERE id = 1")
                .param(Timestamp.from(Instant.now(clock)))
                .update();
    }

    /** Which of these products have a catalog row (listed or not). */
    @Transactional(propagation = Propagation.MANDATORY)
    List<Long> known(Collection<Long> productIds) {
        if (productIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT product_id FROM catalog_product WHERE product_id = ANY (?)")
                .param(productIds.toArray(Long[]::new))
                .query(Long.class)
                .list();
    }

    /** The producers with catalog rows among these. */
    @Transactional(propagation = Propagation.MANDATORY)
    List<Long> producersOfKnownProducts(Collection<Long> producerIds) {
        if (producerIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT DISTINCT producer_id FROM catalog_product WHERE producer_id = ANY (?)")
                .param(producerIds.toArray(Long[]::new))
                .query(Long.class)
                .list();
    }

    /**
     * Writes the products' rows as they are now: certified ones with their rating, the others with none (so that a
     * withdrawn product leaves the list but keeps its page). {@code producers} must hold each product's producer.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void upsertProducts(List<ProductView> products, Map<Long, ProducerView> producers) {
        Instant now = Instant.now(clock);
        for (int from = 0; from < products.size(); from += CHUNK) {
            List<ProductView> chunk = products.subList(from, Math.min(products.size(), from + CHUNK));
            List<ProductView> rows = chunk.stream()
                    .filter(p -> producers.containsKey(p.producerId()))
                    .toList();
            if (rows.isEmpty()) {
                continue;
            }
            Function<ProductView, @Nullable CurrentRating> certified = p -> certifiedRating(p.rating());
            jdbc.sql("""
                            INSERT INTO catalog_product (product_id, producer_id, name, producer_name, producer_type,
                                    classification_version, criteria_set_no, commune_code, province_code, status, star,
                                    certificate_number, certificate_level, certified_on, expires_on, rating_source,
                                    ocop_code, description, ingredients, raw_material_area, standards, packaging,
                                    price_min, price_max, shelf_life, links, search_name, search_producer, search_code,
                                    listed_since, updated_at)
                            SELECT u.id, u.producer_id, u.name, u.producer_name, u.producer_type, u.version, u.set_no,
                                   u.commune, u.province, u.status, u.star, u.number, u.level, u.issued::date, u.expires::date,
                                   u.source, u.code, u.description, u.ingredients, u.area, u.standards, u.packaging,
                                   u.price_min::numeric, u.price_max::numeric, u.shelf_life, u.links::jsonb, u.search_name,
                                   u.search_producer, u.search_code, CASE WHEN u.star IS NULL THEN NULL ELSE ?::timestamptz END, ?
                              FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[],
                                          ?::text[], ?::text[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[],
                                          ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                          ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                          ?::text[], ?::text[])
                                AS u (id, producer_id, name, producer_name, producer_type, version, set_no, commune,
                                      province, status, star, number, level, issued, expires, source, code, description,
                                      ingredients, area, standards, packaging, price_min, price_max, shelf_life, links,
                                      search_name, search_producer, search_code)
                            ON CONFLICT (product_id) DO UPDATE SET
                                producer_id = excluded.producer_id, name = excluded.name,
                                producer_name = excluded.producer_name, producer_type = excluded.producer_type,
                                classification_version = excluded.classification_version,
                                criteria_set_no = excluded.criteria_set_no, commune_code = excluded.commune_code,
                                province_code = excluded.province_code, status = excluded.status, star = excluded.star,
                                certificate_number = excluded.certificate_number,
                                certificate_level = excluded.certificate_level, certified_on = excluded.certified_on,
                                expires_on = excluded.expires_on, rating_source = excluded.rating_source,
                                ocop_code = excluded.ocop_code, description = excluded.description,
                                ingredients = excluded.ingredients, raw_material_area = excluded.raw_material_area,
                                standards = excluded.standards, packaging = excluded.packaging,
                                price_min = excluded.price_min, price_max = excluded.price_max,
                                shelf_life = excluded.shelf_life, links = excluded.links,
                                search_name = excluded.search_name, search_producer = excluded.search_producer,
                                search_code = excluded.search_code,
                                listed_since = CASE WHEN excluded.star IS NULL THEN NULL
                                                    ELSE coalesce(catalog_product.listed_since, excluded.listed_since) END,
                                updated_at = excluded.updated_at""")
                    .params(
                            Timestamp.from(now),
                            Timestamp.from(now),
                            rows.stream().map(ProductView::id).toArray(Long[]::new),
                            rows.stream().map(ProductView::producerId).toArray(Long[]::new),
                            rows.stream().map(ProductView::name).toArray(String[]::new),
                            rows.stream()
                                    .map(p -> producers.get(p.producerId()).name())
                                    .toArray(String[]::new),
                            rows.stream()
                                    .map(p -> producers
                                            .get(p.producerId())
                                            .legalType()
                                            .name())
                                    .toArray(String[]::new),
                            rows.stream()
                                    .map(ProductView::classificationVersion)
                                    .toArray(String[]::new),
                            rows.stream().map(ProductView::criteriaSetNo).toArray(Integer[]::new),
                            rows.stream()
                                    .map(p -> producers.get(p.producerId()).communeCode())
                                    .toArray(String[]::new),
                            rows.stream()
                                    .map(p -> producers.get(p.producerId()).provinceCode())
                                    .toArray(String[]::new),
                            rows.stream().map(p -> p.status().name()).toArray(String[]::new),
                            rows.stream()
                                    .map(p -> certified.apply(p) == null
                                            ? null
                                            : certified.apply(p).star())
                                    .toArray(Integer[]::new),
                            rows.stream()
                                    .map(p -> certified.apply(p) == null
                                            ? null
                                            : certified.apply(p).certificateNumber())
                                    .toArray(String[]::new),
                            rows.stream()
                                    .map(p -> certified.apply(p) == null
                                                    || certified.apply(p).level() == null
                                            ? null
                                            : certified.apply(p).level().name())
                                    .toArray(String[]::new),
                            rows.stream()
                                    .map(p -> certified.apply(p) == null
                                            ? null
                                            : certified.apply(p).issuedOn().toString())
                                    .toArray(String[]::new),
                            rows.stream()
                                    .map(p -> certified.apply(p) == null
                                            ? null
                                            : certified.apply(p).expiresOn().toString())
                                    .toArray(String[]::new),
                            rows.stream()
                                    .map(p -> certified.apply(p) == null
                                            ? null
                                            : certified.apply(p).source())
                                    .toArray(String[]::new),
                            rows.stream().map(ProductView::ocopCode).toArray(String[]::new),
                            rows.stream().map(ProductView::description).toArray(String[]::new),
                            rows.stream().map(ProductView::ingredients).toArray(String[]::new),
                            rows.stream().map(ProductView::rawMaterialArea).toArray(String[]::new),
                            rows.stream().map(ProductView::standards).toArray(String[]::new),
                            rows.stream().map(ProductView::packaging).toArray(String[]::new),
                            rows.stream().map(p -> plain(p.priceMin())).toArray(String[]::new),
                            rows.stream().map(p -> plain(p.priceMax())).toArray(String[]::new),
                            rows.stream().map(ProductView::shelfLife).toArray(String[]::new),
                            rows.stream()
                                    .map(p -> json.writeValueAsString(p.links()))
                                    .toArray(String[]::new),
                            rows.stream().map(p -> SearchFolding.fold(p.name())).toArray(String[]::new),
                            rows.stream()
                                    .map(p -> SearchFolding.fold(
                                            producers.get(p.producerId()).name()))
                                    .toArray(String[]::new),
                            rows.stream()
                                    .map(p -> p.ocopCode() == null ? "" : SearchFolding.fold(p.ocopCode()))
                                    .toArray(String[]::new))
                    .update();
        }
        upsertProducers(products.stream()
                .map(ProductView::producerId)
                .distinct()
                .map(producers::get)
                .filter(java.util.Objects::nonNull)
                .toList());
    }

    /**
     * Writes producers as they are now, for those with catalog products, and carries their name, type and place to
     * their products' rows (products are located where their producer is).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void upsertProducers(List<ProducerView> producers) {
        if (producers.isEmpty()) {
            return;
        }
        Instant now = Instant.now(clock);
        jdbc.sql("""
                        INSERT INTO catalog_producer (producer_id, name, legal_type, commune_code, province_code, website,
                                                      phone, email, updated_at)
                        SELECT u.* , ?::timestamptz FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[],
                                                               ?::text[], ?::text[], ?::text[])
                            AS u (id, name, legal_type, commune, province, website, phone, email)
                         WHERE EXISTS (SELECT 1 FROM catalog_product c WHERE c.producer_id = u.id)
                        ON CONFLICT (producer_id) DO UPDATE SET
                            name = excluded.name, legal_type = excluded.legal_type, commune_code = excluded.commune_code,
                            province_code = excluded.province_code, website = excluded.website, phone = excluded.phone,
                            email = excluded.email, updated_at = excluded.updated_at""")
                .params(
                        Timestamp.from(now),
                        producers.stream().map(ProducerView::id).toArray(Long[]::new),
                        producers.stream().map(ProducerView::name).toArray(String[]::new),
                        producers.stream().map(p -> p.legalType().name()).toArray(String[]::new),
                        producers.stream().map(ProducerView::communeCode).toArray(String[]::new),
                        producers.stream().map(ProducerView::provinceCode).toArray(String[]::new),
                        producers.stream().map(ProducerView::website).toArray(String[]::new),
                        // Published only by the producer's own choice (never otherwise).
                        producers.stream()
                                .map(p -> p.publishPhone() ? p.phone() : null)
                                .toArray(String[]::new),
                        producers.stream()
                                .map(p -> p.publishEmail() ? p.email() : null)
                                .toArray(String[]::new))
                .update();
        jdbc.sql("""
                        UPDATE catalog_product c
                           SET producer_name = u.name, producer_type = u.legal_type, commune_code = u.commune,
                               province_code = u.province, search_producer = u.search, updated_at = ?
                          FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                            AS u (id, name, legal_type, commune, province, search)
                         WHERE c.producer_id = u.id
                           AND (c.producer_name, c.producer_type, c.commune_code, c.province_code)
                               IS DISTINCT FROM (u.name, u.legal_type, u.commune, u.province)""")
                .params(
                        Timestamp.from(now),
                        producers.stream().map(ProducerView::id).toArray(Long[]::new),
                        producers.stream().map(ProducerView::name).toArray(String[]::new),
                        producers.stream().map(p -> p.legalType().name()).toArray(String[]::new),
                        producers.stream().map(ProducerView::communeCode).toArray(String[]::new),
                        producers.stream().map(ProducerView::provinceCode).toArray(String[]::new),
                        producers.stream()
                                .map(p -> SearchFolding.fold(p.name()))
                                .toArray(String[]::new))
                .update();
    }

    private static @Nullable String plain(@Nullable BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    /**
     * The rating a product shows publicly: 3★ or more with a certificate number, issue and expiry dates; null
     * otherwise (rated below 3★, or a rating without its certificate).
     */
    static @Nullable CurrentRating certifiedRating(@Nullable CurrentRating rating) {
        if (rating == null
                || !rating.certified()
                || rating.certificateNumber() == null
                || rating.issuedOn() == null
                || rating.expiresOn() == null) {
            return null;
        }
        return rating;
    }
}
