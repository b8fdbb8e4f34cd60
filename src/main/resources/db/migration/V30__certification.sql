-- Recognition decisions and OCOP certificates (Decision 26/2026/QĐ-TTg Art. 4, 8). Certificate numbers are public,
-- random-looking codes (not sequential: they must not be enumerable); ids stay internal.

-- Rated products waiting for a decision: filled from ProductRated events.
CREATE TABLE certification_candidate (
    dossier_id    bigint        PRIMARY KEY,
    product_id    bigint        NOT NULL REFERENCES product (id),
    producer_id   bigint        NOT NULL REFERENCES producer (id),
    round_id      bigint        NOT NULL,
    level         varchar(20)   NOT NULL CHECK (level IN ('PROVINCE', 'CENTRAL')),
    star          int           NOT NULL CHECK (star BETWEEN 1 AND 5),
    total         numeric(7, 3) NOT NULL,
    commune_code  varchar(10)   NOT NULL,
    province_code varchar(10)   NOT NULL,
    kind          varchar(20)   NOT NULL DEFAULT 'NEW',
    status        varchar(20)   NOT NULL CHECK (status IN ('PENDING', 'ISSUED', 'NOT_ELIGIBLE')),
    created_at    timestamptz   NOT NULL DEFAULT now()
);

CREATE TABLE recognition_decision (
    id             bigserial    PRIMARY KEY,
    number         varchar(60)  NOT NULL,
    decided_on     date         NOT NULL,
    level          varchar(20)  NOT NULL CHECK (level IN ('PROVINCE', 'CENTRAL')),
    authority      varchar(300) NOT NULL,
    province_code  varchar(10),
    created_by     varchar(64)  NOT NULL,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (number, level, province_code)
);

CREATE TABLE certificate (
    id                     bigserial    PRIMARY KEY,
    number                 varchar(30)  NOT NULL UNIQUE,
    decision_id            bigint       NOT NULL REFERENCES recognition_decision (id),
    product_id             bigint       NOT NULL REFERENCES product (id),
    producer_id            bigint       NOT NULL REFERENCES producer (id),
    dossier_id             bigint,
    kind                   varchar(20)  NOT NULL CHECK (kind IN ('NEW', 'UPGRADE', 'REEVALUATION')),
    star                   int          NOT NULL CHECK (star BETWEEN 3 AND 5),
    level                  varchar(20)  NOT NULL CHECK (level IN ('PROVINCE', 'CENTRAL')),
    product_name           varchar(300) NOT NULL,
    producer_name          varchar(300) NOT NULL,
    ocop_code              varchar(40)  NOT NULL,
    commune_code           varchar(10)  NOT NULL,
    province_code          varchar(10)  NOT NULL,
    issued_on              date         NOT NULL,
    expires_on             date         NOT NULL,
    status                 varchar(20)  NOT NULL CHECK (status IN ('VALID', 'SUSPENDED', 'REVOKED', 'EXPIRED', 'SUPERSEDED')),
    signature              varchar(200) NOT NULL,
    revocation_ground      varchar(40),
    revocation_decision    varchar(60),
    revoked_on             date,
    previous_certificate_id bigint      REFERENCES certificate (id),
    created_at             timestamptz  NOT NULL DEFAULT now(),
    version                bigint       NOT NULL DEFAULT 0,
    CHECK (expires_on > issued_on),
    CHECK ((level = 'CENTRAL') = (star = 5))
);
CREATE INDEX certificate_product_ix ON certificate (product_id);
CREATE INDEX certificate_expiry_ix ON certificate (expires_on) WHERE status = 'VALID';

CREATE TABLE certificate_event (
    id             bigserial   PRIMARY KEY,
    certificate_id bigint      NOT NULL REFERENCES certificate (id),
    type           varchar(20) NOT NULL,
    at             timestamptz NOT NULL DEFAULT now(),
    note           text
);
CREATE INDEX certificate_event_ix ON certificate_event (certificate_id, at);

-- The Ed25519 key that signs certificates; created once and shared by every app node.
CREATE TABLE signing_key (
    name        varchar(50)  PRIMARY KEY,
    private_key text         NOT NULL,
    public_key  text         NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now()
);
