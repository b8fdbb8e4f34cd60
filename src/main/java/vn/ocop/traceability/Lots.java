package vn.ocop.traceability;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ocop.geography.AdminEdition;
import vn.ocop.geography.AdminUnits;
import vn.ocop.geography.GeographyError;
import vn.ocop.identity.AccessPolicy;
import vn.ocop.identity.Action;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.DataScope;
import vn.ocop.identity.Role;
import vn.ocop.identity.UserAccounts;
import vn.ocop.notification.NotificationMessage;
import vn.ocop.notification.Notifications;
import vn.ocop.product.ProductRegistry;
import vn.ocop.product.ProductView;
import vn.ocop.shared.CommonError;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.PageResult;
import vn.ocop.traceability.LotCommands.ChangeStatus;
import vn.ocop.traceability.LotCommands.RecordLot;
import vn.ocop.traceability.LotCommands.RecordLotEvent;
import vn.ocop.traceability.LotCommands.Unit;
import vn.ocop.traceability.TraceabilityEvents.LotEventRecorded;
import vn.ocop.traceability.TraceabilityEvents.LotEventWithdrawn;
import vn.ocop.traceability.TraceabilityEvents.LotRecorded;
import vn.ocop.traceability.TraceabilityEvents.LotStatusChanged;
import vn.ocop.traceability.TracedProducts.TracedProduct;

/**
 * Production lots and their critical tracking events. A producer account records lots of its own certified products;
 * an officer with edit rights where the producer is may record them on its behalf. Who may see a lot: the officers
 * covering its producer's commune and the producer. Suspensions and recalls carry a message for the public; an
 * officer's suspension is lifted by an officer. Unknown ids are {@code TRC-001} (404), another jurisdiction's lot 403.
 */
@Service
@Transactional
public class Lots {

    private static final Pattern LOT_NUMBER = Pattern.compile("[A-Za-z0-9._-]{1,20}");

    private final JdbcClient jdbc;
    private final ProductRegistry products;
    private final TracedProducts traced;
    private final AccessPolicy policy;
    private final AdminUnits units;
    private final UserAccounts users;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Lots(
            JdbcClient jdbc,
            ProductRegistry products,
            TracedProducts traced,
            AccessPolicy policy,
            AdminUnits units,
            UserAccounts users,
            Notifications notifications,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.products = products;
        this.traced = traced;
        this.policy = policy;
        this.units = units;
        this.users = users;
        this.notifications = notifications;
        this.events = events;
        this.clock = clock;
    }

    /** Filters of the lot list; all optional. {@code text} matches the lot number or the product's name. */
    public record LotQuery(
            @Nullable String text,
            @Nullable LotStatus status,
            @Nullable Long productId) {

        public static LotQuery all() {
            return new LotQuery(null, null, null);
        }
    }

