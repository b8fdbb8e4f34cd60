-- Producers (chủ thể OCOP): cooperatives, cooperative groups, enterprises, household businesses.
CREATE TABLE producer (
    id                   bigserial    PRIMARY KEY,
    legal_type           varchar(30)  NOT NULL CHECK (legal_type IN ('COOPERATIVE', 'COOPERATIVE_GROUP', 'ENTERPRISE',
                                                                     'HOUSEHOLD_BUSINESS', 'OTHER')),
    name                 varchar(300) NOT NULL,
    -- Enterprise/tax code: 10 digits, or 13 for a dependent unit (written 0123456789-001, stored without the dash).
    tax_code             varchar(13)  NOT NULL CHECK (tax_code ~ '^[0-9]{10}([0-9]{3})?$'),
    representative       varchar(200),
    representative_title varchar(100),
    phone                varchar(30),
    email                varchar(254),
    website              varchar(500),
    address              varchar(500),
    commune_code         varchar(10)  NOT NULL,
    commune_edition      varchar(20)  GENERATED ALWAYS AS ('2025') STORED,
    province_code        varchar(10)  NOT NULL,
    sme                  boolean      NOT NULL DEFAULT false,
    craft_village        boolean      NOT NULL DEFAULT false,
    women_led            boolean      NOT NULL DEFAULT false,
    ethnic_minority_area boolean      NOT NULL DEFAULT false,
    founded_year         int          CHECK (founded_year BETWEEN 1900 AND 2100),
    members              int          CHECK (members >= 0),
    employees            int          CHECK (employees >= 0),
    status               varchar(20)  NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'SUSPENDED', 'DISSOLVED')),
    created_at           timestamptz  NOT NULL DEFAULT now(),
    updated_at           timestamptz  NOT NULL DEFAULT now(),
    version              bigint       NOT NULL DEFAULT 0,
    CONSTRAINT producer_tax_code_unique UNIQUE (tax_code),
    CONSTRAINT producer_commune_fk FOREIGN KEY (commune_edition, commune_code) REFERENCES admin_unit (edition, code)
);
CREATE INDEX producer_province_ix ON producer (province_code);
CREATE INDEX producer_commune_ix ON producer (commune_code);
CREATE INDEX producer_name_search_ix ON producer USING gin (ocop_fold(name) gin_trgm_ops);

-- Producer accounts point at their producer.
ALTER TABLE app_user ADD CONSTRAINT app_user_producer_fk FOREIGN KEY (producer_id) REFERENCES producer (id);
