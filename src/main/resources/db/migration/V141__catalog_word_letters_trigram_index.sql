-- The typo correction looks for near words among the catalog's words of letters only (SearchWords: words with digits
-- are never corrected), and the word lookups are equalities. The trigram index over every word (100,000 products:
-- 200,000 words, most of them codes and numbers) was chosen by the planner for the equality (5 ms a word instead of a
-- B-tree probe) and for the letters-only filter (100 ms a typo). Restricted to the words the correction reads, the
-- index is small, serves the correction's query, and leaves equalities to the primary key.
CREATE INDEX IF NOT EXISTS catalog_word_letters_trigram_ix ON catalog_word USING gist (word gist_trgm_ops) WHERE word ~ '^[a-z]+$';
DROP INDEX IF EXISTS catalog_word_trigram_ix;
