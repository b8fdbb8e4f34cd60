-- Staged import rows are stored a chunk at a time (docs/decisions/0007, docs/benchmarks.md): one row per 1,000
-- checked spreadsheet rows, their row numbers and their normalized content as a JSON array in the same order. Such a
-- value is large enough for PostgreSQL to compress it (TOAST), so a 20,000-row file stages about 1 MB instead of
-- 13 MB of 20,000 table rows. The chunks of a batch are dropped once it is applied, rejected or expired.
CREATE TABLE import_chunk (
    batch_id  uuid  NOT NULL REFERENCES import_batch (id) ON DELETE CASCADE,
    first_row int   NOT NULL,
    row_nos   int[] NOT NULL,
    data      json  NOT NULL,
    PRIMARY KEY (batch_id, first_row),
    CHECK (cardinality(row_nos) = json_array_length(data))
);

INSERT INTO import_chunk (batch_id, first_row, row_nos, data)
SELECT r.batch_id, min(r.row_no), array_agg(r.row_no ORDER BY r.row_no), json_agg(r.data ORDER BY r.row_no)
  FROM import_row r
  JOIN import_batch b ON b.id = r.batch_id
 WHERE b.status = 'STAGED'
 GROUP BY r.batch_id, r.row_no / 1000;

-- import_row now only says what applying a batch did to each row, written once when the batch is applied (an insert
-- of narrow rows instead of an update of wide ones).
DELETE FROM import_row r USING import_batch b WHERE b.id = r.batch_id AND b.status <> 'APPLIED';
ALTER TABLE import_row
    DROP COLUMN data,
    ALTER COLUMN producer_id SET NOT NULL,
    ALTER COLUMN outcome SET NOT NULL;
