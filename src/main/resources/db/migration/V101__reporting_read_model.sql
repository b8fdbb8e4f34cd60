-- Reporting's read model (issue #14): its own tables, fed by the events of the producer, product, certification and
-- evaluation modules and filled once from their published APIs when first created. No foreign keys to other
-- modules' tables: events arrive after commit and in any order, so a row may briefly name something not yet here.

-- Producers: what the figures group by (legal type, place, programme flags).
CREATE TABLE report_producer (
    id                   bigint       PRIMARY KEY,
    name                 varchar(300) NOT NULL,
    legal_type           varchar(30)  NOT NULL,
    commune_code         varchar(10)  NOT NULL,
    province_code        varchar(10)  NOT NULL,
    sme                  boolean      NOT NULL,
    craft_village        boolean      NOT NULL,
    craft_village_name   varchar(200),
    women_led            boolean      NOT NULL,
    ethnic_minority_area boolean      NOT NULL,
    status               varchar(20)  NOT NULL,
    -- A craft village counted once however many producers name it: its province and folded name.
    village_key          text GENERATED ALWAYS AS (
        CASE WHEN craft_village_name IS NOT NULL AND status <> 'DISSOLVED'
             THEN province_code || '|' || ocop_fold(craft_village_name) END) STORED
);
CREATE INDEX report_producer_province_ix ON report_producer (province_code);
CREATE INDEX report_producer_commune_ix ON report_producer (commune_code);

-- Products: located where their producer is (the producer's row says where).
CREATE TABLE report_product (
    id              bigint       PRIMARY KEY,
    producer_id     bigint       NOT NULL,
    name            varchar(300) NOT NULL,
    criteria_set_no int          NOT NULL
);
CREATE INDEX report_product_producer_ix ON report_product (producer_id);

-- Certificates, issued on the platform or imported (earlier certificates): one row each, with the first day it is no
-- longer in force (valid_until): the day after expiry, the day it was revoked, the day a newer certificate of the
-- product was issued, or the day an imported uncertified rating replaced it, whichever comes first.
CREATE TABLE report_certificate (
    id          bigserial    PRIMARY KEY,
    product_id  bigint       NOT NULL,
    -- What the figures group and filter by, copied from the product (its producer, which never changes, and its
    -- criteria set) and from the producer (place, legal type, flags), kept current by their events, so that the
    -- figures read the certificates alone. NULL until the product's and the producer's own events have arrived;
    -- such certificates are not counted yet.
    producer_id          bigint,
    criteria_set_no      int,
    commune_code         varchar(10),
    province_code        varchar(10),
    legal_type           varchar(30),
    sme                  boolean,
    craft_village        boolean,
    women_led            boolean,
    ethnic_minority_area boolean,
    village_key          text,
    number      varchar(60)  NOT NULL,
    source      varchar(10)  NOT NULL CHECK (source IN ('PLATFORM', 'IMPORTED')),
    kind        varchar(20)  NOT NULL CHECK (kind IN ('NEW', 'UPGRADE', 'REEVALUATION')),
    star        int          NOT NULL CHECK (star BETWEEN 3 AND 5),
    level       varchar(20)  NOT NULL CHECK (level IN ('PROVINCE', 'CENTRAL')),
    issued_on   date         NOT NULL,
    expires_on  date         NOT NULL,
    revoked_on  date,
    replaced_on date,
    valid_until date         NOT NULL,
    -- Imported certificate numbers are decision numbers, shared by the products of one decision.
    UNIQUE (product_id, number),
    CHECK (valid_until <= expires_on + 1)
);
-- In force on day d: issued_on <= d < valid_until. Today's figures read only the rows still in force, from the index.
CREATE INDEX report_certificate_in_force_ix ON report_certificate (valid_until, issued_on)
    INCLUDE (id, star, criteria_set_no, producer_id, province_code, commune_code, legal_type, sme, craft_village,
             women_led, ethnic_minority_area, village_key);
CREATE INDEX report_certificate_issued_ix ON report_certificate (issued_on)
    INCLUDE (kind, star, criteria_set_no, province_code, commune_code, legal_type);
CREATE INDEX report_certificate_expired_ix ON report_certificate (expires_on)
    INCLUDE (star, criteria_set_no, province_code, commune_code, legal_type) WHERE valid_until = expires_on + 1;
CREATE INDEX report_certificate_revoked_ix ON report_certificate (revoked_on)
    INCLUDE (star, criteria_set_no, province_code, commune_code, legal_type) WHERE revoked_on IS NOT NULL;
CREATE INDEX report_certificate_producer_ix ON report_certificate (producer_id);
CREATE INDEX report_certificate_product_ix ON report_certificate (product_id, issued_on);

-- Suspensions (from_on inclusive, until_on exclusive, open while suspended): a suspended certificate is not in force.
CREATE TABLE report_suspension (
    certificate_id bigint NOT NULL REFERENCES report_certificate (id),
    from_on        date   NOT NULL,
    until_on       date,
    PRIMARY KEY (certificate_id, from_on)
);

-- Evaluation results: council results on the platform (one per dossier) and imported ratings.
CREATE TABLE report_rating (
    id                  bigserial   PRIMARY KEY,
    product_id          bigint      NOT NULL,
    dossier_id          bigint      UNIQUE,
    level               varchar(20),
    star                int         NOT NULL CHECK (star BETWEEN 1 AND 5),
    five_star_candidate boolean     NOT NULL DEFAULT false,
    rated_on            date        NOT NULL
);
CREATE UNIQUE INDEX report_rating_imported_ix ON report_rating (product_id, rated_on, star) WHERE dossier_id IS NULL;
CREATE INDEX report_rating_date_ix ON report_rating (rated_on);

-- Dossiers and the steps they went through, for "dossiers by stage" on any day.
CREATE TABLE report_dossier (
    id         bigint      PRIMARY KEY,
    product_id bigint      NOT NULL,
    kind       varchar(20) NOT NULL,
    created_on date        NOT NULL
);
CREATE TABLE report_dossier_step (
    dossier_id bigint      NOT NULL,
    at         timestamptz NOT NULL,
    status     varchar(30) NOT NULL,
    PRIMARY KEY (dossier_id, at, status)
);

-- Each current commune attributed to one legacy commune (or island district), district and province, so that
-- legacy units sum to the whole (decision 0014). Rewritten from the geography module at every start.
CREATE TABLE report_commune (
    code                  varchar(10) PRIMARY KEY,
    province_code         varchar(10) NOT NULL,
    legacy_commune_code   varchar(10),
    legacy_district_code  varchar(10) NOT NULL,
    legacy_province_code  varchar(10) NOT NULL
);
CREATE INDEX report_commune_legacy_province_ix ON report_commune (legacy_province_code);
CREATE INDEX report_commune_legacy_district_ix ON report_commune (legacy_district_code);

-- Which sources the read model has been filled from once (the first start with the reporting module).
CREATE TABLE report_fill (
    source    varchar(30) PRIMARY KEY,
    filled_at timestamptz NOT NULL DEFAULT now(),
    rows      bigint      NOT NULL
);
