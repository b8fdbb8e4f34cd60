package vn.ocop.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.ocop.identity.AccessPolicy;
import vn.ocop.identity.Action;
import vn.ocop.identity.CurrentUser;
import vn.ocop.shared.AuditableBatch;
import vn.ocop.shared.AuditableEvent;
import vn.ocop.shared.OcopClock;

/**
 * Writes and reads the audit trail. Writing is a synchronous listener on purpose (see docs/decisions/0004): the entry
 * commits or rolls back together with the change it records, so there is never a change without its entry. The table
 * refuses updates and deletes at the database level.
 */
@Service
public class AuditTrail {

    private static final RowMapper<AuditEntry> ENTRY = (rs, n) -> new AuditEntry(
            rs.getLong("id"),
            rs.getTimestamp("occurred_at").toInstant(),
            rs.getString("actor"),
            rs.getString("actor_role"),
            rs.getString("action"),
            rs.getString("object_type"),
            rs.getString("object_id"),
            rs.getString("location_code"),
            rs.getString("summary"),
            rs.getString("client_ip"));

    private final JdbcClient jdbc;
    private final AccessPolicy policy;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, AccessPolicy policy, Clock clock) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    void record(AuditableEvent event) {
        CurrentUser user = CurrentUser.current();
        String actor = actor(event, user);
        jdbc.sql("""
                        INSERT INTO audit_event (occurred_at, actor, actor_role, action, object_type, object_id,
                                                 location_code, summary, client_ip)
                        VALUES (:at, :actor, :role, :action, :type, :id, :location, :summary, :ip)""")
                .param("at", Timestamp.from(Instant.now(clock)))
                .param("actor", limit(actor, 64))
                .param("role", user == null ? null : user.role().name())
                .param("action", limit(event.auditAction(), 100))
                .param("type", limit(event.auditObjectType(), 50))
                .param("id", limit(event.auditObjectId(), 100))
                .param("location", event.auditLocation())
                .param("summary", event.auditSummary())
                .param("ip", clientIp())
                .update();
    }

    /**
     * Writes every event of a bulk operation as its own entry, with one batched insert, in the publisher's
     * transaction; same actor, time and client address rules as for a single event.
     */
    @EventListener
    @Transactional
    void recordAll(AuditableBatch batch) {
        recordAll(batch.auditEvents());
    }

    /** Records the events as entries, one batched insert; see {@link AuditableBatch}. */
    @Transactional
    public void recordAll(List<? extends AuditableEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        CurrentUser user = CurrentUser.current();
        int n = events.size();
        String[] actors = new String[n];
        String[] actions = new String[n];
        String[] types = new String[n];
        String[] ids = new String[n];
        String[] locations = new String[n];
        String[] summaries = new String[n];
        for (int i = 0; i < n; i++) {
            AuditableEvent event = events.get(i);
            actors[i] = limit(actor(event, user), 64);
            actions[i] = limit(event.auditAction(), 100);
            types[i] = limit(event.auditObjectType(), 50);
            ids[i] = limit(event.auditObjectId(), 100);
            locations[i] = event.auditLocation();
            summaries[i] = event.auditSummary();
        }
        // One multi-row statement: tens of thousands of entries (an import) in well under a second.
        jdbc.sql("""
                        INSERT INTO audit_event (occurred_at, actor, actor_role, action, object_type, object_id,
                                                 location_code, summary, client_ip)
                        SELECT ?, u.actor, ?, u.action, u.type, u.id, u.location, u.summary, ?
                          FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY
                               AS u(actor, action, type, id, location, summary, n)
                         ORDER BY u.n""")
                .params(
                        Timestamp.from(Instant.now(clock)),
                        user == null ? null : user.role().name(),
                        clientIp(),
                        actors,
                        actions,
                        types,
                        ids,
                        locations,
                        summaries)
                .update();
    }

    private static String actor(AuditableEvent event, @Nullable CurrentUser user) {
        String explicit = event.auditActor();
        return explicit != null ? explicit : user != null ? user.username() : "system";
    }

    /** Entries matching the query, newest first; 403 unless the viewer may read the trail. */
    @Transactional(readOnly = true)
    public Page<AuditEntry> search(AuditQuery query, Pageable page, CurrentUser viewer) {
        policy.check(viewer, Action.VIEW_AUDIT, null);
        String where = """
                 WHERE (CAST(:actor AS text) IS NULL OR actor = :actor)
                   AND (CAST(:action AS text) IS NULL OR action LIKE :action || '%')
                   AND (CAST(:type AS text) IS NULL OR object_type = :type)
                   AND (CAST(:id AS text) IS NULL OR object_id = :id)
                   AND (CAST(:from AS timestamptz) IS NULL OR occurred_at >= :from)
                   AND (CAST(:to AS timestamptz) IS NULL OR occurred_at < :to)""";
        long total = bind(jdbc.sql("SELECT count(*) FROM audit_event " + where), query)
                .query(Long.class)
                .single();
        List<AuditEntry> entries = bind(
                        jdbc.sql("SELECT * FROM audit_event " + where + " ORDER BY occurred_at DESC, id DESC"
                                + " LIMIT :limit OFFSET :offset"),
                        query)
                .param("limit", page.getPageSize())
                .param("offset", page.getOffset())
                .query(ENTRY)
                .list();
        return new PageImpl<>(entries, page, total);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, AuditQuery q) {
        return sql.param("actor", blankToNull(q.actor()))
                .param("action", blankToNull(q.action()))
                .param("type", blankToNull(q.objectType()))
                .param("id", blankToNull(q.objectId()))
                .param(
                        "from",
                        q.from() == null
                                ? null
                                : Timestamp.from(
                                        q.from().atStartOfDay(OcopClock.VIETNAM).toInstant()))
                .param(
                        "to",
                        q.to() == null
                                ? null
                                : Timestamp.from(q.to().plusDays(1)
                                        .atStartOfDay(OcopClock.VIETNAM)
                                        .toInstant()));
    }

    private static @Nullable String clientIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return limit(request.getRemoteAddr(), 64);
        }
        return null;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String limit(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
