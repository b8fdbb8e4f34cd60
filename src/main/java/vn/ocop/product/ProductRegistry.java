package vn.ocop.product;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ocop.identity.AccessPolicy;
import vn.ocop.identity.Action;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.DataScope;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.producer.ProducerView;
import vn.ocop.product.ProductEvents.ProductRatingRecorded;
import vn.ocop.product.ProductEvents.ProductRegistered;
import vn.ocop.product.ProductEvents.ProductUpdated;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.PageResult;

/**
 * Registering, changing, rating, finding and listing products. A product is located where its producer is, so the
 * producer's commune decides who may see (VIEW_RECORDS) and change (EDIT_RECORDS) it; a producer account acts on its
 * own products.
 */
@Service
@Transactional
public class ProductRegistry {

    private final ProductRepository products;
    private final ProducerRegistry producers;
    private final Classification classification;
    private final OcopCodes ocopCodes;
    private final AccessPolicy policy;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;

    ProductRegistry(
            ProductRepository products,
            ProducerRegistry producers,
            Classification classification,
            OcopCodes ocopCodes,
            AccessPolicy policy,
            ApplicationEventPublisher events,
            JdbcClient jdbc,
            Clock clock) {
        this.products = products;
        this.producers = producers;
        this.classification = classification;
        this.ocopCodes = ocopCodes;
        this.policy = policy;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public ProductView register(ProductDetails details, CurrentUser actor) {
        ProducerView producer = producer(details.producerId());
        checkEdit(actor, producer);
        validate(details);
        Product product = new Product(producer.id(), producer.communeCode(), producer.provinceCode(), now());
        product.apply(details, now());
        product.updateSearchText(producer.name());
        product = save(product);
        events.publishEvent(new ProductRegistered(
                product.id(),
                producer.id(),
                producer.communeCode(),
                "name=" + product.name() + ", set=" + product.criteriaSetNo() + ", producer=" + producer.id()));
        return view(product, producer);
    }

    /** Changes a product; a stale {@code expectedVersion} is 409, another jurisdiction's product 403. */
    public ProductView update(long id, ProductDetails details, long expectedVersion, CurrentUser actor) {
        Product product = find(id);
        ProducerView producer = producer(product.producerId());
        checkEdit(actor, producer);
        if (product.version() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(Product.class, id);
        }
        if (details.producerId() != product.producerId()) {
            // Products do not change hands: a new producer registers its own product.
            throw new OcopException(ProductError.PRODUCER_NOT_FOUND, details.producerId());
        }
        validate(details);
        String changes = product.apply(details, now());
        if (!changes.isEmpty()) {
            product.updateSearchText(producer.name());
            save(product);
            events.publishEvent(new ProductUpdated(id, product.communeCode(), changes));
        }
        return view(product, producer);
    }

    /**
     * Records a product's current rating, e.g. from an import of certificates issued before the platform. A 3★+
     * rating needs a certificate number and issue date; the expiry defaults to {@link CurrentRating#VALIDITY_MONTHS}
     * months after issue. The product gets its OCOP code on its first certified rating.
     */
    public ProductView recordRating(long id, CurrentRating rating, CurrentUser actor) {
        Product product = find(id);
        ProducerView producer = producer(product.producerId());
        if (!policy.permits(actor, Action.EDIT_RECORDS, producer.communeCode())) {
            throw OcopException.forbidden();
        }
        CurrentRating complete = complete(rating);
        String changes = product.rate(complete, now());
        if (complete.certified() && product.ocopCode() == null) {
            LocalDate issued = complete.issuedOn() == null ? LocalDate.now(clock) : complete.issuedOn();
            product.assignOcopCode(ocopCodes.next(product.provinceCode(), product.communeCode(), issued.getYear()));
            product.updateSearchText(producer.name());
        }
        if (!changes.isEmpty()) {
            save(product);
            events.publishEvent(new ProductRatingRecorded(id, product.communeCode(), complete.star(), changes));
        }
        return view(product, producer);
    }

    /** A product by id for other modules (e.g. to open a dossier); empty when unknown. No authorization. */
    @Transactional(readOnly = true)
    public java.util.Optional<ProductView> lookup(long id) {
        return products.findById(id).map(product -> view(product, producer(product.producerId())));
    }

    /**
     * Records the certificate the certification module issued as the product's current rating, assigning the OCOP
     * code on first certification; returns the product with its code. No authorization: the caller decided.
     */
    public ProductView recordCertification(
            long productId,
            int star,
            String certificateNumber,
            LocalDate issuedOn,
            LocalDate expiresOn,
            CertificationLevel level) {
        Product product = find(productId);
        ProducerView producer = producer(product.producerId());
        String changes =
                product.rate(new CurrentRating(star, certificateNumber, issuedOn, expiresOn, level, "PLATFORM"), now());
        if (product.ocopCode() == null) {
            product.assignOcopCode(ocopCodes.next(product.provinceCode(), product.communeCode(), issuedOn.getYear()));
        }
        product.updateSearchText(producer.name());
        save(product);
        events.publishEvent(new ProductRatingRecorded(productId, product.communeCode(), star, changes));
        return view(product, producer);
    }

    /**
     * Drops the current rating when its certificate was revoked or expired, so the product no longer shows a star;
     * does nothing when the product's current certificate is another one.
     */
    public void clearCertification(long productId, String certificateNumber, String reason) {
        Product product = find(productId);
        CurrentRating current = product.rating();
        if (current == null || !certificateNumber.equals(current.certificateNumber())) {
            return;
        }
        String changes = product.clearRating(now());
        save(product);
        events.publishEvent(new ProductUpdated(productId, product.communeCode(), reason + ": " + changes));
    }

    /** A product the actor may see; 404 when unknown, 403 when outside the actor's jurisdiction. */
    @Transactional(readOnly = true)
    public ProductView get(long id, CurrentUser actor) {
        Product product = find(id);
        ProducerView producer = producer(product.producerId());
        if (!policy.permits(actor, Action.VIEW_RECORDS, product.communeCode())
                && !policy.permitsOwnProducer(actor, product.producerId())) {
            throw OcopException.forbidden();
        }
        return view(product, producer);
    }

    /** Whether the actor may change this product (and its photos). */
    public boolean mayEdit(ProductView product, CurrentUser actor) {
        return policy.permits(actor, Action.EDIT_RECORDS, product.communeCode())
                || policy.permitsOwnProducer(actor, product.producerId());
    }

    /**
     * Products matching the query within what the actor may see, in Vietnamese alphabetical order.
     *
     * <p>With free text, the total is exact up to {@value #COUNT_CAP} and otherwise reported as a lower bound
     * ({@link PageResult#totalAtLeast()}), so a frequent word costs no more than a rare one; the page itself is always
     * exact. How the page is found is in docs/decisions/0012.
     */
    @Transactional(readOnly = true)
    public PageResult<ProductSummary> search(ProductQuery query, int page, int size, CurrentUser actor) {
        DataScope scope = policy.scopeFor(actor, Action.VIEW_RECORDS);
        if (scope.kind() == DataScope.Kind.NONE) {
            throw OcopException.forbidden();
        }
        ProductFilter filter = ProductFilter.of(query, scope, classification, jdbc);
        // How many rows a word selects varies a thousandfold: plan each search for its own words, never reuse a
        // generic plan of the prepared statement.
        // The word lists are joined in the order written (see from()): planning a many-word join in every order cost
        // more than running it. Both settings last until the end of this transaction; one round trip.
        jdbc.sql("SELECT set_config('plan_cache_mode', 'force_custom_plan', true),"
                        + " set_config('join_collapse_limit', '1', true)")
                .query((java.sql.ResultSet rs) -> {});
        long offset = (long) page * size;
        boolean capped = offset + size <= COUNT_CAP;
        long total = count(filter, capped);
        boolean atLeast = capped && total > COUNT_CAP;
        if (atLeast) {
            total = COUNT_CAP;
        }
        List<Long> ids = total == 0 || offset >= total && !atLeast ? List.of() : pageIds(filter, offset, size);
        return new PageResult<>(summaries(ids), page, size, total, atLeast);
    }

    /** Free-text counts stop here: beyond, the list says "more than 1,000". */
    static final int COUNT_CAP = 1000;

    /** The number of matches, at most {@value #COUNT_CAP} + 1 when capped. */
    private long count(ProductFilter filter, boolean capped) {
        String limit = capped ? " LIMIT " + (COUNT_CAP + 1) : "";
        List<String> words = filter.wholeWords();
        if (words.size() == 1 && filter.prefix() == null && filter.textOnly()) { // from the word index alone
            return jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM product_search_word WHERE word = ?" + limit + ") c")
                    .param(words.get(0))
                    .query(Long.class)
                    .single();
        }
        // Through the text index: intersecting its lists is cheaper than merging the word lists to the end.
        return jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM product p" + filter.where() + limit + ") c")
                .params(filter.params())
                .query(Long.class)
                .single();
    }

    /**
     * The ids of one page in Vietnamese order. With whole words in the free text: their {@code product_search_word}
     * rows, each word's already in name order, merged on (name, id) and read only as far as the page needs, however
     * many products have the words. Otherwise (only a word still being typed, or no text): the matches sorted, read
     * through the word index when there is text (never by walking the whole name index looking for matches).
     */
    private List<Long> pageIds(ProductFilter filter, long offset, int size) {
        String limit = " LIMIT " + size + " OFFSET " + offset;
        SqlWithParams from = from(filter);
        if (!filter.wholeWords().isEmpty()) {
            return jdbc.sql("SELECT p.id" + from.sql() + " ORDER BY a.name, a.product_id" + limit)
                    .params(from.params())
                    .query(Long.class)
                    .list();
        }
        String sql = filter.hasText()
                ? "WITH m AS MATERIALIZED (SELECT p.id, p.name" + from.sql() + ")"
                        + " SELECT id FROM m ORDER BY name COLLATE vietnamese, id" + limit
                : "SELECT p.id" + from.sql() + " ORDER BY p.name COLLATE vietnamese, p.id" + limit;
        return jdbc.sql(sql).params(from.params()).query(Long.class).list();
    }

    private record SqlWithParams(String sql, List<Object> params) {}

    /**
     * FROM and WHERE of a search. With whole words: the rows of the first in {@code product_search_word a}, joined on
     * the full key (word, name, product id) to the rows of the others, so that PostgreSQL can merge the ordered lists;
     * a word still being typed and the filters are checked on the product.
     */
    private static SqlWithParams from(ProductFilter filter) {
        // Last word first: names go from general to specific ("nuoc mam phu quoc"), the later words have fewer
        // products, and merging the rarer lists first leaves fewer rows to check against the others.
        List<String> words = new java.util.ArrayList<>(filter.wholeWords());
        java.util.Collections.reverse(words);
        if (words.isEmpty()) {
            return new SqlWithParams(" FROM product p" + filter.where(), filter.params());
        }
        StringBuilder sql = new StringBuilder(" FROM product_search_word a");
        List<Object> params = new java.util.ArrayList<>();
        for (int i = 1; i < words.size(); i++) {
            sql.append(" JOIN product_search_word w")
                    .append(i)
                    .append(" ON w")
                    .append(i)
                    .append(".word = ? AND w")
                    .append(i)
                    .append(".name = a.name AND w")
                    .append(i)
                    .append(".product_id = a.product_id");
            params.add(words.get(i));
        }
        sql.append(" JOIN product p ON p.id = a.product_id")
                .append(filter.filtersWhere())
                .append(" AND a.word = ?");
        params.addAll(filter.filtersParams());
        params.add(words.get(0));
        if (filter.prefix() != null) {
            sql.append(" AND p.search_words @@ to_tsquery('simple', ?)");
            params.add(filter.prefix());
        }
        return new SqlWithParams(sql.toString(), params);
    }

    private List<ProductSummary> summaries(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, ProductSummary> byId = new HashMap<>();
        jdbc.sql("""
                        SELECT p.id, p.name, p.producer_id, pr.name AS producer_name, pr.legal_type,
                               p.criteria_set_no, c.set_name, p.commune_code, cu.full_name AS commune_name,
                               p.province_code, pu.full_name AS province_name, p.star, p.certificate_number,
                               p.certificate_expires_on, p.ocop_code, p.status
                          FROM product p
                          JOIN producer pr ON pr.id = p.producer_id
                          JOIN product_classification c
                            ON c.version = p.classification_version AND c.set_no = p.criteria_set_no
                          JOIN admin_unit cu ON cu.edition = '2025' AND cu.code = p.commune_code
                          JOIN admin_unit pu ON pu.edition = '2025' AND pu.code = p.province_code
                         WHERE p.id = ANY (?)""")
                .param(ids.toArray(Long[]::new))
                .query(SUMMARY)
                .list()
                .forEach(summary -> byId.put(summary.id(), summary));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** Keeps products where their producer is when the producer moves (same transaction as the move). */
    void producerMoved(long producerId, String communeCode, String provinceCode, String producerName) {
        for (Product product : products.findByProducerId(producerId)) {
            product.relocate(communeCode, provinceCode);
            product.updateSearchText(producerName);
        }
    }

    private static final RowMapper<ProductSummary> SUMMARY = (rs, n) -> new ProductSummary(
            rs.getLong("id"),
            rs.getString("name"),
            rs.getLong("producer_id"),
            rs.getString("producer_name"),
            rs.getString("legal_type"),
            rs.getInt("criteria_set_no"),
            rs.getString("set_name"),
            rs.getString("commune_code"),
            rs.getString("commune_name"),
            rs.getString("province_code"),
            rs.getString("province_name"),
            (Integer) rs.getObject("star", Integer.class),
            rs.getString("certificate_number"),
            rs.getObject("certificate_expires_on", LocalDate.class),
            rs.getString("ocop_code"),
            ProductStatus.valueOf(rs.getString("status")));

    private CurrentRating complete(CurrentRating rating) {
        if (!rating.certified()) {
            return new CurrentRating(rating.star(), null, rating.issuedOn(), null, null, rating.source());
        }
        if (rating.certificateNumber() == null || rating.certificateNumber().isBlank() || rating.issuedOn() == null) {
            throw new OcopException(ProductError.RATING_INCOMPLETE, rating.star());
        }
        LocalDate expires = rating.expiresOn() != null
                ? rating.expiresOn()
                : rating.issuedOn().plusMonths(CurrentRating.VALIDITY_MONTHS);
        CertificationLevel level = rating.level() != null
                ? rating.level()
                : rating.star() == 5 ? CertificationLevel.CENTRAL : CertificationLevel.PROVINCE;
        return new CurrentRating(
                rating.star(), rating.certificateNumber().strip(), rating.issuedOn(), expires, level, rating.source());
    }

    private void validate(ProductDetails details) {
        if (classification.criteriaSet(details.criteriaSetNo()).isEmpty()) {
            throw new OcopException(ProductError.UNKNOWN_CRITERIA_SET, details.criteriaSetNo());
        }
        String legacy = blankToNull(details.legacyClass());
        if (legacy != null
                && classification.legacyClasses().stream()
                        .noneMatch(c -> c.code().equals(legacy))) {
            throw new OcopException(ProductError.UNKNOWN_LEGACY_CLASS, legacy);
        }
        if (details.priceMin() != null
                && details.priceMax() != null
                && details.priceMax().compareTo(details.priceMin()) < 0) {
            throw new OcopException(ProductError.PRICE_RANGE);
        }
    }

    private void checkEdit(CurrentUser actor, ProducerView producer) {
        if (!policy.permits(actor, Action.EDIT_RECORDS, producer.communeCode())
                && !policy.permitsOwnProducer(actor, producer.id())) {
            throw OcopException.forbidden();
        }
    }

    private ProducerView producer(long id) {
        return producers.lookup(id).orElseThrow(() -> new OcopException(ProductError.PRODUCER_NOT_FOUND, id));
    }

    private Product find(long id) {
        return products.findById(id).orElseThrow(() -> new OcopException(ProductError.PRODUCT_NOT_FOUND, id));
    }

    private Product save(Product product) {
        try {
            return products.saveAndFlush(product);
        } catch (DataIntegrityViolationException e) {
            // The unique (producer, folded name) index: the same product registered twice.
            throw new OcopException(ProductError.DUPLICATE_NAME, product.name());
        }
    }

    private ProductView view(Product product, ProducerView producer) {
        Classification.CriteriaSetInfo set = classification
                .criteriaSet(product.criteriaSetNo())
                .orElseThrow(() -> new OcopException(ProductError.UNKNOWN_CRITERIA_SET, product.criteriaSetNo()));
        return product.view(producer.name(), set);
    }

    private Instant now() {
        return Instant.now(clock);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
