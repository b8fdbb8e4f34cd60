package vn.ocop.trade;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import vn.ocop.geography.AdminEdition;
import vn.ocop.geography.AdminUnit;
import vn.ocop.geography.AdminUnits;
import vn.ocop.geography.GeographyError;
import vn.ocop.identity.AccessPolicy;
import vn.ocop.identity.Action;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.DataScope;
import vn.ocop.identity.Role;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.producer.ProducerView;
import vn.ocop.shared.ChangeSummary;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.PageResult;
import vn.ocop.shared.db.SqlPage;
import vn.ocop.trade.TradeEvents.FairSaved;
import vn.ocop.trade.TradeEvents.ParticipationChanged;

/**
 * The calendar of fairs and trade events. Officers keep the events held in their jurisdiction (edit rights on the
 * venue's commune) and the producers taking part; a producer registers itself for an event not yet over. Every change
 * is audited and moves the catalog's version.
 */
@Service
@Transactional
public class Fairs {

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final ProducerRegistry producers;
    private final AdminUnits units;
    private final AccessPolicy policy;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Fairs(
            JdbcClient jdbc,
            Catalog catalog,
            ProducerRegistry producers,
            AdminUnits units,
            AccessPolicy policy,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.producers = producers;
        this.units = units;
        this.policy = policy;
        this.events = events;
        this.clock = clock;
    }

