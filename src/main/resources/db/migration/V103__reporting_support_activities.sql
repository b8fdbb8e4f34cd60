-- Support given to producers (issue #14): training, packaging and labels, traceability stamps, quality testing,
-- trade fairs, e-commerce onboarding, funding. Recorded by officers in their jurisdiction, with the producers and
-- products that benefited; reports follow whether supported products went on to be certified or upgraded.
CREATE TABLE report_support_activity (
    id             bigserial      PRIMARY KEY,
    kind           varchar(30)    NOT NULL CHECK (kind IN ('TRAINING', 'PACKAGING_LABEL', 'TRACEABILITY_STAMPS',
                                                           'QUALITY_TESTING', 'TRADE_FAIR', 'ECOMMERCE', 'FUNDING',
                                                           'OTHER')),
    title          varchar(300)   NOT NULL,
    held_on        date           NOT NULL,
    ends_on        date,
    unit_code      varchar(10)    NOT NULL,
    province_code  varchar(10)    NOT NULL,
    budget         numeric(16, 0) CHECK (budget >= 0),
    funding_source varchar(30)    CHECK (funding_source IN ('CENTRAL_BUDGET', 'PROVINCE_BUDGET', 'COMMUNE_BUDGET',
                                                           'PRODUCERS', 'SPONSORS', 'OTHER')),
    funding_note   varchar(300),
    description    text,
    created_by     varchar(64)    NOT NULL,
    created_at     timestamptz    NOT NULL DEFAULT now(),
    updated_at     timestamptz    NOT NULL DEFAULT now(),
    version        bigint         NOT NULL DEFAULT 0,
    CHECK (ends_on IS NULL OR ends_on >= held_on)
);
CREATE INDEX report_support_activity_unit_ix ON report_support_activity (province_code, held_on);

CREATE TABLE report_support_beneficiary (
    activity_id bigint NOT NULL REFERENCES report_support_activity (id) ON DELETE CASCADE,
    producer_id bigint NOT NULL,
    product_id  bigint
);
CREATE UNIQUE INDEX report_support_beneficiary_ix
    ON report_support_beneficiary (activity_id, producer_id, coalesce(product_id, 0));
CREATE INDEX report_support_beneficiary_producer_ix ON report_support_beneficiary (producer_id);
