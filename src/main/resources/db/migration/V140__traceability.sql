-- Traceability (issue #16): production lots of certified products and their critical tracking events (TCVN
-- 12850:2019 / GS1 key data elements), stamp batches with random public codes, the public scan log, and the signals
-- officers review. Products, producers and certificates are read through their modules' APIs; trace_product is this
-- module's read model of what a scan shows of them (decision 0025).

-- What a scan shows of a product, kept current from the product, producer and certification modules' APIs whenever
-- they announce a change (in the changing transaction) and when a lot is recorded. cert_* is the product's newest
-- platform certificate (cert_source PLATFORM) or, for a certificate issued before the platform, the product's imported
-- rating (IMPORTED); NONE when it has neither.
CREATE TABLE trace_product (
    product_id      bigint       PRIMARY KEY,
    producer_id     bigint       NOT NULL,
    product_name    varchar(300) NOT NULL,
    producer_name   varchar(300) NOT NULL,
    commune_code    varchar(10)  NOT NULL,
    province_code   varchar(10)  NOT NULL,
    ocop_code       varchar(40),
    links           jsonb        NOT NULL DEFAULT '[]',
    cert_source     varchar(10)  NOT NULL CHECK (cert_source IN ('PLATFORM', 'IMPORTED', 'NONE')),
    cert_number     varchar(60),
    cert_star       int          CHECK (cert_star BETWEEN 1 AND 5),
    cert_level      varchar(20),
    cert_status     varchar(20)  CHECK (cert_status IN ('VALID', 'SUSPENDED', 'REVOKED', 'EXPIRED', 'SUPERSEDED')),
    cert_issued_on  date,
    cert_expires_on date,
    cert_revoked_on date,
    refreshed_at    timestamptz  NOT NULL
);

-- A GTIN names one trade item: the first product to use it keeps it.
CREATE TABLE trace_gtin (
    gtin        char(14)    PRIMARY KEY,
    product_id  bigint      NOT NULL,
    assigned_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE lot (
    id                 bigserial     PRIMARY KEY,
    public_key         varchar(20)   NOT NULL UNIQUE,
    product_id         bigint        NOT NULL,
    producer_id        bigint        NOT NULL,
    commune_code       varchar(10)   NOT NULL,
    province_code      varchar(10)   NOT NULL,
    lot_number         varchar(20)   NOT NULL CHECK (lot_number ~ '^[A-Za-z0-9._-]{1,20}$'),
    gtin               char(14)      REFERENCES trace_gtin (gtin),
    production_date    date          NOT NULL,
    best_before        date,
    quantity           numeric(14, 3) CHECK (quantity > 0),
    unit               varchar(3),
    raw_material_area  varchar(1000),
    certificate_number varchar(60),
    status             varchar(20)   NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'SUSPENDED', 'RECALLED')),
    status_message     varchar(1000),
    status_changed_at  timestamptz,
    status_by_officer  boolean       NOT NULL DEFAULT false,
    created_by         varchar(64)   NOT NULL,
    created_at         timestamptz   NOT NULL DEFAULT now(),
    version            bigint        NOT NULL DEFAULT 0,
    UNIQUE (product_id, lot_number),
    CHECK (best_before IS NULL OR best_before >= production_date),
    CHECK ((quantity IS NULL) = (unit IS NULL))
);
CREATE INDEX lot_province_ix ON lot (province_code, created_at DESC);
CREATE INDEX lot_commune_ix ON lot (commune_code, created_at DESC);
CREATE INDEX lot_producer_ix ON lot (producer_id, created_at DESC);
CREATE INDEX lot_product_ix ON lot (product_id, created_at DESC);
CREATE UNIQUE INDEX lot_gtin_ix ON lot (gtin, lot_number) WHERE gtin IS NOT NULL;

-- Critical tracking events of a lot: what happened (type, what), when, where, who. Never edited: a wrong entry is
-- withdrawn with a reason (EPCIS errorDeclaration) and a corrected one recorded.
CREATE TABLE lot_event (
    id                 bigserial      PRIMARY KEY,
    lot_id             bigint         NOT NULL REFERENCES lot (id),
    event_uuid         uuid           NOT NULL UNIQUE,
    type               varchar(20)    NOT NULL CHECK (type IN ('RECEIVED', 'PROCESSED', 'PACKED', 'INSPECTED', 'STORED', 'SHIPPED')),
    occurred_at        timestamptz    NOT NULL,
    place              varchar(300)   NOT NULL,
    place_commune_code varchar(10),
    party              varchar(300)   NOT NULL,
    what               varchar(1000)  NOT NULL,
    quantity           numeric(14, 3) CHECK (quantity > 0),
    unit               varchar(3),
    note               varchar(1000),
    recorded_by        varchar(64)    NOT NULL,
    recorded_at        timestamptz    NOT NULL DEFAULT now(),
    withdrawn_at       timestamptz,
    withdrawn_by       varchar(64),
    withdrawal_reason  varchar(500),
    CHECK ((quantity IS NULL) = (unit IS NULL))
);
CREATE INDEX lot_event_lot_ix ON lot_event (lot_id, occurred_at);

