package vn.ocop.traceability;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ocop.identity.AccessPolicy;
import vn.ocop.identity.Action;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.DataScope;
import vn.ocop.identity.Role;
import vn.ocop.shared.CommonError;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.PageResult;
import vn.ocop.traceability.TraceabilityEvents.SignalReviewed;

/**
 * Counterfeit and safety signals for the officers covering them (the province's, the commune's, the central office
 * for all and for signals with no place), and read-only for the producer whose lots they concern. An officer with
 * edit rights where the signal is reviews it: dismissed or confirmed, with a note.
 */
@Service
@Transactional(readOnly = true)
public class Signals {

    /**
     * A signal as officers see it.
     *
     * @param subject what it is about: a stamp code ({@code 7K3M 9QX2 …}), a lot or batch number, or a day
     */
    public record SignalView(
            long id,
            SignalKind kind,
            String subject,
            @Nullable Long lotId,
            @Nullable String lotNumber,
            @Nullable String productName,
            @Nullable String producerName,
            @Nullable String communeCode,
            @Nullable String provinceCode,
            int scans,
            int provinces,
            Instant firstSeen,
            Instant lastSeen,
            SignalStatus status,
            @Nullable String reviewedBy,
            @Nullable Instant reviewedAt,
            @Nullable String reviewNote,
            long version) {}

    /** Filters of the signal list; all optional. */
    public record SignalQuery(
            @Nullable SignalStatus status,
            @Nullable SignalKind kind,
            @Nullable Long lotId) {}

    /** The oldest open signal and how many are open, for the work queue. */
    public record OpenSignals(long count, @Nullable Instant oldest) {}

    private static final String SELECT = """
            SELECT g.*, l.lot_number, p.product_name, p.producer_name, b.number AS batch_number
              FROM trace_signal g
              LEFT JOIN lot l ON l.id = g.lot_id
              LEFT JOIN trace_product p ON p.product_id = g.product_id
              LEFT JOIN stamp_batch b
                     ON b.id = CASE WHEN g.subject LIKE 'batch:%' THEN substr(g.subject, 7)::int END""";

    private final JdbcClient jdbc;
    private final AccessPolicy policy;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Signals(JdbcClient jdbc, AccessPolicy policy, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.events = events;
        this.clock = clock;
    }

    /** Signals the actor may see, open ones first, then the most recent. */
    public PageResult<SignalView> list(SignalQuery query, int page, int size, CurrentUser actor) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE ").append(scope(actor, params));
        if (query.status() != null) {
            where.append(" AND g.status = ?");
            params.add(query.status().name());
        }
        if (query.kind() != null) {
            where.append(" AND g.kind = ?");
            params.add(query.kind().name());
        }
        if (query.lotId() != null) {
            where.append(" AND g.lot_id = ?");
            params.add(query.lotId());
        }
        long total = jdbc.sql("SELECT count(*) FROM trace_signal g" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<SignalView> items = jdbc.sql(SELECT + where
                        + " ORDER BY (g.status = 'OPEN') DESC, g.last_seen DESC, g.id DESC LIMIT " + size + " OFFSET "
                        + ((long) page * size))
                .params(params)
                .query(Signals::view)
                .list();
        return new PageResult<>(items, page, size, total);
    }

    /** A signal the actor may see. */
    public SignalView get(long id, CurrentUser actor) {
        SignalView signal = find(id);
        if (!mayView(signal, actor)) {
            throw OcopException.forbidden();
        }
        return signal;
    }

    /**
     * Open signals waiting for the actor: a province or commune officer's in their unit; for the central office the
     * signals with no place (unknown codes, malformed input), which no province answers for. None for other roles.
     */
    public OpenSignals open(CurrentUser actor) {
        List<Object> params = new ArrayList<>();
        String scope;
        if (actor.role() == Role.PROVINCE_OFFICER || actor.role() == Role.COMMUNE_OFFICER) {
            scope = scope(actor, params);
        } else if (actor.role() == Role.CENTRAL_OFFICE) {
            scope = "g.province_code IS NULL";
        } else {
            return new OpenSignals(0, null);
        }
        return jdbc.sql("SELECT count(*), min(first_seen) FROM trace_signal g WHERE g.status = 'OPEN' AND " + scope)
                .params(params)
                .query((rs, n) -> new OpenSignals(rs.getLong(1), LotRows.instant(rs, "min")))
                .single();
    }

