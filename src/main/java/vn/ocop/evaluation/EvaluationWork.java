package vn.ocop.evaluation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.ocop.geography.AdminEdition;
import vn.ocop.geography.AdminUnit;
import vn.ocop.geography.AdminUnits;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.Role;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.product.ProductRegistry;
import vn.ocop.product.ProductView;
import vn.ocop.workspace.WorkItem;
import vn.ocop.workspace.WorkQueue;

/**
 * What the evaluation cycle waits for, per person (Decision 26/2026/QĐ-TTg Art. 5–7):
 *
 * <ul>
 *   <li>producer: rounds of its province taking dossiers it has not filed in, its drafts (due by the round's
 *       deadline), dossiers returned with the reason, its products being scored;
 *   <li>commune officer: dossiers waiting for the commune's check, due 15 working days after sending (Art. 7.2);
 *   <li>province officer: forwarded dossiers to put to a council, councils at work, 5★ candidates to propose;
 *   <li>council member: sheets to score and submit; the chair, evaluations ready to close;
 *   <li>central office: 5★ proposals to put to the central council, central councils at work.
 * </ul>
 */
@Component
@Transactional(readOnly = true)
class EvaluationWork implements WorkQueue {

    /** A dossier waiting, as read for the queue. */
    private record Waiting(
            long dossierId,
            long productId,
            long roundId,
            String roundName,
            String status,
            Instant since,
            @Nullable LocalDate deadline,
            @Nullable String note) {}

    private final JdbcClient jdbc;
    private final ProductRegistry products;
    private final ProducerRegistry producers;
    private final AdminUnits units;
    private final Clock clock;

    EvaluationWork(
            JdbcClient jdbc, ProductRegistry products, ProducerRegistry producers, AdminUnits units, Clock clock) {
        this.jdbc = jdbc;
        this.products = products;
        this.producers = producers;
        this.units = units;
        this.clock = clock;
    }

    @Override
    public List<WorkItem> itemsFor(CurrentUser user) {
        List<WorkItem> items = new ArrayList<>();
        for (Query query : queries(user)) {
            List<Waiting> waiting = query.run();
            Map<Long, ProductView> named =
                    products.lookupAll(waiting.stream().map(Waiting::productId).toList());
            for (Waiting w : waiting) {
                ProductView product = named.get(w.productId());
                String productName = product == null ? "#" + w.productId() : product.name();
                items.add(new WorkItem(
                        query.kind(),
                        List.of(productName, w.roundName()),
                        product == null ? productName : productName + " — " + product.producerName(),
                        query.link(w),
                        w.since(),
                        w.deadline(),
                        w.note()));
            }
        }
        items.addAll(openRounds(user));
        return items;
    }

    @Override
    public int countFor(CurrentUser user) {
        int count = 0;
        for (Query query : queries(user)) {
            count += query.count();
        }
        return count + openRounds(user).size();
    }

    /** One kind of waiting dossiers: how to list them, how to count them, where to act. */
    private record Query(String kind, String where, List<Object> params, boolean toScoresheet, JdbcClient jdbc) {

        private static final String FROM = " FROM dossier d JOIN evaluation_round r ON r.id = d.round_id WHERE ";

        List<Waiting> run() {
            return jdbc.sql("SELECT d.id, d.product_id, d.round_id, r.name, d.status,"
                            + " d.updated_at AS since, d.commune_deadline, r.ends_on,"
                            + " r.submission_deadline, d.return_reason"
                            + FROM + where + " ORDER BY since, d.id LIMIT 200")
                    .params(params)
                    .query((rs, n) -> {
                        String status = rs.getString("status");
                        LocalDate deadline = switch (status) {
                            case "SUBMITTED" -> rs.getObject("commune_deadline", LocalDate.class);
                            case "DRAFT", "RETURNED" -> rs.getObject("submission_deadline", LocalDate.class);
                            default -> rs.getObject("ends_on", LocalDate.class);
                        };
                        Timestamp since = rs.getTimestamp("since");
                        return new Waiting(
                                rs.getLong("id"),
                                rs.getLong("product_id"),
                                rs.getLong("round_id"),
                                rs.getString("name"),
                                status,
                                since.toInstant(),
                                deadline,
                                "RETURNED".equals(status) ? rs.getString("return_reason") : null);
                    })
                    .list();
        }

        int count() {
            return jdbc.sql("SELECT count(*) FROM (SELECT 1" + FROM + where + " LIMIT 200) x")
                    .params(params)
                    .query(Integer.class)
                    .single();
        }

        String link(Waiting w) {
            return "/evaluation/dossiers/" + w.dossierId() + (toScoresheet ? "/scoresheet" : "");
        }
    }

