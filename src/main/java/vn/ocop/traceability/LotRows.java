package vn.ocop.traceability;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;
import vn.ocop.shared.OcopClock;
import vn.ocop.traceability.LotCommands.Unit;

/** Rows of the lot tables as views. */
final class LotRows {

    /** Lots with their product's and producer's names (from the read model). */
    static final String SELECT_LOT = """
            SELECT l.*, p.product_name, p.producer_name
              FROM lot l JOIN trace_product p ON p.product_id = l.product_id""";

    private LotRows() {}

    static LotView lot(ResultSet rs, int row) throws SQLException {
        String unit = rs.getString("unit");
        return new LotView(
                rs.getLong("id"),
                rs.getString("public_key"),
                rs.getLong("product_id"),
                rs.getString("product_name"),
                rs.getLong("producer_id"),
                rs.getString("producer_name"),
                rs.getString("commune_code"),
                rs.getString("province_code"),
                rs.getString("lot_number"),
                rs.getString("gtin"),
                rs.getObject("production_date", LocalDate.class),
                rs.getObject("best_before", LocalDate.class),
                rs.getBigDecimal("quantity"),
                unit == null ? null : Unit.valueOf(unit),
                rs.getString("raw_material_area"),
                rs.getString("certificate_number"),
                LotStatus.valueOf(rs.getString("status")),
                rs.getString("status_message"),
                instant(rs, "status_changed_at"),
                rs.getBoolean("status_by_officer"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getLong("version"));
    }

    static LotView.Event event(ResultSet rs, int row) throws SQLException {
        String unit = rs.getString("unit");
        return new LotView.Event(
                rs.getLong("id"),
                rs.getString("event_uuid"),
                LotEventType.valueOf(rs.getString("type")),
                OffsetDateTime.ofInstant(rs.getTimestamp("occurred_at").toInstant(), OcopClock.VIETNAM),
                rs.getString("place"),
                rs.getString("place_commune_code"),
                rs.getString("party"),
                rs.getString("what"),
                rs.getBigDecimal("quantity"),
                unit == null ? null : Unit.valueOf(unit),
                rs.getString("note"),
                rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant(),
                instant(rs, "withdrawn_at"),
                rs.getString("withdrawn_by"),
                rs.getString("withdrawal_reason"));
    }

    static LotView.Batch batch(ResultSet rs, int row) throws SQLException {
        return new LotView.Batch(
                rs.getLong("id"),
                rs.getLong("lot_id"),
                rs.getInt("number"),
                rs.getInt("quantity"),
                BatchStatus.valueOf(rs.getString("status")),
                rs.getString("status_message"),
                instant(rs, "status_changed_at"),
                rs.getBoolean("status_by_officer"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getLong("version"));
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
