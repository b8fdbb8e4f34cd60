-- The public catalog (issue #15; docs/decisions/0021, 0022): a read model of the products that hold (or held) an OCOP
-- certificate and of their producers, written only by the catalog module from the product, producer and
-- certification modules' events and APIs. A product is listed while it has a certified rating (star IS NOT NULL), is
-- ACTIVE and its certificate's last day is today or later; the date is checked when reading.

-- One row: the version of everything the public sees (bumped by every write, so pages and the API can answer
-- If-None-Match with 304) and whether the read model was filled from the other modules once.
CREATE TABLE catalog_state (
    id         int         PRIMARY KEY CHECK (id = 1),
    version    bigint      NOT NULL,
    changed_at timestamptz NOT NULL,
    filled_at  timestamptz
);
INSERT INTO catalog_state (id, version, changed_at) VALUES (1, 1, now());

-- Products and producers to read again from their modules, queued inside a spreadsheet import's transaction (its
-- one batch event may hold 20,000 changes) and worked off after it commits. kind: P product, R producer.
CREATE TABLE catalog_refresh (
    kind      char(1)     NOT NULL CHECK (kind IN ('P', 'R')),
    id        bigint      NOT NULL,
    queued_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, id)
);

-- Producers of catalog products. Phone and e-mail are copied only when the producer chose to publish them.
CREATE TABLE catalog_producer (
    producer_id   bigint       PRIMARY KEY,
    name          varchar(300) NOT NULL,
    legal_type    varchar(30)  NOT NULL,
    commune_code  varchar(10)  NOT NULL,
    province_code varchar(10)  NOT NULL,
    website       varchar(500),
    phone         varchar(30),
    email         varchar(254),
    updated_at    timestamptz  NOT NULL
);

CREATE TABLE catalog_product (
    product_id             bigint       PRIMARY KEY,
    producer_id            bigint       NOT NULL,
    name                   varchar(300) NOT NULL,
    producer_name          varchar(300) NOT NULL,
    producer_type          varchar(30)  NOT NULL,
    classification_version varchar(20)  NOT NULL,
    criteria_set_no        int          NOT NULL,
    commune_code           varchar(10)  NOT NULL,
    province_code          varchar(10)  NOT NULL,
    status                 varchar(20)  NOT NULL,
    -- The certified rating: all null while the product holds no certificate (revoked, suspended, expired by the job).
    star                   int          CHECK (star BETWEEN 3 AND 5),
    certificate_number     varchar(60),
    certificate_level      varchar(20),
    certified_on           date,
    expires_on             date,
    rating_source          varchar(20),
    ocop_code              varchar(40),
    description            text,
    ingredients            text,
    raw_material_area      text,
    standards              text,
    packaging              text,
    price_min              numeric(14, 0),
    price_max              numeric(14, 0),
    shelf_life             varchar(100),
    links                  jsonb        NOT NULL DEFAULT '[]',
    -- Folded (ocop_fold) texts searched: the product name, the producer name, the OCOP code.
    search_name            text         NOT NULL,
    search_producer        text         NOT NULL,
    search_code            text         NOT NULL,
    search_words           tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', regexp_replace(search_name, '[^a-z0-9]+', ' ', 'g')), 'A')
            || setweight(to_tsvector('simple', regexp_replace(search_producer, '[^a-z0-9]+', ' ', 'g')), 'B')
            || setweight(to_tsvector('simple', regexp_replace(search_code, '[^a-z0-9]+', ' ', 'g')), 'C')) STORED,
    listed_since           timestamptz,
    updated_at             timestamptz  NOT NULL,
    CONSTRAINT catalog_product_certified CHECK (
        star IS NULL OR (certificate_number IS NOT NULL AND certified_on IS NOT NULL AND expires_on IS NOT NULL))
);
-- Listing without free text, in each sort order; filters; the map's counts (index-only); a producer's products.
CREATE INDEX catalog_product_name_ix ON catalog_product (name COLLATE vietnamese, product_id)
    WHERE star IS NOT NULL AND status = 'ACTIVE';
CREATE INDEX catalog_product_star_ix ON catalog_product (star DESC, name COLLATE vietnamese, product_id)
    WHERE star IS NOT NULL AND status = 'ACTIVE';
CREATE INDEX catalog_product_newest_ix ON catalog_product (certified_on DESC, product_id DESC)
    WHERE star IS NOT NULL AND status = 'ACTIVE';
CREATE INDEX catalog_product_province_ix ON catalog_product (province_code, expires_on)
    WHERE star IS NOT NULL AND status = 'ACTIVE';
CREATE INDEX catalog_product_commune_ix ON catalog_product (commune_code) WHERE star IS NOT NULL AND status = 'ACTIVE';
CREATE INDEX catalog_product_set_ix ON catalog_product (criteria_set_no) WHERE star IS NOT NULL AND status = 'ACTIVE';
CREATE INDEX catalog_product_producer_ix ON catalog_product (producer_id);

