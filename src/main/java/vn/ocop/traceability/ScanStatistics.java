package vn.ocop.traceability;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ocop.identity.AccessPolicy;
import vn.ocop.identity.Action;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.DataScope;
import vn.ocop.shared.OcopException;

/**
 * Scan statistics from the daily counts the signal job keeps (a few minutes behind the log): for officers, the scans
 * of lots in their jurisdiction (nationwide roles also see scans of unknown codes); for a producer, its own lots'.
 */
@Service
@Transactional(readOnly = true)
public class ScanStatistics {

    /**
     * Scans over the last {@code days} days up to {@code to}.
     *
     * @param byOutcome scans per {@link ScanOutcome}
     * @param byDay scans per day, oldest first, every day of the period
     * @param byScannerProvince located scans per province where the scanner was (only browsers that shared a place)
     * @param topLots the most scanned lots
     */
    public record Statistics(
            LocalDate from,
            LocalDate to,
            long total,
            long genuine,
            Map<ScanOutcome, Long> byOutcome,
            List<DayCount> byDay,
            Map<String, Long> byScannerProvince,
            List<LotCount> topLots) {

        /** Scans that found a problem (all but genuine). */
        public long problems() {
            return total - genuine;
        }

        /** The largest daily count, for bar widths. */
        public long busiestDay() {
            return byDay.stream().mapToLong(DayCount::scans).max().orElse(0);
        }
    }

    public record DayCount(LocalDate day, long scans) {}

    public record LotCount(long lotId, String lotNumber, String productName, long scans) {}

    private final JdbcClient jdbc;
    private final AccessPolicy policy;
    private final Clock clock;

    ScanStatistics(JdbcClient jdbc, AccessPolicy policy, Clock clock) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Statistics of the last {@code days} days (1–366) within what the actor may see, optionally of one lot (which
     * the caller has authorized).
     */
    public Statistics of(int days, @Nullable Long lotId, CurrentUser actor) {
        int span = Math.max(1, Math.min(days, 366));
        LocalDate to = LocalDate.now(clock);
        LocalDate from = to.minusDays(span - 1L);
        List<Object> params = new ArrayList<>();
        params.add(from);
        String where = " WHERE d.day >= ?" + scope(actor, params);
        if (lotId != null) {
            where += " AND d.lot_id = ?";
            params.add(lotId);
        }
        String from_ = " FROM scan_daily d LEFT JOIN lot l ON l.id = d.lot_id";
        Map<ScanOutcome, Long> byOutcome = new LinkedHashMap<>();
        jdbc.sql("SELECT d.outcome, sum(d.scans)" + from_ + where + " GROUP BY 1 ORDER BY 2 DESC")
                .params(params)
                .query(rs -> {
                    byOutcome.put(ScanOutcome.valueOf(rs.getString(1)), rs.getLong(2));
                });
        Map<LocalDate, Long> perDay = new LinkedHashMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            perDay.put(d, 0L);
        }
        jdbc.sql("SELECT d.day, sum(d.scans)" + from_ + where + " GROUP BY 1")
                .params(params)
                .query(rs -> {
                    perDay.put(rs.getObject(1, LocalDate.class), rs.getLong(2));
                });
        Map<String, Long> byProvince = new LinkedHashMap<>();
        jdbc.sql("SELECT d.scanner_province, sum(d.scans)" + from_ + where
                        + " AND d.scanner_province <> '' GROUP BY 1 ORDER BY 2 DESC")
                .params(params)
                .query(rs -> {
                    byProvince.put(rs.getString(1), rs.getLong(2));
                });
        List<LotCount> top = jdbc.sql("SELECT l.id, l.lot_number, p.product_name, sum(d.scans)" + from_
                        + " JOIN trace_product p ON p.product_id = l.product_id" + where
                        + " GROUP BY 1, 2, 3 ORDER BY 4 DESC, 1 LIMIT 10")
                .params(params)
                .query((rs, n) -> new LotCount(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list();
        long total = byOutcome.values().stream().mapToLong(Long::longValue).sum();
        List<DayCount> byDay = perDay.entrySet().stream()
                .map(e -> new DayCount(e.getKey(), e.getValue()))
                .toList();
        return new Statistics(
                from, to, total, byOutcome.getOrDefault(ScanOutcome.GENUINE, 0L), byOutcome, byDay, byProvince, top);
    }

    private String scope(CurrentUser actor, List<Object> params) {
        DataScope scope = policy.scopeFor(actor, Action.VIEW_RECORDS);
        switch (scope.kind()) {
            case ALL -> {
                return "";
            }
            case PROVINCE -> {
                params.add(scope.provinceCode());
                return " AND l.province_code = ?";
            }
            case COMMUNE -> {
                params.add(scope.communeCode());
                return " AND l.commune_code = ?";
            }
            case PRODUCER -> {
                params.add(scope.producerIdOrNull());
                return " AND l.producer_id = ?";
            }
            default -> throw OcopException.forbidden();
        }
    }
}
