-- Administrative units as versioned data. An edition is one official scheme (the 63-province "legacy" scheme until
-- 30/6/2025, the 34-province two-tier scheme since 1/7/2025); its levels are rows, not code, so removing the district
-- tier was data. Units are keyed by (edition, code): the same code can mean different units in two editions.

CREATE TABLE admin_edition (
    code        varchar(20)  PRIMARY KEY,
    name_vi     varchar(200) NOT NULL,
    name_en     varchar(200) NOT NULL,
    valid_from  date,
    valid_to    date,
    legal_basis text         NOT NULL,
    is_current  boolean      NOT NULL DEFAULT false
);
-- Exactly one edition is current.
CREATE UNIQUE INDEX admin_edition_one_current ON admin_edition (is_current) WHERE is_current;

CREATE TABLE admin_level (
    edition varchar(20)  NOT NULL REFERENCES admin_edition (code),
    code    varchar(20)  NOT NULL,
    depth   smallint     NOT NULL CHECK (depth >= 1),
    name_vi varchar(100) NOT NULL,
    name_en varchar(100) NOT NULL,
    PRIMARY KEY (edition, code),
    UNIQUE (edition, depth)
);

CREATE TABLE admin_unit (
    id            bigserial    PRIMARY KEY,
    edition       varchar(20)  NOT NULL,
    level         varchar(20)  NOT NULL,
    code          varchar(10)  NOT NULL,
    name          varchar(200) NOT NULL,
    full_name     varchar(250) NOT NULL,
    unit_type     varchar(50)  NOT NULL,
    unit_type_en  varchar(50)  NOT NULL,
    parent_code   varchar(10),
    province_code varchar(10)  NOT NULL,
    name_ascii    varchar(200),
    region        varchar(100),
    UNIQUE (edition, code),
    FOREIGN KEY (edition, level) REFERENCES admin_level (edition, code)
    -- The parent and province foreign keys and the search index are added by V3 after the bulk load:
    -- checked row by row against a table without statistics they would make the load quadratic.
);
CREATE INDEX admin_unit_children_ix ON admin_unit (edition, parent_code);
CREATE INDEX admin_unit_level_ix ON admin_unit (edition, level);

-- Which legacy unit went into which current unit. Many-to-many: a legacy commune split over several new communes
-- has one "partial" row per new commune. Legacy codes that had already disappeared before 1/7/2025 but still appear
-- in old addresses are kept (in_legacy_list = false), so they have no admin_unit row.
CREATE TABLE admin_unit_mapping (
    legacy_edition varchar(20) NOT NULL REFERENCES admin_edition (code),
    legacy_level   varchar(20) NOT NULL,
    legacy_code    varchar(10) NOT NULL,
    new_edition    varchar(20) NOT NULL,
    new_code       varchar(10) NOT NULL,
    coverage       varchar(10) NOT NULL CHECK (coverage IN ('full', 'partial')),
    in_legacy_list boolean     NOT NULL,
    PRIMARY KEY (legacy_edition, legacy_code, new_code)
);
CREATE INDEX admin_unit_mapping_new_ix ON admin_unit_mapping (new_edition, new_code);

INSERT INTO admin_edition (code, name_vi, name_en, valid_from, valid_to, legal_basis, is_current) VALUES
    ('legacy', 'Trước sắp xếp (63 tỉnh, thành phố)', 'Before the reform (63 provinces)',
     NULL, DATE '2025-06-30', 'Nghị quyết 1365/NQ-UBTVQH15 và trước đó', false),
    ('2025', 'Sau sắp xếp (34 tỉnh, thành phố)', 'Two-tier local government (34 provinces)',
     DATE '2025-07-01', NULL,
     'Nghị quyết 202/2025/QH15; Quyết định 19/2025/QĐ-TTg; Nghị quyết 30/2026/QH16', true);

INSERT INTO admin_level (edition, code, depth, name_vi, name_en) VALUES
    ('legacy', 'province', 1, 'Tỉnh/Thành phố', 'Province'),
    ('legacy', 'district', 2, 'Quận/Huyện', 'District'),
    ('legacy', 'commune',  3, 'Xã/Phường/Thị trấn', 'Commune'),
    ('2025',   'province', 1, 'Tỉnh/Thành phố', 'Province'),
    ('2025',   'commune',  2, 'Xã/Phường/Đặc khu', 'Commune');