CREATE TABLE stamp_batch (
    id                serial        PRIMARY KEY,
    lot_id            bigint        NOT NULL REFERENCES lot (id),
    number            int           NOT NULL,
    quantity          int           NOT NULL CHECK (quantity > 0),
    status            varchar(20)   NOT NULL DEFAULT 'CREATED' CHECK (status IN ('CREATED', 'ACTIVE', 'SUSPENDED', 'RECALLED')),
    status_message    varchar(1000),
    status_changed_at timestamptz,
    status_by_officer boolean       NOT NULL DEFAULT false,
    created_by        varchar(64)   NOT NULL,
    created_at        timestamptz   NOT NULL DEFAULT now(),
    version           bigint        NOT NULL DEFAULT 0,
    UNIQUE (lot_id, number)
);

-- One row per stamp, 5 million and more: the 80-bit code as 10 bytes (the key a scan looks up), the batch and the
-- label's position in it. Written with COPY in position order, so a BRIN index finds a batch's labels in a few pages
-- without a second B-tree over every stamp. No foreign key: stamps are only ever written with their batch, in its
-- transaction, and a per-row key check would double the cost of writing a million of them.
CREATE TABLE stamp (
    batch_id int   NOT NULL,
    seq      int   NOT NULL,
    code     bytea NOT NULL PRIMARY KEY CHECK (length(code) = 10)
) WITH (fillfactor = 100);
CREATE INDEX stamp_batch_brin ON stamp USING brin (batch_id, seq) WITH (pages_per_range = 16);

-- The scan log: one row per scan of the public page, the public API or a failed resolution. No personal data: no IP
-- address, no cookie, the browser family only, and a coarse location (0.1°, about 11 km, and the province) only when
-- the visitor's browser shares one. Ids come from the sequence in batches (group commit, see ScanLog).
CREATE SEQUENCE scan_id_seq AS bigint;
CREATE TABLE scan (
    id            bigint       PRIMARY KEY,
    scanned_at    timestamptz  NOT NULL,
    recorded_at   timestamptz  NOT NULL DEFAULT now(),
    code          bytea,
    lot_id        bigint,
    batch_id      int,
    outcome       varchar(20)  NOT NULL,
    channel       varchar(10)  NOT NULL CHECK (channel IN ('PAGE', 'API', 'RESOLVER')),
    ua_family     varchar(20)  NOT NULL,
    province_code varchar(10),
    lat           numeric(4, 1),
    lon           numeric(5, 1),
    input         varchar(40)
);
CREATE INDEX scan_time_brin ON scan USING brin (scanned_at);
CREATE INDEX scan_lot_ix ON scan (lot_id, scanned_at) WHERE lot_id IS NOT NULL;

-- Aggregates the signal job keeps from the scan log (ScanSignals): per stamp, per lot and per day.
CREATE TABLE stamp_scan_stats (
    code      bytea       PRIMARY KEY,
    lot_id    bigint      NOT NULL,
    scans     int         NOT NULL,
    first_at  timestamptz NOT NULL,
    last_at   timestamptz NOT NULL,
    provinces text[]      NOT NULL DEFAULT '{}'
);
CREATE INDEX stamp_scan_stats_lot_ix ON stamp_scan_stats (lot_id);

CREATE TABLE lot_scan_stats (
    lot_id  bigint      PRIMARY KEY,
    scans   bigint      NOT NULL,
    stamps  int         NOT NULL,
    last_at timestamptz NOT NULL
);

-- Scans per day, lot (0: no lot known), the scanner's province ('' unknown) and outcome, for statistics pages.
CREATE TABLE scan_daily (
    day              date        NOT NULL,
    lot_id           bigint      NOT NULL,
    scanner_province varchar(10) NOT NULL,
    outcome          varchar(20) NOT NULL,
    scans            int         NOT NULL,
    PRIMARY KEY (day, lot_id, scanner_province, outcome)
);
CREATE INDEX scan_daily_lot_ix ON scan_daily (lot_id, day);

-- How far the signal job has read the scan log; its row is locked by the job's transaction, so two nodes never
-- count the same scans twice.
CREATE TABLE trace_watermark (
    name    varchar(40) PRIMARY KEY,
    last_id bigint      NOT NULL
);
INSERT INTO trace_watermark (name, last_id) VALUES ('signals', 0);

-- Counterfeit and safety signals, one per (kind, subject), updated as scans come in; officers review them.
CREATE TABLE trace_signal (
    id            bigserial    PRIMARY KEY,
    kind          varchar(30)  NOT NULL,
    subject       varchar(80)  NOT NULL,
    lot_id        bigint,
    product_id    bigint,
    producer_id   bigint,
    commune_code  varchar(10),
    province_code varchar(10),
    scans         int          NOT NULL,
    provinces     int          NOT NULL DEFAULT 0,
    first_seen    timestamptz  NOT NULL,
    last_seen     timestamptz  NOT NULL,
    status        varchar(20)  NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'DISMISSED', 'CONFIRMED')),
    reviewed_by   varchar(64),
    reviewed_at   timestamptz,
    review_note   varchar(1000),
    created_at    timestamptz  NOT NULL DEFAULT now(),
    version       bigint       NOT NULL DEFAULT 0,
    UNIQUE (kind, subject)
);
CREATE INDEX trace_signal_province_ix ON trace_signal (province_code, status, first_seen);
CREATE INDEX trace_signal_lot_ix ON trace_signal (lot_id) WHERE lot_id IS NOT NULL;
