-- Spreadsheet imports of the producer/product registry, staged in the database between upload and confirmation so
-- that any app node can show the report and apply the batch (no state in a node's memory between requests).

-- One uploaded file. A batch is applied at most once (status moves STAGED -> APPLIED under a row lock).
CREATE TABLE import_batch (
    id                  uuid         PRIMARY KEY,
    created_by          bigint       NOT NULL,        -- app_user id of the officer who uploaded it
    created_by_name     varchar(64)  NOT NULL,
    jurisdiction        varchar(10),                  -- the officer's unit at upload time; NULL = nationwide
    file_name           varchar(255) NOT NULL,
    file_format         varchar(10)  NOT NULL CHECK (file_format IN ('XLSX', 'CSV')),
    size_bytes          bigint       NOT NULL CHECK (size_bytes >= 0),
    sha256              char(64)     NOT NULL,
    -- STAGED: checked, no errors, waiting for confirmation; REJECTED: has errors, can never be applied;
    -- APPLIED: written to the registry; EXPIRED: not confirmed in time.
    status              varchar(20)  NOT NULL CHECK (status IN ('STAGED', 'APPLIED', 'REJECTED', 'EXPIRED')),
    total_rows          int          NOT NULL DEFAULT 0,
    valid_rows          int          NOT NULL DEFAULT 0,
    error_count         int          NOT NULL DEFAULT 0,
    warning_count       int          NOT NULL DEFAULT 0,
    legacy_mapped_rows  int          NOT NULL DEFAULT 0,
    producers_created   int,
    producers_updated   int,
    producers_unchanged int,
    products_created    int,
    products_updated    int,
    products_unchanged  int,
    created_at          timestamptz  NOT NULL DEFAULT now(),
    applied_at          timestamptz,
    applied_by          varchar(64)
);
CREATE INDEX import_batch_user_ix ON import_batch (created_by, created_at DESC);
CREATE INDEX import_batch_staged_ix ON import_batch (created_at) WHERE status = 'STAGED';

-- The checked, normalized content of each data row (row_no = the spreadsheet row number, header = 1); after the
-- batch is applied, what happened to the row's producer and product.
CREATE TABLE import_row (
    batch_id    uuid        NOT NULL REFERENCES import_batch (id) ON DELETE CASCADE,
    row_no      int         NOT NULL,
    data        jsonb       NOT NULL,
    producer_id bigint,
    product_id  bigint,
    outcome     varchar(20) CHECK (outcome IN ('CREATED', 'UPDATED', 'UNCHANGED')),
    PRIMARY KEY (batch_id, row_no)
);

-- Problems found in the file: row number (NULL for the whole file), the column's header, a message key of the
-- bundles with its arguments (rendered in the reader's language), and whether it blocks the import.
CREATE TABLE import_issue (
    id          bigserial    PRIMARY KEY,
    batch_id    uuid         NOT NULL REFERENCES import_batch (id) ON DELETE CASCADE,
    row_no      int,
    column_name varchar(200),
    message_key varchar(100) NOT NULL,
    arguments   text[]       NOT NULL DEFAULT '{}',
    severity    varchar(10)  NOT NULL CHECK (severity IN ('ERROR', 'WARNING'))
);
CREATE INDEX import_issue_batch_ix ON import_issue (batch_id, severity, row_no, id);
