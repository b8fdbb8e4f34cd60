-- A self-assessment saved from the public page by a producer is saved to one of its products: filing a dossier for
-- that product starts from it (rows saved before this column existed stay the producer's, for any product of the set).
ALTER TABLE saved_self_assessment ADD COLUMN product_id bigint REFERENCES product (id);
CREATE INDEX saved_self_assessment_product_ix ON saved_self_assessment (product_id, criteria_version, set_no, id);