-- Free-text search by words (as decisions 0012/0013 did for the registry; here docs/decisions/0022): one row per word
-- of each listable product with what every sort order and filter needs, so that a page is read from an ordered,
-- index-only scan of one word's list, stopped when full, however many products share the word. in_name: the word is in
-- the product's own name, not only in its producer's (relevance).
CREATE TABLE catalog_search_word (
    word            text COLLATE "C"                NOT NULL,
    star            int                             NOT NULL,
    name            varchar(300) COLLATE vietnamese NOT NULL,
    product_id      bigint                          NOT NULL,
    certified_on    date                            NOT NULL,
    expires_on      date                            NOT NULL,
    in_name         boolean                         NOT NULL,
    province_code   varchar(10)                     NOT NULL,
    commune_code    varchar(10)                     NOT NULL,
    criteria_set_no int                             NOT NULL,
    producer_type   varchar(30)                     NOT NULL
);
-- One index per sort order: relevance, stars, name, newest. The filters are read from the index entries.
CREATE INDEX catalog_search_word_relevance_ix ON catalog_search_word (word, in_name DESC, star DESC, name, product_id)
    INCLUDE (expires_on, province_code, commune_code, criteria_set_no, producer_type);
CREATE INDEX catalog_search_word_star_ix ON catalog_search_word (word, star DESC, name, product_id)
    INCLUDE (expires_on, province_code, commune_code, criteria_set_no, producer_type);
CREATE INDEX catalog_search_word_name_ix ON catalog_search_word (word, name, product_id)
    INCLUDE (star, expires_on, province_code, commune_code, criteria_set_no, producer_type);
CREATE INDEX catalog_search_word_newest_ix ON catalog_search_word (word, certified_on DESC, product_id DESC)
    INCLUDE (star, expires_on, province_code, commune_code, criteria_set_no, producer_type);
CREATE INDEX catalog_search_word_product_ix ON catalog_search_word (product_id);
-- Whether a product has the other words of a search (and the count of matches): the text index of the product rows.
CREATE INDEX catalog_product_words_ix ON catalog_product USING gin (search_words)
    WHERE star IS NOT NULL AND status = 'ACTIVE';

-- Every word of the catalog with the number of listable products having it: which word's list is shortest, which
-- words a typo may stand for (trigram distance), which words a word being typed may become (C order for prefixes).
CREATE TABLE catalog_word (
    word     text COLLATE "C" PRIMARY KEY,
    products int              NOT NULL
);
CREATE INDEX catalog_word_trigram_ix ON catalog_word USING gist (word gist_trgm_ops);

-- The word rows and counts follow catalog_product, one statement at a time (the first fill inserts in bulk).
CREATE FUNCTION catalog_words_changed() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'INSERT' THEN
        WITH added AS (
            INSERT INTO catalog_search_word (word, star, name, product_id, certified_on, expires_on, in_name,
                                             province_code, commune_code, criteria_set_no, producer_type)
            SELECT w.lexeme, n.star, n.name, n.product_id, n.certified_on, n.expires_on, 'A' = ANY (w.weights),
                   n.province_code, n.commune_code, n.criteria_set_no, n.producer_type
              FROM new_rows n, unnest(n.search_words) AS w
             WHERE n.star IS NOT NULL AND n.status = 'ACTIVE'
            RETURNING word)
        INSERT INTO catalog_word (word, products)
        SELECT word, count(*) FROM added GROUP BY word ORDER BY word
        ON CONFLICT (word) DO UPDATE SET products = catalog_word.products + excluded.products;
    ELSIF TG_OP = 'UPDATE' THEN
        WITH gone AS (
            DELETE FROM catalog_search_word s USING old_rows o WHERE s.product_id = o.product_id RETURNING s.word),
             added AS (
            INSERT INTO catalog_search_word (word, star, name, product_id, certified_on, expires_on, in_name,
                                             province_code, commune_code, criteria_set_no, producer_type)
            SELECT w.lexeme, n.star, n.name, n.product_id, n.certified_on, n.expires_on, 'A' = ANY (w.weights),
                   n.province_code, n.commune_code, n.criteria_set_no, n.producer_type
              FROM new_rows n, unnest(n.search_words) AS w
             WHERE n.star IS NOT NULL AND n.status = 'ACTIVE'
            RETURNING word),
             delta AS (
            SELECT word, sum(d)::int AS d
              FROM (SELECT word, -1 AS d FROM gone UNION ALL SELECT word, 1 FROM added) x
             GROUP BY word HAVING sum(d) <> 0)
        INSERT INTO catalog_word (word, products)
        SELECT word, d FROM delta ORDER BY word
        ON CONFLICT (word) DO UPDATE SET products = catalog_word.products + excluded.products;
    ELSE
        WITH gone AS (
            DELETE FROM catalog_search_word s USING old_rows o WHERE s.product_id = o.product_id RETURNING s.word)
        UPDATE catalog_word c SET products = c.products - g.n
          FROM (SELECT word, count(*)::int AS n FROM gone GROUP BY word ORDER BY word) g
         WHERE c.word = g.word;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER catalog_words_insert
    AFTER INSERT ON catalog_product REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION catalog_words_changed();
CREATE TRIGGER catalog_words_update
    AFTER UPDATE ON catalog_product REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION catalog_words_changed();
CREATE TRIGGER catalog_words_delete
    AFTER DELETE ON catalog_product REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION catalog_words_changed();
