-- Programme plans and their targets (issue #14). Kinds of target are rows, not code: a target type names what is
-- measured (a measure of the reporting module, e.g. CERTIFICATES_ISSUED), how (a count, a share of a named
-- denominator, or a minimum per commune) and with which filters (stars, certificate kinds, legal type, flag).
CREATE TABLE report_target_type (
    code              varchar(40)  PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]*$'),
    name_vi           varchar(300) NOT NULL,
    name_en           varchar(300) NOT NULL,
    kind              varchar(20)  NOT NULL CHECK (kind IN ('COUNT', 'SHARE', 'MIN_PER_UNIT')),
    measure           varchar(40)  NOT NULL,
    denominator       varchar(40),
    min_star          int          CHECK (min_star BETWEEN 1 AND 5),
    max_star          int          CHECK (max_star BETWEEN 1 AND 5),
    certificate_kinds varchar(60),
    legal_type        varchar(30),
    producer_flag     varchar(30)  CHECK (producer_flag IN ('SME', 'CRAFT_VILLAGE', 'WOMEN_LED', 'ETHNIC_MINORITY_AREA')),
    position          int          NOT NULL,
    active            boolean      NOT NULL DEFAULT true,
    created_at        timestamptz  NOT NULL DEFAULT now(),
    CHECK ((kind = 'SHARE') = (denominator IS NOT NULL)),
    CHECK (min_star IS NULL OR max_star IS NULL OR min_star <= max_star)
);

INSERT INTO report_target_type (code, name_vi, name_en, kind, measure, denominator, min_star, max_star,
                                certificate_kinds, legal_type, producer_flag, position) VALUES
    ('NEW_CERTIFIED_3', 'Sản phẩm OCOP mới đạt từ 3 sao', 'New products certified 3★ or more',
     'COUNT', 'CERTIFICATES_ISSUED', NULL, 3, NULL, 'NEW', NULL, NULL, 10),
    ('NEW_CERTIFIED_4', 'Sản phẩm mới đạt 4 sao (cấp mới hoặc nâng hạng)', 'Products newly rated 4★ (new or upgraded)',
     'COUNT', 'CERTIFICATES_ISSUED', NULL, 4, 4, 'NEW,UPGRADE', NULL, NULL, 20),
    ('UPGRADED', 'Sản phẩm được nâng hạng sao', 'Products upgraded to more stars',
     'COUNT', 'CERTIFICATES_ISSUED', NULL, NULL, NULL, 'UPGRADE', NULL, NULL, 30),
    ('CERTIFIED_IN_FORCE', 'Sản phẩm OCOP còn hiệu lực (cuối kỳ)', 'Certified products in force (end of period)',
     'COUNT', 'CERTIFIED_PRODUCTS', NULL, 3, NULL, NULL, NULL, NULL, 40),
    ('FIVE_STAR_PROPOSALS', 'Sản phẩm đề xuất đánh giá 5 sao', 'Products proposed for 5★',
     'COUNT', 'FIVE_STAR_PROPOSALS', NULL, NULL, NULL, NULL, NULL, NULL, 50),
    ('POINTS_OF_SALE', 'Điểm giới thiệu và bán sản phẩm OCOP', 'OCOP points of sale',
     'COUNT', 'POINTS_OF_SALE', NULL, NULL, NULL, NULL, NULL, NULL, 60),
    ('STAMPED_PRODUCTS', 'Sản phẩm có tem truy xuất nguồn gốc', 'Products with traceability stamps',
     'COUNT', 'STAMPED_PRODUCTS', NULL, NULL, NULL, NULL, NULL, NULL, 70),
    ('SHARE_EVALUATED_3', 'Tỷ lệ sản phẩm được đánh giá đạt từ 3 sao', 'Share of evaluated products rated 3★ or more',
     'SHARE', 'EVALUATED_PRODUCTS', 'EVALUATED_PRODUCTS', 3, NULL, NULL, NULL, NULL, 80),
    ('SHARE_COOPERATIVES', 'Tỷ lệ chủ thể OCOP là hợp tác xã', 'Share of OCOP producers that are cooperatives',
     'SHARE', 'PRODUCERS_CERTIFIED', 'PRODUCERS_CERTIFIED', NULL, NULL, NULL, 'COOPERATIVE', NULL, 90),
    ('SHARE_SME', 'Tỷ lệ chủ thể OCOP là doanh nghiệp nhỏ và vừa', 'Share of OCOP producers that are SMEs',
     'SHARE', 'PRODUCERS_CERTIFIED', 'PRODUCERS_CERTIFIED', NULL, NULL, NULL, NULL, 'SME', 100),
    ('SHARE_CRAFT_VILLAGES', 'Tỷ lệ làng nghề có sản phẩm OCOP', 'Share of craft villages with an OCOP product',
     'SHARE', 'CRAFT_VILLAGES_CERTIFIED', 'CRAFT_VILLAGES', NULL, NULL, NULL, NULL, NULL, 110),
    ('MIN_PRODUCTS_PER_COMMUNE', 'Mỗi xã có ít nhất N sản phẩm OCOP', 'At least N OCOP products in each commune',
     'MIN_PER_UNIT', 'CERTIFIED_PRODUCTS', NULL, 3, NULL, NULL, NULL, NULL, 120),
    ('MIN_PRODUCERS_PER_COMMUNE', 'Mỗi xã có ít nhất N chủ thể OCOP', 'At least N OCOP producers in each commune',
     'MIN_PER_UNIT', 'PRODUCERS_CERTIFIED', NULL, NULL, NULL, NULL, NULL, NULL, 130),
    ('SUPPORT_ACTIVITIES', 'Hoạt động hỗ trợ chủ thể', 'Support activities for producers',
     'COUNT', 'SUPPORT_ACTIVITIES', NULL, NULL, NULL, NULL, NULL, NULL, 140),
    ('SUPPORTED_PRODUCERS', 'Chủ thể được hỗ trợ', 'Producers supported',
     'COUNT', 'SUPPORTED_PRODUCERS', NULL, NULL, NULL, NULL, NULL, NULL, 150);

