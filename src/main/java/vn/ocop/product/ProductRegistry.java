package vn.ocop.product;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
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
import vn.ocop.shared.db.DatabaseErrors;

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
    private final ProductSearch search;
    private final Clock clock;

    private final CertificateRegister certificates;
    private final RatingExtension extension;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    ProductRegistry(
            ProductRepository products,
            ProducerRegistry producers,
            Classification classification,
            OcopCodes ocopCodes,
            AccessPolicy policy,
            ApplicationEventPublisher events,
            ProductSearch search,
            CertificateRegister certificates,
            RatingExtension extension,
            org.springframework.jdbc.core.simple.JdbcClient jdbc,
            Clock clock) {
        this.extension = extension;
        this.certificates = certificates;
        this.jdbc = jdbc;
        this.products = products;
        this.producers = producers;
        this.classification = classification;
        this.ocopCodes = ocopCodes;
        this.policy = policy;
        this.events = events;
        this.search = search;
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
                "name=" + product.name() + ", set=" + product.criteriaSetNo() + ", producer=" + producer.id(),
                product.name(),
                product.criteriaSetNo()));
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
            events.publishEvent(new ProductUpdated(
                    id, product.communeCode(), changes, product.producerId(), product.name(), product.criteriaSetNo()));
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
        RatingAuthority.refusal(actor, complete, product.provinceCode()).ifPresent(refusal -> {
            throw "ratingLevel".equals(refusal)
                    ? new OcopException(ProductError.RATING_LEVEL_MISMATCH, complete.star())
                    : new OcopException(ProductError.RATING_NOT_PERMITTED, complete.star());
        });
        if (complete.certificateNumber() != null && certificates.issuedByPlatform(complete.certificateNumber())) {
            throw new OcopException(ProductError.CERTIFICATE_NUMBER_TAKEN, complete.certificateNumber());
        }
        String changes = product.rate(complete, now());
        if (complete.certified() && product.ocopCode() == null) {
            LocalDate issued = complete.issuedOn() == null ? LocalDate.now(clock) : complete.issuedOn();
            product.assignOcopCode(ocopCodes.next(product.provinceCode(), product.communeCode(), issued.getYear()));
            product.updateSearchText(producer.name());
        }
        if (!changes.isEmpty()) {
            save(product);
            events.publishEvent(new ProductRatingRecorded(id, product.communeCode(), complete, changes));
        }
        return view(product, producer);
    }

    /**
     * Clears the imported ratings whose certificate expired before {@code today} (the platform's own certificates are
     * expired by certification): the product loses its star and keeps the certificate as its last one. Returns how many.
     */
    public int expireImportedRatings(LocalDate today) {
        List<Long> due = jdbc.sql("""
                        SELECT id FROM product
                         WHERE rating_source = 'IMPORTED' AND certificate_expires_on < ? AND star IS NOT NULL
                         ORDER BY id""").param(today).query(Long.class).list();
        for (Long id : due) {
            Product product = find(id);
            CurrentRating rating = product.rating();
            if (rating != null && rating.expiresOn() != null && extension.extendedOn(id, rating.expiresOn(), today)) {
                continue; // in force until its late re-evaluation is decided (Art. 12.3)
            }
            String changes = product.clearRating(now());
            save(product);
            events.publishEvent(new ProductUpdated(
                    id,
                    product.communeCode(),
                    "imported rating expired: " + changes,
                    product.producerId(),
                    product.name(),
                    product.criteriaSetNo()));
        }
        return due.size();
    }

    /** A product by id for other modules (e.g. to open a dossier); empty when unknown. No authorization. */
    @Transactional(readOnly = true)
    public java.util.Optional<ProductView> lookup(long id) {
        return products.findById(id).map(product -> view(product, producer(product.producerId())));
    }

    /** Products by id for other modules' lists (work queues, reports); unknown ids are left out. No authorization. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, ProductView> lookupAll(java.util.Collection<Long> ids) {
        java.util.Map<Long, ProducerView> producersById = new java.util.HashMap<>();
        java.util.Map<Long, ProductView> found = new java.util.LinkedHashMap<>();
        for (Product product : products.findAllById(new java.util.HashSet<>(ids))) {
            ProducerView producer = producersById.computeIfAbsent(product.producerId(), this::producer);
            ProductView view = view(product, producer);
            found.put(view.id(), view);
        }
        return found;
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
        CurrentRating rating = new CurrentRating(star, certificateNumber, issuedOn, expiresOn, level, "PLATFORM");
        String changes = product.rate(rating, now());
        if (product.ocopCode() == null) {
            product.assignOcopCode(ocopCodes.next(product.provinceCode(), product.communeCode(), issuedOn.getYear()));
        }
        product.updateSearchText(producer.name());
        save(product);
        events.publishEvent(new ProductRatingRecorded(productId, product.communeCode(), rating, changes));
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
        events.publishEvent(new ProductUpdated(
                productId,
                product.communeCode(),
                reason + ": " + changes,
                product.producerId(),
                product.name(),
                product.criteriaSetNo()));
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
     * <p>With free text, the total is exact up to {@value ProductSearch#COUNT_CAP} and otherwise reported as a lower bound
     * ({@link PageResult#totalAtLeast()}), so a frequent word costs no more than a rare one; the page itself is always
     * exact. How the page is found is in docs/decisions/0012.
     */
    @Transactional(readOnly = true)
    public PageResult<ProductSummary> search(ProductQuery query, int page, int size, CurrentUser actor) {
        DataScope scope = policy.scopeFor(actor, Action.VIEW_RECORDS);
        if (scope.kind() == DataScope.Kind.NONE) {
            throw OcopException.forbidden();
        }
        return search.page(query, scope, page, size);
    }

    /** Keeps products where their producer is when the producer moves (same transaction as the move). */
    void producerMoved(long producerId, String communeCode, String provinceCode, String producerName) {
        for (Product product : products.findByProducerId(producerId)) {
            product.relocate(communeCode, provinceCode);
            product.updateSearchText(producerName);
        }
    }

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
            // The unique (producer, folded name) index: the same product registered twice. Any other refusal is
            // answered for what it is.
            if (DatabaseErrors.isUniqueViolation(e, "product_producer_name_ix")) {
                throw new OcopException(ProductError.DUPLICATE_NAME, product.name());
            }
            throw e;
        }
    }

    private ProductView view(Product product, ProducerView producer) {
        Classification.CriteriaSetInfo set = classification
                .criteriaSet(product.criteriaSetNo())
                .orElseThrow(() -> new OcopException(ProductError.UNKNOWN_CRITERIA_SET, product.criteriaSetNo()));
        LocalDate today = LocalDate.now(clock);
        CurrentRating rating = product.rating();
        // An expired rating is not shown as in force, unless its late re-evaluation extends it (Art. 12.3).
        boolean extended = rating != null
                && rating.expiresOn() != null
                && rating.expiresOn().isBefore(today)
                && extension.extendedOn(product.id(), rating.expiresOn(), today);
        return product.view(producer.name(), set, today, extended);
    }

    private Instant now() {
        return Instant.now(clock);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
