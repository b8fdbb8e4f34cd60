-- Product search by words (docs/decisions/0012). The folded search_text (product name, producer name, OCOP code; kept
-- by the application) is split into words of letters and digits:
--   * search_words (tsvector, GIN) answers any combination of whole words and word beginnings exactly, with no
--     recheck of candidate rows (the trigram index it replaces had to recheck every candidate);
--   * product_search_word holds one row per (word, product) with the product name in Vietnamese order, so the first
--     page of a frequent word is read in order from an index instead of sorting thousands of matches.
-- Triggers keep product_search_word in step with product, one statement at a time (imports insert in bulk).
ALTER TABLE product
    ADD COLUMN search_words tsvector
        GENERATED ALWAYS AS (to_tsvector('simple', regexp_replace(search_text, '[^a-z0-9]+', ' ', 'g'))) STORED;

CREATE INDEX product_search_words_ix ON product USING gin (search_words);

DROP INDEX product_search_ix;

CREATE TABLE product_search_word (
    word       text                             NOT NULL,
    name       varchar(300) COLLATE vietnamese  NOT NULL,
    product_id bigint                           NOT NULL REFERENCES product (id) ON DELETE CASCADE
);

CREATE INDEX product_search_word_ix ON product_search_word (word, name, product_id);
CREATE INDEX product_search_word_product_ix ON product_search_word (product_id);

CREATE FUNCTION product_search_words_inserted() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    INSERT INTO product_search_word (word, name, product_id)
    SELECT w.word, n.name, n.id
      FROM new_rows n, unnest(tsvector_to_array(n.search_words)) AS w (word);
    RETURN NULL;
END
$$;

CREATE FUNCTION product_search_words_updated() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    WITH changed AS (SELECT n.id, n.name, n.search_words
                       FROM new_rows n JOIN old_rows o ON o.id = n.id
                      WHERE n.search_words IS DISTINCT FROM o.search_words OR n.name IS DISTINCT FROM o.name),
         gone AS (DELETE FROM product_search_word s USING changed c WHERE s.product_id = c.id)
    INSERT INTO product_search_word (word, name, product_id)
    SELECT w.word, c.name, c.id
      FROM changed c, unnest(tsvector_to_array(c.search_words)) AS w (word);
    RETURN NULL;
END
$$;

CREATE TRIGGER product_search_words_insert
    AFTER INSERT ON product REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION product_search_words_inserted();

CREATE TRIGGER product_search_words_update
    AFTER UPDATE ON product REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION product_search_words_updated();

INSERT INTO product_search_word (word, name, product_id)
SELECT w.word, p.name, p.id
  FROM product p, unnest(tsvector_to_array(p.search_words)) AS w (word);