-- A plan of a province (unit_code) or of the nation (NULL) for a year or a multi-year period. Amending a plan adds a
-- version; earlier versions and their targets are kept as they were.
CREATE TABLE report_plan (
    id              bigserial    PRIMARY KEY,
    unit_code       varchar(10),
    first_year      int          NOT NULL CHECK (first_year BETWEEN 2018 AND 2100),
    last_year       int          NOT NULL,
    current_version int          NOT NULL DEFAULT 1,
    created_by      varchar(64)  NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    version         bigint       NOT NULL DEFAULT 0,
    CHECK (last_year >= first_year AND last_year - first_year < 10)
);
CREATE INDEX report_plan_unit_ix ON report_plan (unit_code, first_year);

CREATE TABLE report_plan_version (
    plan_id     bigint       NOT NULL REFERENCES report_plan (id),
    number      int          NOT NULL CHECK (number >= 1),
    title       varchar(300) NOT NULL,
    decision    varchar(100),
    adopted_on  date,
    reason      text,
    created_by  varchar(64)  NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (plan_id, number)
);

CREATE TABLE report_plan_target (
    plan_id        bigint         NOT NULL,
    version_number int            NOT NULL,
    position       int            NOT NULL,
    target_type    varchar(40)    NOT NULL REFERENCES report_target_type (code),
    group_code     varchar(10),
    planned        numeric(14, 4) NOT NULL CHECK (planned >= 0),
    note           varchar(500),
    PRIMARY KEY (plan_id, version_number, position),
    FOREIGN KEY (plan_id, version_number) REFERENCES report_plan_version (plan_id, number),
    UNIQUE (plan_id, version_number, target_type, group_code)
);