    /**
     * Reviews an open signal: {@link SignalStatus#DISMISSED} or {@link SignalStatus#CONFIRMED}, with a note (1–1000
     * characters). Officers with edit rights where the signal is; {@code TRC-018} when it was reviewed already.
     */
    @Transactional
    public SignalView review(long id, SignalStatus outcome, String note, CurrentUser actor) {
        SignalView signal = get(id, actor);
        if (!mayReview(signal, actor)) {
            throw OcopException.forbidden();
        }
        String text = note.strip();
        if (outcome == SignalStatus.OPEN || text.isEmpty() || text.length() > 1000) {
            throw new OcopException(CommonError.VALIDATION_FAILED);
        }
        int updated = jdbc.sql("""
                        UPDATE trace_signal SET status = ?, reviewed_by = ?, reviewed_at = ?, review_note = ?,
                               version = version + 1
                         WHERE id = ? AND status = 'OPEN'""")
                .params(outcome.name(), actor.username(), Timestamp.from(Instant.now(clock)), text, id)
                .update();
        if (updated != 1) {
            throw new OcopException(TraceabilityError.SIGNAL_ALREADY_REVIEWED, id);
        }
        events.publishEvent(
                new SignalReviewed(id, outcome, signal.communeCode(), signal.kind() + " " + outcome + ": " + text));
        return find(id);
    }

    /** Whether the actor may review the signal (officers with edit rights where it is; not producers). */
    public boolean mayReview(SignalView signal, CurrentUser actor) {
        return actor.role() != Role.PRODUCER && policy.permits(actor, Action.EDIT_RECORDS, location(signal));
    }

    private boolean mayView(SignalView signal, CurrentUser actor) {
        return policy.permits(actor, Action.VIEW_RECORDS, location(signal))
                || (signal.lotId() != null
                        && actor.producerId() != null
                        && policy.permitsOwnProducer(
                                actor,
                                jdbc.sql("SELECT producer_id FROM lot WHERE id = ?")
                                        .param(signal.lotId())
                                        .query(Long.class)
                                        .single()));
    }

    private static @Nullable String location(SignalView signal) {
        return signal.communeCode() != null ? signal.communeCode() : signal.provinceCode();
    }

    /** The SQL condition limiting signals to what the actor may see. */
    private String scope(CurrentUser actor, List<Object> params) {
        DataScope scope = policy.scopeFor(actor, Action.VIEW_RECORDS);
        switch (scope.kind()) {
            case ALL -> {
                return "true";
            }
            case PROVINCE -> {
                params.add(scope.provinceCode());
                return "g.province_code = ?";
            }
            case COMMUNE -> {
                params.add(scope.communeCode());
                return "g.commune_code = ?";
            }
            case PRODUCER -> {
                params.add(scope.producerIdOrNull());
                return "g.producer_id = ?";
            }
            default -> throw OcopException.forbidden();
        }
    }

    private SignalView find(long id) {
        return jdbc.sql(SELECT + " WHERE g.id = ?")
                .param(id)
                .query(Signals::view)
                .optional()
                .orElseThrow(() -> new OcopException(TraceabilityError.SIGNAL_NOT_FOUND, id));
    }

    private static SignalView view(ResultSet rs, int row) throws SQLException {
        String subject = rs.getString("subject");
        String lotNumber = rs.getString("lot_number");
        long lotId = rs.getLong("lot_id");
        boolean hasLot = !rs.wasNull();
        return new SignalView(
                rs.getLong("id"),
                SignalKind.valueOf(rs.getString("kind")),
                subjectLabel(subject, lotNumber, rs.getObject("batch_number", Integer.class)),
                hasLot ? lotId : null,
                lotNumber,
                rs.getString("product_name"),
                rs.getString("producer_name"),
                rs.getString("commune_code"),
                rs.getString("province_code"),
                rs.getInt("scans"),
                rs.getInt("provinces"),
                rs.getTimestamp("first_seen").toInstant(),
                rs.getTimestamp("last_seen").toInstant(),
                SignalStatus.valueOf(rs.getString("status")),
                rs.getString("reviewed_by"),
                LotRows.instant(rs, "reviewed_at"),
                rs.getString("review_note"),
                rs.getLong("version"));
    }

    private static String subjectLabel(String subject, @Nullable String lotNumber, @Nullable Integer batchNumber) {
        if (subject.startsWith("lot:")) {
            return lotNumber == null ? subject : lotNumber;
        }
        if (subject.startsWith("batch:")) {
            return (lotNumber == null ? "" : lotNumber + " / ") + "#" + (batchNumber == null ? "?" : batchNumber);
        }
        if (subject.startsWith("day:")) {
            return subject.substring(4);
        }
        return subject.matches("[0-9a-f]{20}") ? StampCode.fromHex(subject).grouped() : subject;
    }
}