    /**
     * Records a lot. The product must be one the actor may change and its certificate in force ({@code TRC-002});
     * the lot number is unique per product ({@code TRC-005}); a GTIN is checked ({@code TRC-003}) and stays with the
     * first product that uses it ({@code TRC-004}).
     */
    public LotView record(RecordLot command, CurrentUser actor) {
        ProductView product = products.get(command.productId(), actor);
        if (!products.mayEdit(product, actor)) {
            throw OcopException.forbidden();
        }
        String lotNumber = command.lotNumber().strip();
        if (!LOT_NUMBER.matcher(lotNumber).matches()) {
            throw new OcopException(TraceabilityError.INVALID_LOT_NUMBER, lotNumber);
        }
        LocalDate today = LocalDate.now(clock);
        if (command.productionDate().isAfter(today)
                || (command.bestBefore() != null && command.bestBefore().isBefore(command.productionDate()))) {
            throw new OcopException(TraceabilityError.INVALID_DATES);
        }
        checkQuantity(command.quantity() != null, command.unit());
        TracedProduct row =
                traced.refresh(product.id()).orElseThrow(() -> OcopException.notFound("product", command.productId()));
        if (!row.certificate().inForceOn(today)) {
            throw new OcopException(TraceabilityError.PRODUCT_NOT_CERTIFIED, product.name());
        }
        String gtin = blankToNull(command.gtin()) == null ? null : assignGtin(Gtin.parse(command.gtin()), product);
        long id;
        try {
            id = jdbc.sql("""
                            INSERT INTO lot (public_key, product_id, producer_id, commune_code, province_code, lot_number,
                                             gtin, production_date, best_before, quantity, unit, raw_material_area,
                                             certificate_number, created_by, created_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                    .params(
                            StampCode.of(StampCodes.generate(1)).text(),
                            product.id(),
                            product.producerId(),
                            row.communeCode(),
                            row.provinceCode(),
                            lotNumber,
                            gtin,
                            command.productionDate(),
                            command.bestBefore(),
                            command.quantity(),
                            command.unit() == null ? null : command.unit().name(),
                            blankToNull(command.rawMaterialArea()),
                            row.certificate().number(),
                            actor.username(),
                            Timestamp.from(Instant.now(clock)))
                    .query(Long.class)
                    .single();
        } catch (DuplicateKeyException e) {
            throw new OcopException(TraceabilityError.LOT_NUMBER_TAKEN, lotNumber, product.name());
        }
        events.publishEvent(new LotRecorded(
                id,
                product.id(),
                lotNumber,
                row.communeCode(),
                "product=" + product.id() + ", lot=" + lotNumber + (gtin == null ? "" : ", gtin=" + gtin)
                        + ", produced " + command.productionDate()
                        + (command.bestBefore() == null ? "" : ", best before " + command.bestBefore())));
        return find(id);
    }

    /** A lot the actor may see. */
    @Transactional(readOnly = true)
    public LotView get(long id, CurrentUser actor) {
        LotView lot = find(id);
        if (!mayView(lot, actor)) {
            throw OcopException.forbidden();
        }
        return lot;
    }

    /** Lots the actor may see, newest first. */
    @Transactional(readOnly = true)
    public PageResult<LotView> list(LotQuery query, int page, int size, CurrentUser actor) {
        DataScope scope = policy.scopeFor(actor, Action.VIEW_RECORDS);
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> params = new ArrayList<>();
        switch (scope.kind()) {
            case ALL -> {}
            case PROVINCE -> where.append(" AND l.province_code = ?").append(add(params, scope.provinceCode()));
            case COMMUNE -> where.append(" AND l.commune_code = ?").append(add(params, scope.communeCode()));
            case PRODUCER -> where.append(" AND l.producer_id = ?").append(add(params, scope.producerIdOrNull()));
            case NONE -> throw OcopException.forbidden();
        }
        if (query.status() != null) {
            where.append(" AND l.status = ?").append(add(params, query.status().name()));
        }
        if (query.productId() != null) {
            where.append(" AND l.product_id = ?").append(add(params, query.productId()));
        }
        String text = blankToNull(query.text());
        if (text != null) {
            where.append(
                    " AND (l.lot_number ILIKE ? || '%' OR ocop_fold(p.product_name) LIKE '%' || ocop_fold(?) || '%')");
            params.add(text.replace("%", "").replace("_", "\\_"));
            params.add(text);
        }
        long total = jdbc.sql("SELECT count(*) FROM lot l JOIN trace_product p ON p.product_id = l.product_id" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<LotView> items = jdbc.sql(LotRows.SELECT_LOT + where + " ORDER BY l.created_at DESC, l.id DESC LIMIT "
                        + size + " OFFSET " + ((long) page * size))
                .params(params)
                .query(LotRows::lot)
                .list();
        return new PageResult<>(items, page, size, total);
    }

    /** The lot's tracking events in the order they happened, withdrawn ones included (marked). */
    @Transactional(readOnly = true)
    public List<LotView.Event> events(long lotId, CurrentUser actor) {
        get(lotId, actor);
        return jdbc.sql("SELECT * FROM lot_event WHERE lot_id = ? ORDER BY occurred_at, id")
                .param(lotId)
                .query(LotRows::event)
                .list();
    }

    /** Records a tracking event; a recalled lot takes none ({@code TRC-008}). */
    public LotView.Event addEvent(long lotId, RecordLotEvent command, CurrentUser actor) {
        LotView lot = editable(lotId, actor);
        if (lot.status() == LotStatus.RECALLED) {
            throw new OcopException(TraceabilityError.LOT_RECALLED, lot.lotNumber());
        }
        Instant at = command.occurredAt().toInstant();
        Instant earliest =
                lot.productionDate().minusYears(2).atStartOfDay(clock.getZone()).toInstant();
        if (at.isAfter(Instant.now(clock).plusSeconds(3600)) || at.isBefore(earliest)) {
            throw new OcopException(TraceabilityError.INVALID_EVENT_TIME);
        }
        checkQuantity(command.quantity() != null, command.unit());
        String place = blankToNull(command.placeCommuneCode());
        if (place != null && units.find(AdminEdition.CURRENT, place).isEmpty()) {
            throw new OcopException(GeographyError.UNIT_NOT_FOUND, place, AdminEdition.CURRENT);
        }
        long id = jdbc.sql("""
                        INSERT INTO lot_event (lot_id, event_uuid, type, occurred_at, place, place_commune_code, party,
                                               what, quantity, unit, note, recorded_by, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(
                        lotId,
                        UUID.randomUUID(),
                        command.type().name(),
                        Timestamp.from(at),
                        command.place().strip(),
                        place,
                        command.party().strip(),
                        command.what().strip(),
                        command.quantity(),
                        command.unit() == null ? null : command.unit().name(),
                        blankToNull(command.note()),
                        actor.username(),
                        Timestamp.from(Instant.now(clock)))
                .query(Long.class)
                .single();
        eventsChanged(lotId);
        events.publishEvent(new LotEventRecorded(
                lotId,
                id,
                command.type(),
                lot.communeCode(),
                command.type() + " at " + command.occurredAt() + ", "
                        + command.place().strip() + ", by " + command.party().strip()));
        return event(lotId, id);
    }

    /**
     * Marks the lot's events as changed: this updates the lot's row, whose version the public scan compares with the
     * lot view it keeps in memory ({@link PublicTrace}).
     */
    private void eventsChanged(long lotId) {
        jdbc.sql("UPDATE lot SET events_changed_at = ? WHERE id = ?")
                .params(Timestamp.from(Instant.now(clock)), lotId)
                .update();
    }

    /** Withdraws a mistaken event with a reason: it stays on record, marked, and leaves the public page. */
    public LotView.Event withdrawEvent(long lotId, long eventId, String reason, CurrentUser actor) {
        LotView lot = editable(lotId, actor);
        String why = reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw new OcopException(CommonError.VALIDATION_FAILED);
        }
        LotView.Event event = event(lotId, eventId);
        if (event.withdrawn()) {
            throw new OcopException(TraceabilityError.ILLEGAL_TRANSITION, "WITHDRAWN", "WITHDRAWN");
        }
        jdbc.sql("""
                        UPDATE lot_event SET withdrawn_at = ?, withdrawn_by = ?, withdrawal_reason = ?
                         WHERE id = ? AND lot_id = ? AND withdrawn_at IS NULL""")
                .params(Timestamp.from(Instant.now(clock)), actor.username(), why, eventId, lotId)
                .update();
        eventsChanged(lotId);
        events.publishEvent(new LotEventWithdrawn(lotId, eventId, lot.communeCode(), event.type() + ": " + why));
        return event(lotId, eventId);
    }

    /**
     * Suspends, reinstates or recalls a lot. Suspending and recalling need a message for the public
     * ({@code TRC-012}); a suspension decided by an officer is lifted by an officer ({@code TRC-024}). The producer is
     * told when an officer acts, the province's officers when a lot is recalled.
     */
    public LotView changeStatus(long lotId, ChangeStatus command, CurrentUser actor) {
        LotView lot = editable(lotId, actor);
        LotStatus next = lot.status().after(command.change());
        String message = message(command);
        boolean officer = actor.role() != Role.PRODUCER;
        if (command.change() == StatusChange.REINSTATE && lot.statusByOfficer() && !officer) {
            throw new OcopException(TraceabilityError.SUSPENDED_BY_OFFICER);
        }
        int updated = jdbc.sql("""
                        UPDATE lot SET status = ?, status_message = ?, status_changed_at = ?, status_by_officer = ?,
                               version = version + 1
                         WHERE id = ? AND status = ?""")
                .params(
                        next.name(),
                        message,
                        Timestamp.from(Instant.now(clock)),
                        officer && next != LotStatus.ACTIVE,
                        lotId,
                        lot.status().name())
                .update();
        if (updated != 1) {
            throw new OcopException(CommonError.CONCURRENT_MODIFICATION);
        }
        events.publishEvent(new LotStatusChanged(
                lotId,
                command.change(),
                lot.communeCode(),
                lot.status() + " → " + next + (message == null ? "" : ": " + message)));
        tell(lot, command.change(), officer, message);
        return find(lotId);
    }

    /** Whether the actor may record lots of a product of this producer, located in this commune. */
    public boolean mayRecord(String communeCode, long producerId, CurrentUser actor) {
        return policy.permits(actor, Action.EDIT_RECORDS, communeCode) || policy.permitsOwnProducer(actor, producerId);
    }

    /** Whether the actor may record events, stamps and status changes for the lot. */
    public boolean mayEdit(LotView lot, CurrentUser actor) {
        return policy.permits(actor, Action.EDIT_RECORDS, lot.communeCode())
                || policy.permitsOwnProducer(actor, lot.producerId());
    }

    boolean mayView(LotView lot, CurrentUser actor) {
        return policy.permits(actor, Action.VIEW_RECORDS, lot.communeCode())
                || policy.permitsOwnProducer(actor, lot.producerId());
    }

    LotView editable(long lotId, CurrentUser actor) {
        LotView lot = get(lotId, actor);
        if (!mayEdit(lot, actor)) {
            throw OcopException.forbidden();
        }
        return lot;
    }

    LotView find(long id) {
        return jdbc.sql(LotRows.SELECT_LOT + " WHERE l.id = ?")
                .param(id)
                .query(LotRows::lot)
                .optional()
                .orElseThrow(() -> new OcopException(TraceabilityError.LOT_NOT_FOUND, id));
    }

    private LotView.Event event(long lotId, long eventId) {
        return jdbc.sql("SELECT * FROM lot_event WHERE id = ? AND lot_id = ?")
                .params(eventId, lotId)
                .query(LotRows::event)
                .optional()
                .orElseThrow(() -> new OcopException(TraceabilityError.EVENT_NOT_FOUND, eventId));
    }

    /** Keeps a GTIN with the first product that uses it. */
    private String assignGtin(Gtin gtin, ProductView product) {
        jdbc.sql("INSERT INTO trace_gtin (gtin, product_id) VALUES (?, ?) ON CONFLICT (gtin) DO NOTHING")
                .params(gtin.value(), product.id())
                .update();
        long owner = jdbc.sql("SELECT product_id FROM trace_gtin WHERE gtin = ?")
                .param(gtin.value())
                .query(Long.class)
                .single();
        if (owner != product.id()) {
            throw new OcopException(TraceabilityError.GTIN_OF_ANOTHER_PRODUCT, gtin.display());
        }
        return gtin.value();
    }

    /** Tells the producer when an officer acted on its lot or batch, and the province's officers about a recall. */
    void tell(LotView lot, StatusChange change, boolean byOfficer, @Nullable String message) {
        Set<Long> recipients = new LinkedHashSet<>();
        if (byOfficer) {
            users.ofProducer(lot.producerId()).forEach(u -> recipients.add(u.id()));
        }
        if (change == StatusChange.RECALL) {
            users.withRole(Role.PROVINCE_OFFICER, lot.provinceCode()).forEach(u -> recipients.add(u.id()));
        }
        if (recipients.isEmpty() || change == StatusChange.ACTIVATE) {
            return;
        }
        String key = change.name().toLowerCase(java.util.Locale.ROOT);
        notifications.send(
                recipients,
                new NotificationMessage(
                        "trace.notify." + key + ".title",
                        "trace.notify." + key + ".body",
                        List.of(lot.productName(), lot.lotNumber(), message == null ? "" : message),
                        "/traceability/lots/" + lot.id()));
    }

    static @Nullable String message(ChangeStatus command) {
        String message = blankToNull(command.message());
        if (command.change().needsMessage() && message == null) {
            throw new OcopException(TraceabilityError.MESSAGE_REQUIRED);
        }
        return command.change().needsMessage() ? message : null;
    }

    private static void checkQuantity(boolean hasQuantity, @Nullable Unit unit) {
        if (hasQuantity != (unit != null)) {
            throw new OcopException(TraceabilityError.INVALID_QUANTITY);
        }
    }

    private static String add(List<Object> params, @Nullable Object value) {
        params.add(value);
        return "";
    }

    static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
