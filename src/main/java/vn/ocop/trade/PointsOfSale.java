package vn.ocop.trade;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ocop.catalog.Catalog;
import vn.ocop.catalog.CatalogProduct;
import vn.ocop.geography.AdminEdition;
import vn.ocop.geography.AdminUnit;
import vn.ocop.geography.AdminUnits;
import vn.ocop.geography.GeographyError;
import vn.ocop.identity.AccessPolicy;
import vn.ocop.identity.Action;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.DataScope;
import vn.ocop.identity.Role;
import vn.ocop.shared.ChangeSummary;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.PageResult;
import vn.ocop.shared.SearchText;
import vn.ocop.shared.db.SqlPage;
import vn.ocop.trade.TradeEvents.PointOfSaleSaved;
import vn.ocop.trade.TradeEvents.StockChanged;

/**
 * OCOP display and sales points and the products they stock. Officers create and keep the OCOP points of their
 * jurisdiction (edit rights on the point's commune); a producer declares its own shops and, at any open point, which
 * of its listed products are sold there. Only open points and listed products are public. Every change is audited and
 * moves the catalog's version (public pages revalidate).
 */
@Service
@Transactional
public class PointsOfSale {

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final AdminUnits units;
    private final AccessPolicy policy;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PointsOfSale(
            JdbcClient jdbc,
            Catalog catalog,
            AdminUnits units,
            AccessPolicy policy,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.units = units;
        this.policy = policy;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates a point: an officer's OCOP point in a commune it may edit, or a producer account's own shop (anywhere).
     * Council members may not ({@code COMMON-004}).
     */
    public PointOfSale create(PointOfSaleDetails details, CurrentUser actor) {
        AdminUnit commune = commune(details.communeCode());
        String kind;
        Long owner = null;
        if (actor.role() == Role.PRODUCER) {
            kind = "SHOP";
            owner = Objects.requireNonNull(actor.producerId(), "producer account without producer");
        } else {
            officer(actor);
            policy.check(actor, Action.EDIT_RECORDS, commune.code());
            kind = "OCOP_POINT";
        }
        Instant now = Instant.now(clock);
        long id = jdbc.sql("""
                        INSERT INTO point_of_sale (kind, owner_producer_id, name, address, commune_code, province_code,
                                                   opening_hours, phone, email, website, description, status,
                                                   created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(
                        kind,
                        owner,
                        details.name().strip(),
                        details.address().strip(),
                        commune.code(),
                        commune.provinceCode(),
                        blank(details.openingHours()),
                        blank(details.phone()),
                        blank(details.email()),
                        blank(details.website()),
                        blank(details.description()),
                        details.open() ? "OPEN" : "CLOSED",
                        Timestamp.from(now),
                        Timestamp.from(now))
                .query(Long.class)
                .single();
        events.publishEvent(
                new PointOfSaleSaved(id, kind + " created: " + details.name().strip(), commune.code()));
        catalog.contentChanged();
        return find(id);
    }

    /** Changes a point its managers keep; a stale {@code expectedVersion} is 409. */
    public PointOfSale update(long id, PointOfSaleDetails details, long expectedVersion, CurrentUser actor) {
        PointOfSale point = find(id);
        checkManage(point, actor);
        AdminUnit commune = commune(details.communeCode());
        if (!commune.code().equals(point.communeCode()) && !"SHOP".equals(point.kind())) {
            policy.check(actor, Action.EDIT_RECORDS, commune.code());
        }
        if (point.version() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException("point_of_sale", id);
        }
        Map<String, Object> before = snapshot(point);
        jdbc.sql("""
                        UPDATE point_of_sale SET name = ?, address = ?, commune_code = ?, province_code = ?,
                               opening_hours = ?, phone = ?, email = ?, website = ?, description = ?, status = ?,
                               updated_at = ?, version = version + 1
                         WHERE id = ? AND version = ?""")
                .params(
                        details.name().strip(),
                        details.address().strip(),
                        commune.code(),
                        commune.provinceCode(),
                        blank(details.openingHours()),
                        blank(details.phone()),
                        blank(details.email()),
                        blank(details.website()),
                        blank(details.description()),
                        details.open() ? "OPEN" : "CLOSED",
                        Timestamp.from(Instant.now(clock)),
                        id,
                        expectedVersion)
                .update();
        PointOfSale after = find(id);
        String changes = ChangeSummary.of(before, snapshot(after));
        if (!changes.isEmpty()) {
            events.publishEvent(new PointOfSaleSaved(id, changes, commune.code()));
            catalog.contentChanged();
        }
        return after;
    }

    /**
     * Adds a listed product to a point's stock: by the point's managers (any listed product), or by the product's
     * producer at any open point. {@code TRD-003} when the product is not in the catalog.
     */
    public PointOfSale addProduct(long pointId, long productId, CurrentUser actor) {
        PointOfSale point = find(pointId);
        CatalogProduct product = catalog.product(productId)
                .orElseThrow(() -> new OcopException(TradeError.PRODUCT_NOT_LISTED, productId));
        boolean own = policy.permitsOwnProducer(actor, product.producerId());
        if (!own || !point.open()) {
            checkManage(point, actor);
        }
        int added = jdbc.sql("""
                        INSERT INTO point_of_sale_product (point_id, product_id, producer_id, declared_by, declared_at)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(pointId, productId, product.producerId(), actor.username(), Timestamp.from(Instant.now(clock)))
                .update();
        if (added == 1) {
            events.publishEvent(
                    new StockChanged(pointId, "+product " + productId + " " + product.name(), point.communeCode()));
            catalog.contentChanged();
        }
        return find(pointId);
    }

    /**
     * Removes a product from a point's stock: its managers, or the product's producer. Authority is checked first;
     * then a product not stocked there is a no-op, one that was never in the catalog {@code TRD-003}.
     */
    public PointOfSale removeProduct(long pointId, long productId, CurrentUser actor) {
        PointOfSale point = find(pointId);
        Long stocked = jdbc.sql("SELECT producer_id FROM point_of_sale_product WHERE point_id = ? AND product_id = ?")
                .params(pointId, productId)
                .query(Long.class)
                .optional()
                .orElse(null);
        Long producer = stocked != null
                ? stocked
                : catalog.entry(productId).map(e -> e.producer().id()).orElse(null);
        if (producer == null || !policy.permitsOwnProducer(actor, producer)) {
            checkManage(point, actor);
        }
        if (producer == null) {
            throw new OcopException(TradeError.PRODUCT_NOT_LISTED, productId);
        }
        if (stocked == null) {
            return point;
        }
        jdbc.sql("DELETE FROM point_of_sale_product WHERE point_id = ? AND product_id = ?")
                .params(pointId, productId)
                .update();
        events.publishEvent(new StockChanged(pointId, "-product " + productId, point.communeCode()));
        catalog.contentChanged();
        return find(pointId);
    }

    /** An open point, as the public sees it; {@code TRD-001} (404) for unknown or closed points. */
    @Transactional(readOnly = true)
    public PointOfSale publicPoint(long id) {
        PointOfSale point = find(id);
        if (!point.open()) {
            throw new OcopException(TradeError.POINT_NOT_FOUND, id);
        }
        return point;
    }

    /** A point for those who keep it (its officers, or the producer owning the shop); 403 for others. */
    @Transactional(readOnly = true)
    public PointOfSale get(long id, CurrentUser actor) {
        PointOfSale point = find(id);
        checkManage(point, actor);
        return point;
    }

    /** Whether the actor keeps this point (edits it and its stock). */
    public boolean mayManage(PointOfSale point, CurrentUser actor) {
        if ("SHOP".equals(point.kind())
                && point.ownerProducerId() != null
                && policy.permitsOwnProducer(actor, point.ownerProducerId())) {
            return true;
        }
        return actor.role() != Role.PRODUCER
                && actor.role() != Role.COUNCIL_MEMBER
                && policy.permits(actor, Action.EDIT_RECORDS, point.communeCode());
    }

    /** Open points, by province then name; {@code text} matches name or address without accents. */
    @Transactional(readOnly = true)
    public PageResult<PointOfSale> search(@Nullable String provinceCode, @Nullable String text, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE status = 'OPEN'");
        List<Object> params = new ArrayList<>();
        if (provinceCode != null && !provinceCode.isBlank()) {
            where.append(" AND province_code = ?");
            params.add(provinceCode.strip());
        }
        for (String word : SearchText.words(text)) {
            where.append(" AND ocop_fold(name || ' ' || address) LIKE '%' || ocop_fold(?) || '%'");
            params.add(word);
        }
        return page(where.toString(), params, page, size);
    }

    /** The points the actor keeps: its jurisdiction's OCOP points (officers) or its own shops (producers). */
    @Transactional(readOnly = true)
    public PageResult<PointOfSale> managed(CurrentUser actor, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> params = new ArrayList<>();
        if (actor.role() == Role.PRODUCER) {
            where.append(" AND owner_producer_id = ?");
            params.add(actor.producerId());
        } else {
            DataScope scope = policy.scopeFor(actor, Action.VIEW_RECORDS);
            if (scope.kind() == DataScope.Kind.NONE) {
                throw OcopException.forbidden();
            }
            if (scope.provinceCode() != null) {
                where.append(" AND province_code = ?");
                params.add(scope.provinceCode());
            }
            if (scope.communeCode() != null) {
                where.append(" AND commune_code = ?");
                params.add(scope.communeCode());
            }
        }
        return page(where.toString(), params, page, size);
    }

    /** Open points stocking a product (for its public page). */
    @Transactional(readOnly = true)
    public List<PointOfSale> stocking(long productId) {
        List<Long> ids = jdbc.sql("""
                        SELECT p.id FROM point_of_sale p JOIN point_of_sale_product s ON s.point_id = p.id
                         WHERE s.product_id = ? AND p.status = 'OPEN' ORDER BY p.province_code, p.name""").param(productId).query(Long.class).list();
        return load(ids, false);
    }

    /** Open points' ids, for the sitemap. */
    @Transactional(readOnly = true)
    public List<Long> openIds() {
        return jdbc.sql("SELECT id FROM point_of_sale WHERE status = 'OPEN' ORDER BY id")
                .query(Long.class)
                .list();
    }

    private PageResult<PointOfSale> page(String where, List<Object> params, int page, int size) {
        PageResult<Long> ids = SqlPage.of(
                jdbc,
                "id",
                "point_of_sale",
                where,
                params,
                "province_code, name COLLATE vietnamese, id",
                page,
                size,
                (rs, n) -> rs.getLong(1));
        return new PageResult<>(load(ids.items(), true), page, size, ids.total());
    }

    private void checkManage(PointOfSale point, CurrentUser actor) {
        if (!mayManage(point, actor)) {
            throw OcopException.forbidden();
        }
    }

    private static void officer(CurrentUser actor) {
        if (actor.role() == Role.COUNCIL_MEMBER || actor.role() == Role.PRODUCER) {
            throw OcopException.forbidden();
        }
    }

    private AdminUnit commune(String code) {
        AdminUnit unit = units.find(AdminEdition.CURRENT, code.strip())
                .orElseThrow(() -> new OcopException(GeographyError.UNIT_NOT_FOUND, code, AdminEdition.CURRENT));
        if (unit.isProvince()) {
            throw new OcopException(GeographyError.UNIT_NOT_FOUND, code, AdminEdition.CURRENT);
        }
        return unit;
    }

    private PointOfSale find(long id) {
        List<PointOfSale> found = load(List.of(id), true);
        if (found.isEmpty()) {
            throw new OcopException(TradeError.POINT_NOT_FOUND, id);
        }
        return found.get(0);
    }

    /** Points by id in the order given, with their listed products when asked. */
    private List<PointOfSale> load(List<Long> ids, boolean withProducts) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, AdminUnit> names = units.byCode(AdminEdition.CURRENT);
        Map<Long, List<Long>> stock = new HashMap<>();
        if (withProducts) {
            jdbc.sql(
                            "SELECT point_id, product_id FROM point_of_sale_product WHERE point_id = ANY (?) ORDER BY declared_at")
                    .param(ids.toArray(Long[]::new))
                    .query((rs, n) -> stock.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(rs.getLong(2)))
                    .list();
        }
        Map<Long, PointOfSale> byId = new HashMap<>();
        jdbc.sql("SELECT * FROM point_of_sale WHERE id = ANY (?)")
                .param(ids.toArray(Long[]::new))
                .query((rs, n) -> byId.put(rs.getLong("id"), map(rs, names, stock)))
                .list();
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    private PointOfSale map(ResultSet rs, Map<String, AdminUnit> names, Map<Long, List<Long>> stock)
            throws SQLException {
        String commune = rs.getString("commune_code");
        String province = rs.getString("province_code");
        List<Long> productIds = stock.getOrDefault(rs.getLong("id"), List.of());
        return new PointOfSale(
                rs.getLong("id"),
                rs.getString("kind"),
                rs.getObject("owner_producer_id", Long.class),
                rs.getString("name"),
                rs.getString("address"),
                commune,
                name(names, commune),
                province,
                name(names, province),
                rs.getString("opening_hours"),
                rs.getString("phone"),
                rs.getString("email"),
                rs.getString("website"),
                rs.getString("description"),
                "OPEN".equals(rs.getString("status")),
                productIds.isEmpty() ? List.of() : catalog.products(productIds),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getLong("version"));
    }

    private static Map<String, Object> snapshot(PointOfSale p) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("name", p.name());
        m.put("address", p.address());
        m.put("commune", p.communeCode());
        m.put("openingHours", p.openingHours());
        m.put("phone", p.phone());
        m.put("email", p.email());
        m.put("website", p.website());
        m.put("description", p.description());
        m.put("open", p.open());
        return m;
    }

    private static String name(Map<String, AdminUnit> names, String code) {
        AdminUnit unit = names.get(code);
        return unit == null ? code : unit.fullName();
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
