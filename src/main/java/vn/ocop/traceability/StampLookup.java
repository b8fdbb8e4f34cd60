package vn.ocop.traceability;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.ocop.traceability.PublicTrace.BatchInfo;
import vn.ocop.traceability.PublicTrace.History;

/**
 * Looks stamps up for scans: each code's batch, its earlier scans, and the versions ({@code xmin}) of its lot's and its
 * product's rows, which tell whether the lot's public view kept in memory still applies. One statement looks up any
 * number of codes (the scan log's writer looks up a whole batch of scans at once), so a scan costs no round trip and
 * no statement of its own.
 */
final class StampLookup {

    /** A stamp's row: its batch, past scans, and the versions of its lot's and product's rows. */
    record StampRow(
            int batchId, BatchInfo batch, @Nullable History history, long lotId, String lotRow, String productRow) {}

    /**
     * The lookup, sent with the setting that makes PostgreSQL keep one plan for it. Planned for the array at hand, the
     * join of six relations cost more to plan (about 0.6 ms) than to run for a batch of scans, and with a plan made
     * for each array PostgreSQL never settles on the one it keeps. The three statements travel in one round trip and run
     * in one implicit transaction, so a failure undoes the setting too: the pooled connection never keeps it.
     */
    private static final String QUERY = """
            SET plan_cache_mode = force_generic_plan;
            SELECT i.ord, s.batch_id, b.number AS batch_number, b.status AS batch_status,
                   b.status_message AS batch_message, st.scans AS past_scans, st.first_at, l.id AS lot_id,
                   l.xmin::text AS lot_row, p.xmin::text AS product_row
              FROM unnest(?::bytea[]) WITH ORDINALITY AS i(code, ord)
              JOIN stamp s ON s.code = i.code
              JOIN stamp_batch b ON b.id = s.batch_id
              JOIN lot l ON l.id = b.lot_id
              JOIN trace_product p ON p.product_id = l.product_id
              LEFT JOIN stamp_scan_stats st ON st.code = s.code;
            RESET plan_cache_mode""";

    private StampLookup() {}

    /**
     * The stamps of these codes, in the same order; {@code null} where no stamp has the code. One round trip on the
     * connection, which must be in autocommit.
     */
    static List<@Nullable StampRow> find(Connection connection, List<byte[]> codes) throws SQLException {
        List<@Nullable StampRow> rows = new ArrayList<>(Collections.nCopies(codes.size(), null));
        if (codes.isEmpty()) {
            return rows;
        }
        try (PreparedStatement statement = connection.prepareStatement(QUERY)) {
            statement.setArray(1, connection.createArrayOf("bytea", codes.toArray(new byte[0][])));
            statement.execute();
            statement.getMoreResults(); // the SET's result comes first
            try (ResultSet rs = statement.getResultSet()) {
                while (rs.next()) {
                    rows.set(rs.getInt("ord") - 1, row(rs));
                }
            }
        }
        return rows;
    }

    private static StampRow row(ResultSet rs) throws SQLException {
        Timestamp first = rs.getTimestamp("first_at");
        return new StampRow(
                rs.getInt("batch_id"),
                new BatchInfo(
                        rs.getInt("batch_number"),
                        BatchStatus.valueOf(rs.getString("batch_status")),
                        rs.getString("batch_message")),
                first == null ? null : new History(rs.getInt("past_scans"), first.toInstant()),
                rs.getLong("lot_id"),
                rs.getString("lot_row"),
                rs.getString("product_row"));
    }
}
