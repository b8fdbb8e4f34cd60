-- Producers choose whether their phone and e-mail are shown on the public portal (never, unless they say so), and
-- producers sign up from the portal; the commune officer approves or refuses each request (issue #15).
ALTER TABLE producer
    ADD COLUMN publish_phone boolean NOT NULL DEFAULT false,
    ADD COLUMN publish_email boolean NOT NULL DEFAULT false;

CREATE TABLE producer_signup (
    id                   bigserial    PRIMARY KEY,
    -- The applicant's link to follow the request (random, 128 bits): no account exists before approval.
    token                varchar(40)  NOT NULL UNIQUE,
    status               varchar(20)  NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REFUSED')),
    legal_type           varchar(30)  NOT NULL CHECK (legal_type IN ('COOPERATIVE', 'COOPERATIVE_GROUP', 'ENTERPRISE',
                                                                     'HOUSEHOLD_BUSINESS', 'OTHER')),
    name                 varchar(300) NOT NULL,
    tax_code             varchar(13)  NOT NULL CHECK (tax_code ~ '^[0-9]{10}([0-9]{3})?$'),
    representative       varchar(200) NOT NULL,
    representative_title varchar(100),
    phone                varchar(30)  NOT NULL,
    email                varchar(254) NOT NULL,
    website              varchar(500),
    address              varchar(500) NOT NULL,
    commune_code         varchar(10)  NOT NULL,
    province_code        varchar(10)  NOT NULL,
    publish_phone        boolean      NOT NULL DEFAULT false,
    publish_email        boolean      NOT NULL DEFAULT false,
    -- The first account: its name and the hash of the password chosen at sign-up (dropped once decided).
    username             varchar(64)  NOT NULL,
    password_hash        varchar(255),
    created_at           timestamptz  NOT NULL,
    decided_at           timestamptz,
    decided_by           varchar(64),
    refusal_reason       varchar(1000),
    producer_id          bigint       REFERENCES producer (id),
    version              bigint       NOT NULL DEFAULT 0,
    CHECK ((status = 'REFUSED') = (refusal_reason IS NOT NULL)),
    CHECK ((status = 'APPROVED') = (producer_id IS NOT NULL))
);
-- One pending request per tax code and per user name; the commune's queue, oldest first.
CREATE UNIQUE INDEX producer_signup_pending_tax_code_ix ON producer_signup (tax_code) WHERE status = 'PENDING';
CREATE UNIQUE INDEX producer_signup_pending_username_ix ON producer_signup (username) WHERE status = 'PENDING';
CREATE INDEX producer_signup_commune_ix ON producer_signup (commune_code, created_at) WHERE status = 'PENDING';
CREATE INDEX producer_signup_province_ix ON producer_signup (province_code, created_at);
