package vn.ocop.traceability;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Writes a batch's stamps with PostgreSQL's binary COPY, in label order, inside the caller's transaction: a million
 * stamps in one statement. A code that already exists (one chance in about 10^11 for a million new codes among five
 * million) fails the COPY; the batch is then generated again from scratch, after a rollback to a savepoint.
 */
@Component
class StampStore {

    private static final Logger log = LoggerFactory.getLogger(StampStore.class);
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final int ATTEMPTS = 3;
    private static final int ROW_BYTES = 2 + 4 + 4 + 4 + 4 + 4 + StampCode.BYTES;

    private final DataSource dataSource;

    StampStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Generates and stores {@code count} stamps of the batch, numbered 1…count. */
    void insert(int batchId, int count) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            PGConnection pg = connection.unwrap(PGConnection.class);
            for (int attempt = 1; ; attempt++) {
                long started = System.nanoTime();
                byte[] codes = StampCodes.generate(count);
                long generated = System.nanoTime();
                Savepoint savepoint = connection.setSavepoint();
                try {
                    copy(pg, batchId, codes, count);
                    connection.releaseSavepoint(savepoint);
                    log.info(
                            "Stamp batch {}: {} codes generated in {} ms, stored in {} ms",
                            batchId,
                            count,
                            (generated - started) / 1_000_000,
                            (System.nanoTime() - generated) / 1_000_000);
                    return;
                } catch (SQLException e) {
                    connection.rollback(savepoint);
                    if (!"23505".equals(e.getSQLState()) || attempt == ATTEMPTS) {
                        throw e;
                    }
                    log.warn("Stamp batch {}: a new code already existed; generating the batch again", batchId);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("storing stamps of batch " + batchId + " failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static void copy(PGConnection pg, int batchId, byte[] codes, int count) throws SQLException {
        CopyIn copy = pg.getCopyAPI().copyIn("COPY stamp (batch_id, seq, code) FROM STDIN (FORMAT binary)");
        try {
            int perChunk = 4096;
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(perChunk * ROW_BYTES + 64);
            DataOutputStream out = new DataOutputStream(buffer);
            out.write(SIGNATURE);
            out.writeInt(0); // flags
            out.writeInt(0); // header extension length
            for (int i = 0; i < count; i++) {
                out.writeShort(3);
                out.writeInt(4);
                out.writeInt(batchId);
                out.writeInt(4);
                out.writeInt(i + 1);
                out.writeInt(StampCode.BYTES);
                out.write(codes, i * StampCode.BYTES, StampCode.BYTES);
                if (buffer.size() >= perChunk * ROW_BYTES) {
                    copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
                    buffer.reset();
                }
            }
            out.writeShort(-1); // trailer
            copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
            copy.endCopy();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }
}
