-- Evaluation rounds, dossiers and their workflow, councils and scoresheets (Decision 26/2026/QĐ-TTg, Art. 5–7).
CREATE TABLE evaluation_round (
    id                  bigserial    PRIMARY KEY,
    name                varchar(300) NOT NULL,
    level               varchar(20)  NOT NULL CHECK (level IN ('PROVINCE', 'CENTRAL')),
    province_code       varchar(10),
    year                int          NOT NULL CHECK (year BETWEEN 2018 AND 2100),
    criteria_version    varchar(20)  NOT NULL REFERENCES criteria_version (code),
    submission_deadline date         NOT NULL,
    ends_on             date         NOT NULL,
    status              varchar(20)  NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    created_by          varchar(64)  NOT NULL,
    created_at          timestamptz  NOT NULL DEFAULT now(),
    version             bigint       NOT NULL DEFAULT 0,
    CHECK ((level = 'PROVINCE') = (province_code IS NOT NULL)),
    CHECK (ends_on >= submission_deadline)
);

CREATE TABLE council_member (
    round_id     bigint       NOT NULL REFERENCES evaluation_round (id),
    user_id      bigint       NOT NULL REFERENCES app_user (id),
    display_name varchar(200) NOT NULL,
    role         varchar(20)  NOT NULL CHECK (role IN ('CHAIR', 'MEMBER')),
    PRIMARY KEY (round_id, user_id)
);
CREATE UNIQUE INDEX council_one_chair ON council_member (round_id) WHERE role = 'CHAIR';

CREATE TABLE dossier (
    id                  bigserial    PRIMARY KEY,
    round_id            bigint       NOT NULL REFERENCES evaluation_round (id),
    product_id          bigint       NOT NULL REFERENCES product (id),
    producer_id         bigint       NOT NULL REFERENCES producer (id),
    commune_code        varchar(10)  NOT NULL,
    province_code       varchar(10)  NOT NULL,
    criteria_version    varchar(20)  NOT NULL,
    set_no              int          NOT NULL,
    kind                varchar(20)  NOT NULL CHECK (kind IN ('FIRST', 'UPGRADE', 'REEVALUATION')),
    status              varchar(30)  NOT NULL,
    self_assessment     jsonb        NOT NULL DEFAULT '{}',
    submitted_at        timestamptz,
    commune_deadline    date,
    commune_review      jsonb,
    return_reason       text,
    knockout_reason     text,
    result_total        numeric(7, 3),
    result_star         int,
    result_detail       jsonb,
    five_star_candidate boolean      NOT NULL DEFAULT false,
    created_at          timestamptz  NOT NULL DEFAULT now(),
    updated_at          timestamptz  NOT NULL DEFAULT now(),
    version             bigint       NOT NULL DEFAULT 0,
    FOREIGN KEY (criteria_version, set_no) REFERENCES criteria_set (version, set_no)
);
CREATE INDEX dossier_round_ix ON dossier (round_id);
CREATE INDEX dossier_commune_ix ON dossier (commune_code);
-- One open dossier per product and round.
CREATE UNIQUE INDEX dossier_product_round_ix ON dossier (round_id, product_id) WHERE status <> 'WITHDRAWN';

CREATE TABLE dossier_transition (
    id         bigserial   PRIMARY KEY,
    dossier_id bigint      NOT NULL REFERENCES dossier (id),
    from_status varchar(30),
    to_status  varchar(30) NOT NULL,
    actor      varchar(64) NOT NULL,
    at         timestamptz NOT NULL DEFAULT now(),
    note       text
);
CREATE INDEX dossier_transition_ix ON dossier_transition (dossier_id, at);

CREATE TABLE conflict_declaration (
    dossier_id  bigint      NOT NULL REFERENCES dossier (id),
    user_id     bigint      NOT NULL REFERENCES app_user (id),
    conflicted  boolean     NOT NULL,
    note        text,
    declared_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (dossier_id, user_id)
);

CREATE TABLE scoresheet (
    id           bigserial     PRIMARY KEY,
    dossier_id   bigint        NOT NULL REFERENCES dossier (id),
    member_id    bigint        NOT NULL REFERENCES app_user (id),
    choices      jsonb         NOT NULL DEFAULT '{}',
    total        numeric(7, 3) NOT NULL DEFAULT 0,
    status       varchar(20)   NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED')),
    submitted_at timestamptz,
    version      bigint        NOT NULL DEFAULT 0,
    UNIQUE (dossier_id, member_id)
);
