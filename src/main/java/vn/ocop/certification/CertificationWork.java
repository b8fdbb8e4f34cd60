package vn.ocop.certification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.ocop.identity.CurrentUser;
import vn.ocop.product.ProductRegistry;
import vn.ocop.product.ProductView;
import vn.ocop.workspace.WorkItem;
import vn.ocop.workspace.WorkQueue;

/**
 * What recognition waits for, per person: rated products to recognise and certify (province officers: 3–4★ of the
 * province; the central office: 5★, Art. 4.1); certificates expiring within 180 days (the officers who issued them);
 * and for a producer, its certificates in the re-evaluation window, from 180 to 120 days before expiry (Art. 7.6.a).
 */
@Component
@Transactional(readOnly = true)
class CertificationWork implements WorkQueue {

    /** Officers are told of expiring certificates this many days ahead (the first reminder, Art. 7.6.a). */
    static final int EXPIRING_DAYS = 180;

    /** A producer files its re-evaluation from 180 until 120 days before expiry (Art. 7.6.a). */
    static final int RENEW_FROM_DAYS = 180;

    static final int RENEW_UNTIL_DAYS = 120;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ProductRegistry products;

    CertificationWork(JdbcClient jdbc, Clock clock, ProductRegistry products) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.products = products;
    }

    @Override
    public List<WorkItem> itemsFor(CurrentUser user) {
        LocalDate today = LocalDate.now(clock);
        List<WorkItem> items = new ArrayList<>();
        switch (user.role()) {
            case PROVINCE_OFFICER -> {
                if (user.jurisdictionCode() != null) {
                    items.addAll(candidates("c.level = 'PROVINCE' AND c.province_code = ?", user.jurisdictionCode()));
                    items.addAll(expiring(today, "level = 'PROVINCE' AND province_code = ?", user.jurisdictionCode()));
                }
            }
            case CENTRAL_OFFICE -> {
                items.addAll(candidates("c.level = 'CENTRAL'"));
                items.addAll(expiring(today, "level = 'CENTRAL'"));
            }
            case PRODUCER -> {
                if (user.producerId() != null) {
                    items.addAll(toRenew(today, user.producerId()));
                }
            }
            default -> {}
        }
        return items;
    }

    private List<WorkItem> candidates(String where, Object... params) {
        record Row(long productId, int star, long roundId, Timestamp createdAt) {}
        List<Row> rows = jdbc.sql("SELECT c.product_id, c.star, c.round_id, c.created_at"
                        + " FROM certification_candidate c WHERE c.status = 'PENDING' AND " + where
                        + " ORDER BY c.created_at, c.dossier_id LIMIT 200")
                .params(List.of(params))
                .query((rs, n) -> new Row(
                        rs.getLong("product_id"),
                        rs.getInt("star"),
                        rs.getLong("round_id"),
                        rs.getTimestamp("created_at")))
                .list();
        // Names through the product module's API, for these rows only.
        Map<Long, ProductView> named =
                products.lookupAll(rows.stream().map(Row::productId).toList());
        return rows.stream()
                .map(row -> {
                    String name = named.containsKey(row.productId())
                            ? named.get(row.productId()).name()
                            : "#" + row.productId();
                    return new WorkItem(
                            "work.certificate.issue",
                            List.of(name, Integer.toString(row.star())),
                            name,
                            // The list of the round's products awaiting a decision: one decision usually covers them.
                            "/certification?round=" + row.roundId(),
                            row.createdAt().toInstant(),
                            null,
                            null);
                })
                .toList();
    }

    private List<WorkItem> expiring(LocalDate today, String where, Object... params) {
        List<Object> all = new ArrayList<>(List.of(today.plusDays(EXPIRING_DAYS)));
        all.addAll(List.of(params));
        return jdbc.sql("SELECT number, product_name, producer_name, expires_on, created_at FROM certificate"
                        + " WHERE status = 'VALID' AND expires_on <= ? AND " + where
                        + " ORDER BY expires_on, id LIMIT 200")
                .params(all)
                .query((rs, n) -> new WorkItem(
                        "work.certificate.expiring",
                        List.of(rs.getString("product_name"), rs.getString("number")),
                        rs.getString("product_name") + " — " + rs.getString("producer_name"),
                        "/certificates/" + rs.getString("number"),
                        expiryNotice(rs.getObject("expires_on", LocalDate.class), rs.getTimestamp("created_at")),
                        rs.getObject("expires_on", LocalDate.class),
                        null))
                .list();
    }

    private List<WorkItem> toRenew(LocalDate today, long producerId) {
        return jdbc.sql("""
                        SELECT number, product_name, expires_on, created_at FROM certificate
                         WHERE status = 'VALID' AND producer_id = ? AND expires_on BETWEEN ? AND ?
                         ORDER BY expires_on, id""")
                .params(producerId, today.plusDays(RENEW_UNTIL_DAYS), today.plusDays(RENEW_FROM_DAYS))
                .query((rs, n) -> {
                    LocalDate expires = rs.getObject("expires_on", LocalDate.class);
                    return new WorkItem(
                            "work.certificate.renew",
                            List.of(rs.getString("product_name"), rs.getString("number")),
                            rs.getString("product_name"),
                            "/evaluation",
                            expiryNotice(expires, rs.getTimestamp("created_at")),
                            expires.minusDays(RENEW_UNTIL_DAYS),
                            null);
                })
                .list();
    }

    /** When an expiry started to wait: the day it entered the 180-day notice (not before the certificate existed). */
    private static java.time.Instant expiryNotice(LocalDate expiresOn, Timestamp created) {
        java.time.Instant notice = expiresOn
                .minusDays(EXPIRING_DAYS)
                .atStartOfDay(vn.ocop.shared.OcopClock.VIETNAM)
                .toInstant();
        return notice.isBefore(created.toInstant()) ? created.toInstant() : notice;
    }
}