    /** Creates an event in a commune the officer may edit; {@code TRD-006} when it ends before it starts. */
    public Fair create(FairDetails details, CurrentUser actor) {
        AdminUnit commune = venue(details, actor);
        Instant now = Instant.now(clock);
        long id = jdbc.sql("""
                        INSERT INTO fair (name, description, starts_on, ends_on, venue, commune_code, province_code,
                                          organiser, website, status, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(
                        details.name().strip(),
                        blank(details.description()),
                        details.startsOn(),
                        details.endsOn(),
                        details.venue().strip(),
                        commune.code(),
                        commune.provinceCode(),
                        details.organiser().strip(),
                        blank(details.website()),
                        details.cancelled() ? "CANCELLED" : "PLANNED",
                        Timestamp.from(now),
                        Timestamp.from(now))
                .query(Long.class)
                .single();
        events.publishEvent(new FairSaved(id, "created: " + details.name().strip(), commune.code()));
        catalog.contentChanged();
        return find(id);
    }

    /** Changes an event the officer keeps; a stale version is 409. */
    public Fair update(long id, FairDetails details, long expectedVersion, CurrentUser actor) {
        Fair fair = find(id);
        checkManage(fair, actor);
        AdminUnit commune = venue(details, actor);
        if (fair.version() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException("fair", id);
        }
        Map<String, Object> before = snapshot(fair);
        jdbc.sql("""
                        UPDATE fair SET name = ?, description = ?, starts_on = ?, ends_on = ?, venue = ?,
                               commune_code = ?, province_code = ?, organiser = ?, website = ?, status = ?,
                               updated_at = ?, version = version + 1
                         WHERE id = ? AND version = ?""")
                .params(
                        details.name().strip(),
                        blank(details.description()),
                        details.startsOn(),
                        details.endsOn(),
                        details.venue().strip(),
                        commune.code(),
                        commune.provinceCode(),
                        details.organiser().strip(),
                        blank(details.website()),
                        details.cancelled() ? "CANCELLED" : "PLANNED",
                        Timestamp.from(Instant.now(clock)),
                        id,
                        expectedVersion)
                .update();
        Fair after = find(id);
        String changes = ChangeSummary.of(before, snapshot(after));
        if (!changes.isEmpty()) {
            events.publishEvent(new FairSaved(id, changes, commune.code()));
            catalog.contentChanged();
        }
        return after;
    }

    /**
     * Adds a producer to an event: the event's officers add any producer; a producer account adds itself, while the
     * event is planned and not over ({@code TRD-009} otherwise).
     */
    public Fair addParticipant(long fairId, long producerId, @Nullable String booth, CurrentUser actor) {
        Fair fair = find(fairId);
        boolean self = policy.permitsOwnProducer(actor, producerId);
        if (!self) {
            checkManage(fair, actor);
        } else if (fair.cancelled() || fair.endsOn().isBefore(LocalDate.now(clock))) {
            throw new OcopException(TradeError.FAIR_CLOSED, fairId);
        }
        ProducerView producer = producers
                .lookup(producerId)
                .orElseThrow(() -> new OcopException(TradeError.PRODUCER_NOT_FOUND, producerId));
        int added = jdbc.sql("""
                        INSERT INTO fair_participant (fair_id, producer_id, booth, declared_by, declared_at)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (fair_id, producer_id) DO UPDATE SET booth = excluded.booth""")
                .params(fairId, producerId, blank(booth), actor.username(), Timestamp.from(Instant.now(clock)))
                .update();
        if (added == 1) {
            events.publishEvent(new ParticipationChanged(
                    fairId, "+producer " + producerId + " " + producer.name(), fair.communeCode()));
            catalog.contentChanged();
        }
        return find(fairId);
    }

    /**
     * Removes a producer from an event: the event's officers, or the producer itself; {@code TRD-010} for a producer
     * that does not exist (after the authority check), a no-op for one not taking part.
     */
    public Fair removeParticipant(long fairId, long producerId, CurrentUser actor) {
        Fair fair = find(fairId);
        if (!policy.permitsOwnProducer(actor, producerId)) {
            checkManage(fair, actor);
        }
        if (producers.lookup(producerId).isEmpty()) {
            throw new OcopException(TradeError.PRODUCER_NOT_FOUND, producerId);
        }
        int removed = jdbc.sql("DELETE FROM fair_participant WHERE fair_id = ? AND producer_id = ?")
                .params(fairId, producerId)
                .update();
        if (removed == 1) {
            events.publishEvent(new ParticipationChanged(fairId, "-producer " + producerId, fair.communeCode()));
            catalog.contentChanged();
        }
        return find(fairId);
    }

    /** An event, public; {@code TRD-002} (404) when unknown. */
    @Transactional(readOnly = true)
    public Fair get(long id) {
        return find(id);
    }

    /** Whether the actor keeps this event. */
    public boolean mayManage(Fair fair, CurrentUser actor) {
        return actor.role() != Role.PRODUCER
                && actor.role() != Role.COUNCIL_MEMBER
                && policy.permits(actor, Action.EDIT_RECORDS, fair.communeCode());
    }

    /**
     * Events not yet over (ending today or later), soonest first, or past ones (most recent first), optionally in one
     * province.
     */
    @Transactional(readOnly = true)
    public PageResult<Fair> calendar(boolean past, @Nullable String provinceCode, int page, int size) {
        StringBuilder where = new StringBuilder(past ? " WHERE ends_on < ?" : " WHERE ends_on >= ?");
        List<Object> params = new ArrayList<>();
        params.add(LocalDate.now(clock));
        if (provinceCode != null && !provinceCode.isBlank()) {
            where.append(" AND province_code = ?");
            params.add(provinceCode.strip());
        }
        return page(where.toString(), params, past ? "starts_on DESC, id DESC" : "starts_on, id", page, size);
    }

    /** The events the officer keeps (its jurisdiction's), most recent first. */
    @Transactional(readOnly = true)
    public PageResult<Fair> managed(CurrentUser actor, int page, int size) {
        DataScope scope = policy.scopeFor(actor, Action.EDIT_RECORDS);
        if (actor.role() == Role.PRODUCER || scope.kind() == DataScope.Kind.NONE) {
            throw OcopException.forbidden();
        }
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> params = new ArrayList<>();
        if (scope.provinceCode() != null) {
            where.append(" AND province_code = ?");
            params.add(scope.provinceCode());
        }
        if (scope.communeCode() != null) {
            where.append(" AND commune_code = ?");
            params.add(scope.communeCode());
        }
        return page(where.toString(), params, "starts_on DESC, id DESC", page, size);
    }

    /** The next planned events not yet over, soonest first, without their participants (for the home page). */
    @Transactional(readOnly = true)
    public List<Fair> next(int limit) {
        List<Long> ids = jdbc.sql(
                        "SELECT id FROM fair WHERE ends_on >= ? AND status = 'PLANNED' ORDER BY starts_on, id LIMIT ?")
                .params(LocalDate.now(clock), limit)
                .query(Long.class)
                .list();
        return load(ids, false);
    }

    /** Planned events not yet over that a producer takes part in, soonest first. */
    @Transactional(readOnly = true)
    public List<Fair> upcomingWith(long producerId) {
        List<Long> ids = jdbc.sql("""
                        SELECT f.id FROM fair f JOIN fair_participant p ON p.fair_id = f.id
                         WHERE p.producer_id = ? AND f.ends_on >= ? AND f.status = 'PLANNED'
                         ORDER BY f.starts_on, f.id LIMIT 10""")
                .params(producerId, LocalDate.now(clock))
                .query(Long.class)
                .list();
        return load(ids, false);
    }

    /** Every event's id, for the sitemap. */
    @Transactional(readOnly = true)
    public List<Long> ids() {
        return jdbc.sql("SELECT id FROM fair ORDER BY id").query(Long.class).list();
    }

    private PageResult<Fair> page(String where, List<Object> params, String order, int page, int size) {
        PageResult<Long> ids =
                SqlPage.of(jdbc, "id", "fair", where, params, order, page, size, (rs, n) -> rs.getLong(1));
        return new PageResult<>(load(ids.items()), page, size, ids.total());
    }

    private AdminUnit venue(FairDetails details, CurrentUser actor) {
        if (details.endsOn().isBefore(details.startsOn())) {
            throw new OcopException(TradeError.FAIR_DATES);
        }
        AdminUnit commune = units.find(
                        AdminEdition.CURRENT, details.communeCode().strip())
                .filter(u -> !u.isProvince())
                .orElseThrow(() ->
                        new OcopException(GeographyError.UNIT_NOT_FOUND, details.communeCode(), AdminEdition.CURRENT));
        if (actor.role() == Role.PRODUCER || actor.role() == Role.COUNCIL_MEMBER) {
            throw OcopException.forbidden();
        }
        policy.check(actor, Action.EDIT_RECORDS, commune.code());
        return commune;
    }

    private void checkManage(Fair fair, CurrentUser actor) {
        if (!mayManage(fair, actor)) {
            throw OcopException.forbidden();
        }
    }

    private Fair find(long id) {
        List<Fair> found = load(List.of(id));
        if (found.isEmpty()) {
            throw new OcopException(TradeError.FAIR_NOT_FOUND, id);
        }
        return found.get(0);
    }

    private List<Fair> load(List<Long> ids) {
        return load(ids, true);
    }

    /** Events by id in the order given, with their participants when asked. */
    private List<Fair> load(List<Long> ids, boolean withParticipants) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Long[] array = ids.toArray(Long[]::new);
        record Row(long fairId, long producerId, @Nullable String booth) {}
        List<Row> rows = !withParticipants
                ? List.of()
                : jdbc.sql("SELECT fair_id, producer_id, booth FROM fair_participant WHERE fair_id = ANY (?)")
                        .param(array)
                        .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3)))
                        .list();
        List<Long> producerIds = rows.stream().map(Row::producerId).distinct().toList();
        Map<Long, ProducerView> owners = producers.lookupAll(producerIds);
        java.util.Set<Long> listed = catalog.producersListed(producerIds);
        java.text.Collator order = java.text.Collator.getInstance(java.util.Locale.forLanguageTag("vi"));
        Map<Long, List<Fair.Participant>> participants = new HashMap<>();
        for (Row row : rows) {
            ProducerView producer = owners.get(row.producerId());
            if (producer != null) {
                participants
                        .computeIfAbsent(row.fairId(), k -> new ArrayList<>())
                        .add(new Fair.Participant(
                                row.producerId(), producer.name(), row.booth(), listed.contains(row.producerId())));
            }
        }
        participants.values().forEach(list -> list.sort((a, b) -> order.compare(a.name(), b.name())));
        Map<String, AdminUnit> names = units.byCode(AdminEdition.CURRENT);
        Map<Long, Fair> byId = new HashMap<>();
        jdbc.sql("SELECT * FROM fair WHERE id = ANY (?)")
                .param(array)
                .query((rs, n) -> byId.put(rs.getLong("id"), map(rs, names, participants)))
                .list();
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    private static Fair map(ResultSet rs, Map<String, AdminUnit> names, Map<Long, List<Fair.Participant>> participants)
            throws SQLException {
        String commune = rs.getString("commune_code");
        String province = rs.getString("province_code");
        return new Fair(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("description"),
                rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class),
                rs.getString("venue"),
                commune,
                name(names, commune),
                province,
                name(names, province),
                rs.getString("organiser"),
                rs.getString("website"),
                "CANCELLED".equals(rs.getString("status")),
                participants.getOrDefault(rs.getLong("id"), List.of()),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getLong("version"));
    }

    private static Map<String, Object> snapshot(Fair f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.name());
        m.put("description", f.description());
        m.put("startsOn", f.startsOn());
        m.put("endsOn", f.endsOn());
        m.put("venue", f.venue());
        m.put("commune", f.communeCode());
        m.put("organiser", f.organiser());
        m.put("website", f.website());
        m.put("cancelled", f.cancelled());
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
