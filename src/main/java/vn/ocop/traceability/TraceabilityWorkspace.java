package vn.ocop.traceability;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.ocop.identity.AccessPolicy;
import vn.ocop.identity.Action;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.DataScope;
import vn.ocop.identity.Role;
import vn.ocop.workspace.DashboardSection;
import vn.ocop.workspace.WorkItem;
import vn.ocop.workspace.WorkQueue;

/**
 * Traceability on each person's dashboard: open signals in the officer's unit as work, stamp batches a producer has
 * not activated yet as work, and a section with the lots, scans and signals of the person's scope and links to the
 * traceability pages.
 */
@Component
class TraceabilityWorkspace implements WorkQueue, DashboardSection {

    private final JdbcClient jdbc;
    private final Signals signals;
    private final AccessPolicy policy;
    private final Clock clock;

    TraceabilityWorkspace(JdbcClient jdbc, Signals signals, AccessPolicy policy, Clock clock) {
        this.jdbc = jdbc;
        this.signals = signals;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public List<WorkItem> itemsFor(CurrentUser user) {
        List<WorkItem> items = new ArrayList<>();
        Signals.OpenSignals open = signals.open(user);
        if (open.count() > 0 && open.oldest() != null) {
            items.add(new WorkItem(
                    "work.trace.signals",
                    List.of(Long.toString(open.count())),
                    "",
                    "/traceability/signals?status=OPEN",
                    open.oldest(),
                    null,
                    null));
        }
        if (user.role() == Role.PRODUCER && user.producerId() != null) {
            jdbc.sql("""
                            SELECT l.id, l.lot_number, p.product_name, count(*) AS batches, sum(b.quantity) AS stamps,
                                   min(b.created_at) AS since
                              FROM stamp_batch b JOIN lot l ON l.id = b.lot_id
                              JOIN trace_product p ON p.product_id = l.product_id
                             WHERE l.producer_id = ? AND b.status = 'CREATED' AND l.status <> 'RECALLED'
                             GROUP BY 1, 2, 3""").param(user.producerId()).query(rs -> {
                items.add(new WorkItem(
                        "work.trace.activate",
                        List.of(rs.getString("lot_number"), Long.toString(rs.getLong("stamps"))),
                        rs.getString("product_name"),
                        "/traceability/lots/" + rs.getLong("id"),
                        rs.getTimestamp("since").toInstant(),
                        null,
                        null));
            });
        }
        return items;
    }

    @Override
    public Optional<Section> sectionFor(CurrentUser user) {
        DataScope scope = policy.scopeFor(user, Action.VIEW_RECORDS);
        if (scope.kind() == DataScope.Kind.NONE) {
            return Optional.empty();
        }
        List<Object> params = new ArrayList<>();
        String where = switch (scope.kind()) {
            case PROVINCE -> {
                params.add(scope.provinceCode());
                yield " AND l.province_code = ?";
            }
            case COMMUNE -> {
                params.add(scope.communeCode());
                yield " AND l.commune_code = ?";
            }
            case PRODUCER -> {
                params.add(scope.producerIdOrNull());
                yield " AND l.producer_id = ?";
            }
            default -> "";
        };
        Map<String, Object> model = new HashMap<>();
        model.put(
                "lots",
                jdbc.sql("SELECT count(*) FROM lot l WHERE l.status <> 'RECALLED'" + where)
                        .params(params)
                        .query(Long.class)
                        .single());
        model.put(
                "activeStamps",
                jdbc.sql("""
                                SELECT coalesce(sum(b.quantity), 0) FROM stamp_batch b JOIN lot l ON l.id = b.lot_id
                                 WHERE b.status = 'ACTIVE' AND l.status = 'ACTIVE'""" + where).params(params).query(Long.class).single());
        List<Object> scanParams = new ArrayList<>();
        scanParams.add(LocalDate.now(clock).minusDays(6));
        scanParams.addAll(params);
        jdbc.sql("""
                        SELECT coalesce(sum(d.scans), 0), coalesce(sum(d.scans) FILTER (WHERE d.outcome <> 'GENUINE'), 0)
                          FROM scan_daily d LEFT JOIN lot l ON l.id = d.lot_id
                         WHERE d.day >= ?""" + (where.isEmpty() ? "" : where)).params(scanParams).query(rs -> {
            model.put("scans7", rs.getLong(1));
            model.put("problems7", rs.getLong(2));
        });
        boolean officer = user.role() != Role.PRODUCER;
        model.put("officer", officer);
        model.put("openSignals", officer ? signals.open(user).count() : 0L);
        model.put("mayRecord", user.role() == Role.PRODUCER || policy.allowsAction(user, Action.EDIT_RECORDS));
        model.put("updated", Instant.now(clock));
        return Optional.of(new Section(40, "traceability/dashboard", model));
    }
}