    private List<Query> queries(CurrentUser user) {
        List<Query> queries = new ArrayList<>();
        switch (user.role()) {
            case PRODUCER -> {
                if (user.producerId() != null) {
                    long producer = user.producerId();
                    queries.add(query("work.dossier.draft", "d.producer_id = ? AND d.status = 'DRAFT'", producer));
                    queries.add(
                            query("work.dossier.returned", "d.producer_id = ? AND d.status = 'RETURNED'", producer));
                    queries.add(query(
                            "work.dossier.beingScored",
                            "d.producer_id = ? AND d.status = 'UNDER_EVALUATION'",
                            producer));
                }
            }
            case COMMUNE_OFFICER -> {
                if (user.jurisdictionCode() != null) {
                    queries.add(query(
                            "work.dossier.check",
                            "d.status = 'SUBMITTED' AND d.commune_code = ?",
                            user.jurisdictionCode()));
                }
            }
            case PROVINCE_OFFICER -> {
                if (user.jurisdictionCode() != null) {
                    String province = user.jurisdictionCode();
                    queries.add(query(
                            "work.dossier.toCouncil",
                            "d.status = 'FORWARDED' AND r.level = 'PROVINCE' AND r.province_code = ?",
                            province));
                    queries.add(query(
                            "work.dossier.withCouncil",
                            "d.status = 'UNDER_EVALUATION' AND r.level = 'PROVINCE' AND r.province_code = ?",
                            province));
                    queries.add(query(
                            "work.dossier.propose",
                            "d.status = 'RATED' AND d.five_star_candidate AND r.level = 'PROVINCE'"
                                    + " AND r.province_code = ? AND NOT EXISTS (SELECT 1 FROM dossier p"
                                    + " WHERE p.proposed_from = d.id AND p.status <> 'WITHDRAWN')",
                            province));
                }
            }
            case COUNCIL_MEMBER -> {
                queries.add(scoring("work.sheet.score", user.id(), false));
                queries.add(scoring("work.dossier.close", user.id(), true));
            }
            case CENTRAL_OFFICE -> {
                queries.add(query("work.dossier.toCentralCouncil", "d.status = 'FORWARDED' AND r.level = 'CENTRAL'"));
                queries.add(query(
                        "work.dossier.withCentralCouncil", "d.status = 'UNDER_EVALUATION' AND r.level = 'CENTRAL'"));
            }
            default -> {}
        }
        if (user.role() == Role.PROVINCE_OFFICER || user.role() == Role.CENTRAL_OFFICE) {
            // Officers the decision seats on councils may also have sheets to score.
            queries.add(scoring("work.sheet.score", user.id(), false));
            queries.add(scoring("work.dossier.close", user.id(), true));
        }
        return queries;
    }

    private Query query(String kind, String where, Object... params) {
        return new Query(kind, where, List.of(params), false, jdbc);
    }

    /**
     * Sheets the member still has to score (seated, no conflict declared, own sheet not submitted); or, for the
     * chair, evaluations whose eligible sheets are all in.
     */
    private Query scoring(String kind, long userId, boolean chair) {
        String seated = "d.status = 'UNDER_EVALUATION' AND EXISTS (SELECT 1 FROM council_member m WHERE m.round_id ="
                + " d.round_id AND m.user_id = ?" + (chair ? " AND m.role = 'CHAIR'" : "") + ")"
                + " AND NOT EXISTS (SELECT 1 FROM conflict_declaration c WHERE c.dossier_id = d.id AND c.user_id = ?"
                + " AND c.conflicted)";
        String where = chair
                ? seated + " AND NOT EXISTS (SELECT 1 FROM council_member m WHERE m.round_id = d.round_id"
                        + " AND NOT EXISTS (SELECT 1 FROM conflict_declaration c WHERE c.dossier_id = d.id"
                        + " AND c.user_id = m.user_id AND c.conflicted)"
                        + " AND NOT EXISTS (SELECT 1 FROM scoresheet s WHERE s.dossier_id = d.id"
                        + " AND s.member_id = m.user_id AND s.status = 'SUBMITTED'))"
                : seated + " AND NOT EXISTS (SELECT 1 FROM scoresheet s WHERE s.dossier_id = d.id AND s.member_id = ?"
                        + " AND s.status = 'SUBMITTED')";
        return chair
                ? new Query(kind, where, List.of(userId, userId), false, jdbc)
                : new Query(kind, where, List.of(userId, userId, userId), true, jdbc);
    }

    /** A producer's province rounds taking dossiers, in which it has filed nothing yet. */
    private List<WorkItem> openRounds(CurrentUser user) {
        if (user.role() != Role.PRODUCER || user.producerId() == null) {
            return List.of();
        }
        String province = producers
                .lookup(user.producerId())
                .flatMap(p -> units.find(AdminEdition.CURRENT, p.communeCode()))
                .map(AdminUnit::provinceCode)
                .orElse(null);
        if (province == null) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        Set<Long> filed =
                new HashSet<>(jdbc.sql("SELECT round_id FROM dossier WHERE producer_id = ? AND status <> 'WITHDRAWN'")
                        .param(user.producerId())
                        .query(Long.class)
                        .list());
        return jdbc
                .sql("""
                        SELECT id, name, submission_deadline, created_at FROM evaluation_round
                         WHERE level = 'PROVINCE' AND province_code = ? AND status = 'OPEN' AND submission_deadline >= ?
                         ORDER BY submission_deadline, id""")
                .params(province, today)
                .query((rs, n) -> new Object[] {
                    rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getTimestamp(4)
                })
                .list()
                .stream()
                .filter(r -> !filed.contains((Long) r[0]))
                .map(r -> new WorkItem(
                        "work.round.file",
                        List.of((String) r[1]),
                        (String) r[1],
                        "/evaluation/rounds/" + r[0] + "/file",
                        ((Timestamp) r[3]).toInstant(),
                        (LocalDate) r[2],
                        null))
                .toList();
    }
}
