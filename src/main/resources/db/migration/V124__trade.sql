-- Trade promotion (issue #15): OCOP display and sales points and the products they stock, fairs and trade events
-- with the producers taking part, and buyers' inquiries to producers (supply-demand connection).

-- A place where OCOP products are shown and sold: an official OCOP point (điểm giới thiệu và bán sản phẩm OCOP),
-- managed by the officers of its commune or province, or a producer's own shop, declared and kept by the producer.
CREATE TABLE point_of_sale (
    id                bigserial    PRIMARY KEY,
    kind              varchar(20)  NOT NULL CHECK (kind IN ('OCOP_POINT', 'SHOP')),
    owner_producer_id bigint       REFERENCES producer (id),
    name              varchar(300) NOT NULL,
    address           varchar(500) NOT NULL,
    commune_code      varchar(10)  NOT NULL,
    province_code     varchar(10)  NOT NULL,
    opening_hours     varchar(300),
    phone             varchar(30),
    email             varchar(254),
    website           varchar(500),
    description       text,
    status            varchar(20)  NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED')),
    created_at        timestamptz  NOT NULL,
    updated_at        timestamptz  NOT NULL,
    version           bigint       NOT NULL DEFAULT 0,
    CHECK ((kind = 'SHOP') = (owner_producer_id IS NOT NULL))
);
CREATE INDEX point_of_sale_province_ix ON point_of_sale (province_code, name);
CREATE INDEX point_of_sale_owner_ix ON point_of_sale (owner_producer_id);

-- Products stocked at a point: added by its managers, or declared by the product's producer.
CREATE TABLE point_of_sale_product (
    point_id    bigint      NOT NULL REFERENCES point_of_sale (id) ON DELETE CASCADE,
    product_id  bigint      NOT NULL REFERENCES product (id),
    producer_id bigint      NOT NULL REFERENCES producer (id),
    declared_by varchar(64) NOT NULL,
    declared_at timestamptz NOT NULL,
    PRIMARY KEY (point_id, product_id)
);
CREATE INDEX point_of_sale_product_product_ix ON point_of_sale_product (product_id);
CREATE INDEX point_of_sale_product_producer_ix ON point_of_sale_product (producer_id);

CREATE TABLE fair (
    id            bigserial    PRIMARY KEY,
    name          varchar(300) NOT NULL,
    description   text,
    starts_on     date         NOT NULL,
    ends_on       date         NOT NULL,
    venue         varchar(500) NOT NULL,
    commune_code  varchar(10)  NOT NULL,
    province_code varchar(10)  NOT NULL,
    organiser     varchar(300) NOT NULL,
    website       varchar(500),
    status        varchar(20)  NOT NULL DEFAULT 'PLANNED' CHECK (status IN ('PLANNED', 'CANCELLED')),
    created_at    timestamptz  NOT NULL,
    updated_at    timestamptz  NOT NULL,
    version       bigint       NOT NULL DEFAULT 0,
    CHECK (ends_on >= starts_on)
);
CREATE INDEX fair_dates_ix ON fair (ends_on, starts_on);
CREATE INDEX fair_province_ix ON fair (province_code, starts_on);

-- Producers taking part in a fair: added by the fair's managers, or registered by the producer itself.
CREATE TABLE fair_participant (
    fair_id     bigint      NOT NULL REFERENCES fair (id) ON DELETE CASCADE,
    producer_id bigint      NOT NULL REFERENCES producer (id),
    booth       varchar(50),
    declared_by varchar(64) NOT NULL,
    declared_at timestamptz NOT NULL,
    PRIMARY KEY (fair_id, producer_id)
);
CREATE INDEX fair_participant_producer_ix ON fair_participant (producer_id);

-- A buyer's inquiry about one product or a category (criteria set) in a province. The buyer's e-mail address and
-- phone serve only to answer: never shown on a public page, in the API or to the producers.
CREATE TABLE buyer_inquiry (
    id              bigserial    PRIMARY KEY,
    token           varchar(40)  NOT NULL UNIQUE,
    product_id      bigint       REFERENCES product (id),
    criteria_set_no int          NOT NULL,
    province_code   varchar(10)  NOT NULL,
    -- What the inquiry is about, as the buyer saw it: the product's name, or the category's.
    subject         varchar(300) NOT NULL,
    buyer_kind      varchar(20)  NOT NULL CHECK (buyer_kind IN ('RETAIL_CHAIN', 'GIFT', 'DISTRIBUTOR', 'EXPORTER',
                                                                 'HORECA', 'OTHER')),
    buyer_name      varchar(200) NOT NULL,
    organisation    varchar(300),
    email           varchar(254) NOT NULL,
    phone           varchar(30),
    quantity        varchar(200) NOT NULL,
    message         text         NOT NULL,
    created_at      timestamptz  NOT NULL
);
CREATE INDEX buyer_inquiry_province_ix ON buyer_inquiry (province_code, created_at);

-- Who received an inquiry (the product's producer, or the producers of the category in the province).
CREATE TABLE buyer_inquiry_recipient (
    inquiry_id  bigint      NOT NULL REFERENCES buyer_inquiry (id) ON DELETE CASCADE,
    producer_id bigint      NOT NULL REFERENCES producer (id),
    read_at     timestamptz,
    answered_at timestamptz,
    PRIMARY KEY (inquiry_id, producer_id)
);
CREATE INDEX buyer_inquiry_recipient_inbox_ix ON buyer_inquiry_recipient (producer_id, inquiry_id DESC);
CREATE INDEX buyer_inquiry_recipient_waiting_ix ON buyer_inquiry_recipient (producer_id) WHERE answered_at IS NULL;

CREATE TABLE buyer_inquiry_reply (
    id          bigserial   PRIMARY KEY,
    inquiry_id  bigint      NOT NULL REFERENCES buyer_inquiry (id) ON DELETE CASCADE,
    producer_id bigint      NOT NULL REFERENCES producer (id),
    body        text        NOT NULL,
    author      varchar(64) NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX buyer_inquiry_reply_ix ON buyer_inquiry_reply (inquiry_id, created_at);
