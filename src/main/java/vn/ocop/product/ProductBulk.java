package vn.ocop.product;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ocop.identity.AccessPolicy;
import vn.ocop.identity.Action;
import vn.ocop.identity.CurrentUser;
import vn.ocop.producer.ImportedProducer;
import vn.ocop.producer.ImportedProducer.Outcome;
import vn.ocop.product.ProductEvents.ProductRatingRecorded;
import vn.ocop.product.ProductEvents.ProductRegistered;
import vn.ocop.product.ProductEvents.ProductUpdated;
import vn.ocop.product.ProductEvents.ProductsImported;
import vn.ocop.shared.AuditableEvent;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.db.DatabaseErrors;

/**
 * Products in bulk, for spreadsheet imports: tens of thousands of rows in one transaction with JDBC batches, under
 * the rules of {@link ProductRegistry} (located where the producer is, one name per producer, search text, a certified
 * rating needs a certificate and gets an OCOP code). Unchanged products are neither written nor audited, so importing
 * the same file twice changes nothing the second time.
 */
@Service
@Transactional
public class ProductBulk {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ProductBulk.class);

    private static final int CHUNK = 5_000;

    private final OcopCodes ocopCodes;
    private final AccessPolicy policy;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;

    ProductBulk(
            OcopCodes ocopCodes,
            AccessPolicy policy,
            ApplicationEventPublisher events,
            JdbcClient jdbc,
            JdbcTemplate template,
            Clock clock) {
        this.ocopCodes = ocopCodes;
        this.policy = policy;
        this.events = events;
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
    }

    /**
     * Every product with its current rating, in id order, streamed without holding the list in memory: for another
     * module filling its read model once (reporting). No authorization: the caller is not a user.
     */
    @Transactional(readOnly = true)
    public void forEachProduct(java.util.function.Consumer<ProductFacts> sink) {
        template.query(
                connection -> {
                    var statement = connection.prepareStatement("""
                            SELECT id, producer_id, name, criteria_set_no, star, certificate_number,
                                   certificate_issued_on, certificate_expires_on, certificate_level, rating_source
                              FROM product ORDER BY id""");
                    statement.setFetchSize(1_000);
                    return statement;
                },
                (ResultSet rs) -> {
                    Integer star = rs.getObject("star", Integer.class);
                    String level = rs.getString("certificate_level");
                    sink.accept(new ProductFacts(
                            rs.getLong("id"),
                            rs.getLong("producer_id"),
                            rs.getString("name"),
                            rs.getInt("criteria_set_no"),
                            star == null
                                    ? null
                                    : new CurrentRating(
                                            star,
                                            rs.getString("certificate_number"),
                                            rs.getObject("certificate_issued_on", LocalDate.class),
                                            rs.getObject("certificate_expires_on", LocalDate.class),
                                            level == null ? null : CertificationLevel.valueOf(level),
                                            Objects.requireNonNullElse(rs.getString("rating_source"), "IMPORTED"))));
                });
    }

    /** The products holding these OCOP codes, with their producer's tax code; unknown codes are absent. */
    @Transactional(readOnly = true)
    public Map<String, ProductOwner> ownersOf(Collection<String> ocopCodes) {
        Map<String, ProductOwner> owners = new HashMap<>();
        List<String> codes = List.copyOf(ocopCodes);
        for (int from = 0; from < codes.size(); from += CHUNK) {
            jdbc.sql("""
                            SELECT p.ocop_code, p.id, p.name, p.producer_id, pr.tax_code
                              FROM product p JOIN producer pr ON pr.id = p.producer_id
                             WHERE p.ocop_code = ANY (?)""")
                    .param(codes.subList(from, Math.min(codes.size(), from + CHUNK))
                            .toArray(String[]::new))
                    .query((rs, n) -> new ProductOwner(
                            rs.getString(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5)))
                    .list()
                    .forEach(owner -> owners.put(owner.ocopCode(), owner));
        }
        return owners;
    }

    /**
     * Moves the products of relocated or renamed producers along (commune, province, search text), then registers
     * the new products and updates the changed ones. The actor must be allowed to edit each producer's commune
     * ({@code COMMON-004} otherwise). A product whose OCOP code or name now belongs to something else than when the
     * file was checked fails with {@code PRO-004}; the caller's transaction then writes nothing. Publishes one
     * {@link ProductsImported} with an audit event per registered, changed or rated product.
     *
     * @param producers every producer of the import, as {@code ProducerBulk.importAll} returned them
     * @return one result per product, in the same order
     */
    public List<ImportedProduct> importAll(
            List<ImportedProducer> producers, List<ImportProduct> products, CurrentUser actor) {
        Map<Long, ImportedProducer> producerById = new HashMap<>();
        producers.forEach(p -> producerById.put(p.id(), p));
        followProducers(
                producers.stream().filter(ImportedProducer::relocatedOrRenamed).toList());
        Instant now = Instant.now(clock);
        List<AuditableEvent> audit = new ArrayList<>();
        List<ImportedProduct> results = new ArrayList<>();
        for (int from = 0; from < products.size(); from += CHUNK) {
            results.addAll(importChunk(
                    products.subList(from, Math.min(products.size(), from + CHUNK)), producerById, actor, now, audit));
        }
        if (!audit.isEmpty()) {
            events.publishEvent(new ProductsImported(List.copyOf(audit)));
        }
        return results;
    }

    private List<ImportedProduct> importChunk(
            List<ImportProduct> chunk,
            Map<Long, ImportedProducer> producers,
            CurrentUser actor,
            Instant now,
            List<AuditableEvent> audit) {
        for (ImportProduct p : chunk) {
            ImportedProducer producer = producer(producers, p.producerId());
            policy.check(actor, Action.EDIT_RECORDS, producer.communeCode());
        }
        long t0 = System.nanoTime();
        Map<String, Existing> byCode = new HashMap<>();
        List<String> codes = chunk.stream()
                .map(ImportProduct::ocopCode)
                .filter(Objects::nonNull)
                .toList();
        if (!codes.isEmpty()) {
            jdbc.sql("SELECT * FROM product WHERE ocop_code = ANY (?)")
                    .param(codes.toArray(String[]::new))
                    .query(ProductBulk::existing)
                    .list()
                    .forEach(e -> byCode.put(e.ocopCode, e));
        }
        // A producer this import created has no products yet: only the others' products are looked up by name.
        List<ImportProduct> ofKnownProducers = chunk.stream()
                .filter(p -> producer(producers, p.producerId()).outcome() != Outcome.CREATED)
                .toList();
        Map<String, Existing> byName = new HashMap<>();
        if (!ofKnownProducers.isEmpty()) {
            jdbc.sql("""
                            SELECT p.* FROM unnest(?::bigint[], ?::text[]) AS x(producer_id, name)
                              JOIN product p ON p.producer_id = x.producer_id
                                            AND ocop_fold(p.name) = ocop_fold(x.name)""")
                    .params(
                            ofKnownProducers.stream()
                                    .map(ImportProduct::producerId)
                                    .toArray(Long[]::new),
                            ofKnownProducers.stream().map(ImportProduct::name).toArray(String[]::new))
                    .query(ProductBulk::existing)
                    .list()
                    .forEach(e -> byName.put(nameKey(e.producerId, e.name), e));
        }
        Map<Long, List<ProductDetails.Link>> links = links(
                byName.values().stream().map(e -> e.id).toList(),
                byCode.values().stream().map(e -> e.id).toList());

        long t1 = System.nanoTime();
        List<State> inserts = new ArrayList<>();
        List<State> updates = new ArrayList<>();
        List<State> linkChanges = new ArrayList<>();
        List<ImportedProduct> results = new ArrayList<>();
        Map<String, List<State>> needCode = new LinkedHashMap<>();
        for (ImportProduct p : chunk) {
            ImportedProducer producer = producer(producers, p.producerId());
            Existing old = p.ocopCode() == null ? null : byCode.get(p.ocopCode());
            if (old != null && old.producerId != p.producerId()) {
                throw new OcopException(ProductError.DUPLICATE_NAME, p.ocopCode());
            }
            if (old == null) {
                old = byName.get(nameKey(p.producerId(), p.name()));
                if (old != null && old.ocopCode != null && p.ocopCode() != null && !old.ocopCode.equals(p.ocopCode())) {
                    throw new OcopException(ProductError.DUPLICATE_NAME, p.name());
                }
            }
            State state = old == null
                    ? State.fresh(p, producer)
                    : State.merged(old, p, producer, links.getOrDefault(old.id, List.of()));
            if (state.rating != null && state.rating.certified()) {
                if (state.rating.certificateNumber() == null || state.rating.issuedOn() == null) {
                    throw new OcopException(ProductError.RATING_INCOMPLETE, state.rating.star());
                }
                if (state.ocopCode == null) {
                    needCode.computeIfAbsent(producer.communeCode(), c -> new ArrayList<>())
                            .add(state);
                }
            }
            if (old == null) {
                inserts.add(state);
            } else {
                state.id = old.id;
                updates.add(state);
                if (p.present().contains(ImportProduct.Field.LINKS)
                        && !state.links.equals(links.getOrDefault(old.id, List.of()))) {
                    linkChanges.add(state);
                }
            }
        }
        needCode.forEach((commune, states) -> {
            int first = ocopCodes.reserve(commune, states.size());
            for (int i = 0; i < states.size(); i++) {
                State s = states.get(i);
                LocalDate issued =
                        s.rating == null || s.rating.issuedOn() == null ? LocalDate.now(clock) : s.rating.issuedOn();
                s.ocopCode = OcopCodes.format(s.provinceCode, s.communeCode, first + i, issued.getYear());
            }
        });

        long t2 = System.nanoTime();
        long t3;
        long t4;
        try {
            List<Long> ids = newIds(inserts.size());
            for (int i = 0; i < inserts.size(); i++) {
                inserts.get(i).id = ids.get(i);
            }
            insert(inserts, now);
            t3 = System.nanoTime();
            insertLinks(inserts);
            t4 = System.nanoTime();
            List<Object[]> changed = new ArrayList<>();
            for (State s : updates) {
                Existing old = Objects.requireNonNull(s.old);
                String details = s.detailChanges(old);
                String rating = s.ratingChanges(old);
                boolean linksChanged = linkChanges.contains(s);
                if (details.isEmpty() && rating.isEmpty() && !linksChanged) {
                    continue;
                }
                changed.add(s.updateRow(now));
                String all = details + (linksChanged ? (details.isEmpty() ? "" : "; ") + "links" : "");
                if (!all.isEmpty()) {
                    audit.add(new ProductUpdated(s.id, s.communeCode, all, s.producerId, s.name, s.criteriaSetNo));
                }
                if (!rating.isEmpty() && s.rating != null) {
                    audit.add(new ProductRatingRecorded(s.id, s.communeCode, s.rating, rating));
                }
                s.outcome = Outcome.UPDATED;
            }
            if (!changed.isEmpty()) {
                template.batchUpdate("""
                        UPDATE product SET name = ?, criteria_set_no = ?, legacy_class = ?, description = ?, packaging = ?,
                               price_min = ?, price_max = ?, ocop_code = ?, star = ?, certificate_number = ?,
                               certificate_issued_on = ?, certificate_expires_on = ?, certificate_level = ?,
                               rating_source = ?, search_text = ?, updated_at = ?, version = version + 1
                         WHERE id = ?""", changed);
            }
            if (!linkChanges.isEmpty()) {
                template.batchUpdate(
                        "DELETE FROM product_link WHERE product_id = ?",
                        linkChanges.stream().map(s -> new Object[] {s.id}).toList());
                insertLinks(linkChanges);
            }
        } catch (DataIntegrityViolationException e) {
            // A unique index (OCOP code, or one name per producer) refused a row: the registry changed since the
            // file was checked, or a renamed product took another's name. The whole batch is refused (409). Any
            // other refusal is answered for what it is.
            if (DatabaseErrors.isUniqueViolation(e, "product_producer_name_ix")
                    || DatabaseErrors.isUniqueViolation(e, "product_ocop_code_unique")) {
                throw new OcopException(
                        ProductError.DUPLICATE_NAME, e.getMostSpecificCause().getMessage());
            }
            throw e;
        }
        for (State s : inserts) {
            s.outcome = Outcome.CREATED;
            audit.add(new ProductRegistered(
                    s.id,
                    s.producerId,
                    s.communeCode,
                    "name=" + s.name + ", set=" + s.criteriaSetNo + ", producer=" + s.producerId + ", import",
                    s.name,
                    s.criteriaSetNo));
            if (s.rating != null) {
                audit.add(new ProductRatingRecorded(
                        s.id, s.communeCode, s.rating, "star: null -> " + s.rating.star() + ", import"));
            }
        }
        for (State s : states(inserts, updates, chunk)) {
            results.add(new ImportedProduct(s.id, s.producerId, s.name, s.ocopCode, s.outcome));
        }
        log.debug(
                "{} products: lookup {} ms, compare {} ms, insert {} ms, links {} ms, updates {} ms",
                chunk.size(),
                (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000,
                (t3 - t2) / 1_000_000,
                (t4 - t3) / 1_000_000,
                (System.nanoTime() - t4) / 1_000_000);
        return results;
    }

    /** The states in the order of the chunk's inputs. */
    private static List<State> states(List<State> inserts, List<State> updates, List<ImportProduct> chunk) {
        Map<ImportProduct, State> byInput = new java.util.IdentityHashMap<>();
        inserts.forEach(s -> byInput.put(s.input, s));
        updates.forEach(s -> byInput.put(s.input, s));
        return chunk.stream().map(byInput::get).toList();
    }

    private void followProducers(List<ImportedProducer> moved) {
        if (moved.isEmpty()) {
            return;
        }
        Map<Long, ImportedProducer> byId = new HashMap<>();
        moved.forEach(p -> byId.put(p.id(), p));
        List<Object[]> rows = new ArrayList<>();
        jdbc.sql("SELECT id, producer_id, name, ocop_code FROM product WHERE producer_id = ANY (?)")
                .param(byId.keySet().toArray(Long[]::new))
                .query(rs -> {
                    ImportedProducer producer = byId.get(rs.getLong("producer_id"));
                    String ocop = rs.getString("ocop_code");
                    rows.add(new Object[] {
                        producer.communeCode(),
                        producer.provinceCode(),
                        searchText(rs.getString("name"), producer.name(), ocop),
                        rs.getLong("id")
                    });
                });
        template.batchUpdate(
                "UPDATE product SET commune_code = ?, province_code = ?, search_text = ?, version = version + 1"
                        + " WHERE id = ?",
                rows);
    }

    private Map<Long, List<ProductDetails.Link>> links(List<Long> ids, List<Long> moreIds) {
        Map<Long, List<ProductDetails.Link>> links = new HashMap<>();
        List<Long> all = new ArrayList<>(ids);
        all.addAll(moreIds);
        if (all.isEmpty()) {
            return links;
        }
        jdbc.sql("SELECT product_id, platform, url FROM product_link WHERE product_id = ANY (?) ORDER BY id")
                .param(all.toArray(Long[]::new))
                .query(rs -> {
                    links.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                            .add(new ProductDetails.Link(rs.getString(2), rs.getString(3)));
                });
        return links;
    }

    private List<Long> newIds(int count) {
        if (count == 0) {
            return List.of();
        }
        // The sequence of the id column's default, named as a constant: pg_get_serial_sequence per row cost about
        // ten times as much as nextval itself (docs/benchmarks.md).
        return jdbc.sql("SELECT nextval('product_id_seq'::regclass) FROM generate_series(1, ?)")
                .param(count)
                .query(Long.class)
                .list();
    }

    private void insert(List<State> rows, Instant now) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO product (id, producer_id, name, classification_version, criteria_set_no, legacy_class,
                                             description, packaging, price_min, price_max, ocop_code, star,
                                             certificate_number, certificate_issued_on, certificate_expires_on,
                                             certificate_level, rating_source, commune_code, province_code, search_text,
                                             created_at, updated_at)
                        SELECT u.id, u.producer_id, u.name, ?, u.set_no, u.legacy_class, u.description, u.packaging,
                               u.price_min::numeric, u.price_max::numeric, u.ocop_code, u.star, u.certificate_number,
                               u.issued_on::date, u.expires_on::date, u.level, u.rating_source, u.commune_code,
                               u.province_code, u.search_text, ?, ?
                          FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[],
                                      ?::text[], ?::text[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[],
                                      ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                            AS u(id, producer_id, name, set_no, legacy_class, description, packaging, price_min,
                                 price_max, ocop_code, star, certificate_number, issued_on, expires_on, level,
                                 rating_source, commune_code, province_code, search_text)""")
                .params(
                        Classification.CURRENT_VERSION,
                        Timestamp.from(now),
                        Timestamp.from(now),
                        rows.stream().map(s -> s.id).toArray(Long[]::new),
                        rows.stream().map(s -> s.producerId).toArray(Long[]::new),
                        text(rows, s -> s.name),
                        rows.stream().map(s -> s.criteriaSetNo).toArray(Integer[]::new),
                        text(rows, s -> s.legacyClass),
                        text(rows, s -> s.description),
                        text(rows, s -> s.packaging),
                        text(rows, s -> plain(s.priceMin)),
                        text(rows, s -> plain(s.priceMax)),
                        text(rows, s -> s.ocopCode),
                        rows.stream()
                                .map(s -> s.rating == null ? null : s.rating.star())
                                .toArray(Integer[]::new),
                        text(rows, s -> s.rating == null ? null : s.rating.certificateNumber()),
                        text(rows, s -> s.rating == null ? null : Objects.toString(s.rating.issuedOn(), null)),
                        text(rows, s -> s.rating == null ? null : Objects.toString(s.rating.expiresOn(), null)),
                        text(
                                rows,
                                s -> s.rating == null || s.rating.level() == null
                                        ? null
                                        : s.rating.level().name()),
                        text(rows, s -> s.rating == null ? null : s.rating.source()),
                        text(rows, s -> s.communeCode),
                        text(rows, s -> s.provinceCode),
                        text(rows, s -> searchText(s.name, s.producerName, s.ocopCode)))
                .update();
    }

    private void insertLinks(List<State> rows) {
        List<Long> ids = new ArrayList<>();
        List<String> platforms = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        for (State s : rows) {
            for (ProductDetails.Link link : s.links) {
                ids.add(s.id);
                platforms.add(link.platform());
                urls.add(link.url());
            }
        }
        if (!ids.isEmpty()) {
            jdbc.sql("""
                            INSERT INTO product_link (product_id, platform, url)
                            SELECT * FROM unnest(?::bigint[], ?::text[], ?::text[]) ORDER BY 1""")
                    .params(ids.toArray(Long[]::new), platforms.toArray(String[]::new), urls.toArray(String[]::new))
                    .update();
        }
    }

    private static ImportedProducer producer(Map<Long, ImportedProducer> producers, long id) {
        ImportedProducer producer = producers.get(id);
        if (producer == null) {
            throw new OcopException(ProductError.PRODUCER_NOT_FOUND, id);
        }
        return producer;
    }

    private static String[] text(List<State> rows, Function<State, @Nullable String> field) {
        return rows.stream().map(field).toArray(String[]::new);
    }

    private static @Nullable String plain(@Nullable BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    /** Same content as {@code Product.updateSearchText}: folded name, producer name and OCOP code. */
    static String searchText(String name, String producerName, @Nullable String ocopCode) {
        return SearchFolding.fold(name + " " + producerName + " " + (ocopCode == null ? "" : ocopCode));
    }

    private static String nameKey(long producerId, String name) {
        return producerId + "|" + SearchFolding.fold(name);
    }

    private static Existing existing(ResultSet rs, int n) throws SQLException {
        String level = rs.getString("certificate_level");
        Integer star = rs.getObject("star", Integer.class);
        return new Existing(
                rs.getLong("id"),
                rs.getLong("producer_id"),
                rs.getString("name"),
                rs.getInt("criteria_set_no"),
                rs.getString("legacy_class"),
                rs.getString("description"),
                rs.getString("packaging"),
                rs.getBigDecimal("price_min"),
                rs.getBigDecimal("price_max"),
                rs.getString("ocop_code"),
                star == null
                        ? null
                        : new CurrentRating(
                                star,
                                rs.getString("certificate_number"),
                                rs.getObject("certificate_issued_on", LocalDate.class),
                                rs.getObject("certificate_expires_on", LocalDate.class),
                                level == null ? null : CertificationLevel.valueOf(level),
                                Objects.requireNonNullElse(rs.getString("rating_source"), "IMPORTED")),
                rs.getString("commune_code"),
                rs.getString("province_code"));
    }

    /** A product as stored, with the fields an import compares. */
    private record Existing(
            long id,
            long producerId,
            String name,
            int criteriaSetNo,
            @Nullable String legacyClass,
            @Nullable String description,
            @Nullable String packaging,
            @Nullable BigDecimal priceMin,
            @Nullable BigDecimal priceMax,
            @Nullable String ocopCode,
            @Nullable CurrentRating rating,
            String communeCode,
            String provinceCode) {}

    /** The state a product will have after the import. */
    private static final class State {
        final ImportProduct input;
        final @Nullable Existing old;
        long id;
        final long producerId;
        final String producerName;
        final String name;
        final int criteriaSetNo;
        final @Nullable String legacyClass;
        final @Nullable String description;
        final @Nullable String packaging;
        final @Nullable BigDecimal priceMin;
        final @Nullable BigDecimal priceMax;

        @Nullable
        String ocopCode;

        final @Nullable CurrentRating rating;
        final String communeCode;
        final String provinceCode;
        final List<ProductDetails.Link> links;
        Outcome outcome = Outcome.UNCHANGED;

        private State(
                ImportProduct input,
                @Nullable Existing old,
                String producerName,
                @Nullable String legacyClass,
                @Nullable String description,
                @Nullable String packaging,
                @Nullable BigDecimal priceMin,
                @Nullable BigDecimal priceMax,
                @Nullable String ocopCode,
                @Nullable CurrentRating rating,
                String communeCode,
                String provinceCode,
                List<ProductDetails.Link> links) {
            this.input = input;
            this.old = old;
            this.producerId = input.producerId();
            this.producerName = producerName;
            this.name = input.name();
            this.criteriaSetNo = input.criteriaSetNo();
            this.legacyClass = legacyClass;
            this.description = description;
            this.packaging = packaging;
            this.priceMin = priceMin;
            this.priceMax = priceMax;
            this.ocopCode = ocopCode;
            this.rating = rating;
            this.communeCode = communeCode;
            this.provinceCode = provinceCode;
            this.links = links;
        }

        static State fresh(ImportProduct p, ImportedProducer producer) {
            return new State(
                    p,
                    null,
                    producer.name(),
                    p.legacyClass(),
                    p.description(),
                    p.packaging(),
                    p.priceMin(),
                    p.priceMax(),
                    p.ocopCode(),
                    p.rating(),
                    producer.communeCode(),
                    producer.provinceCode(),
                    p.links());
        }

        static State merged(
                Existing old, ImportProduct p, ImportedProducer producer, List<ProductDetails.Link> oldLinks) {
            var present = p.present();
            return new State(
                    p,
                    old,
                    producer.name(),
                    present.contains(ImportProduct.Field.LEGACY_CLASS) ? p.legacyClass() : old.legacyClass,
                    present.contains(ImportProduct.Field.DESCRIPTION) ? p.description() : old.description,
                    present.contains(ImportProduct.Field.PACKAGING) ? p.packaging() : old.packaging,
                    present.contains(ImportProduct.Field.PRICE_MIN) ? p.priceMin() : old.priceMin,
                    present.contains(ImportProduct.Field.PRICE_MAX) ? p.priceMax() : old.priceMax,
                    p.ocopCode() != null ? p.ocopCode() : old.ocopCode,
                    p.rating() != null ? p.rating() : old.rating,
                    old.communeCode,
                    old.provinceCode,
                    present.contains(ImportProduct.Field.LINKS) ? p.links() : oldLinks);
        }

        String detailChanges(Existing old) {
            Map<String, Object[]> fields = new LinkedHashMap<>();
            fields.put("name", new Object[] {old.name, name});
            fields.put("criteriaSetNo", new Object[] {old.criteriaSetNo, criteriaSetNo});
            fields.put("legacyClass", new Object[] {old.legacyClass, legacyClass});
            fields.put("description", new Object[] {chars(old.description), chars(description)});
            fields.put("packaging", new Object[] {old.packaging, packaging});
            fields.put("priceMin", new Object[] {plain(strip(old.priceMin)), plain(strip(priceMin))});
            fields.put("priceMax", new Object[] {plain(strip(old.priceMax)), plain(strip(priceMax))});
            fields.put("ocopCode", new Object[] {old.ocopCode, ocopCode});
            return diff(fields);
        }

        String ratingChanges(Existing old) {
            CurrentRating a = old.rating;
            CurrentRating b = rating;
            Map<String, Object[]> fields = new LinkedHashMap<>();
            fields.put("star", new Object[] {a == null ? null : a.star(), b == null ? null : b.star()});
            fields.put(
                    "certificateNumber",
                    new Object[] {a == null ? null : a.certificateNumber(), b == null ? null : b.certificateNumber()});
            fields.put(
                    "certificateIssuedOn",
                    new Object[] {a == null ? null : a.issuedOn(), b == null ? null : b.issuedOn()});
            fields.put(
                    "certificateExpiresOn",
                    new Object[] {a == null ? null : a.expiresOn(), b == null ? null : b.expiresOn()});
            fields.put("certificateLevel", new Object[] {a == null ? null : a.level(), b == null ? null : b.level()});
            return diff(fields);
        }

        Object[] updateRow(Instant now) {
            return new Object[] {
                name,
                criteriaSetNo,
                legacyClass,
                description,
                packaging,
                priceMin,
                priceMax,
                ocopCode,
                rating == null ? null : rating.star(),
                rating == null ? null : rating.certificateNumber(),
                rating == null ? null : rating.issuedOn(),
                rating == null ? null : rating.expiresOn(),
                rating == null || rating.level() == null ? null : rating.level().name(),
                rating == null ? null : rating.source(),
                searchText(name, producerName, ocopCode),
                Timestamp.from(now),
                id
            };
        }

        private static @Nullable BigDecimal strip(@Nullable BigDecimal value) {
            return value == null ? null : value.stripTrailingZeros();
        }

        private static @Nullable String chars(@Nullable String text) {
            return text == null ? null : "(" + text.length() + " chars, " + text.hashCode() + ")";
        }

        private static String diff(Map<String, Object[]> fields) {
            StringBuilder changes = new StringBuilder();
            fields.forEach((field, values) -> {
                if (!Objects.equals(values[0], values[1])) {
                    if (changes.length() > 0) {
                        changes.append("; ");
                    }
                    changes.append(field)
                            .append(": ")
                            .append(values[0])
                            .append(" -> ")
                            .append(values[1]);
                }
            });
            return changes.toString();
        }
    }
}
