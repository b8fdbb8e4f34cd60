-- product_search_word loses its foreign key to product: checking it cost one lookup per word row, about ten per
-- product inserted (a third of the word index's cost on a 20,000-row import; docs/benchmarks.md). Only the triggers
-- of V41 write the table, from the product rows themselves, so a word row cannot point to a missing product; what
-- the key's ON DELETE CASCADE did, a statement-level trigger does now.
ALTER TABLE product_search_word DROP CONSTRAINT product_search_word_product_id_fkey;

CREATE FUNCTION product_search_words_deleted() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    DELETE FROM product_search_word s USING old_rows o WHERE s.product_id = o.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER product_search_words_delete
    AFTER DELETE ON product REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION product_search_words_deleted();

-- TRUNCATE does not fire DELETE triggers: empty the word list with it.
CREATE FUNCTION product_search_words_truncated() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    TRUNCATE product_search_word;
    RETURN NULL;
END
$$;

CREATE TRIGGER product_search_words_truncate
    AFTER TRUNCATE ON product
    FOR EACH STATEMENT EXECUTE FUNCTION product_search_words_truncated();
