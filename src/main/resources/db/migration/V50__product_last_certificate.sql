-- A product keeps its last certificate (number, star, level, dates, source) after the certificate stops being in force
-- (expired, revoked): the re-evaluation window of Art. 7.6.a and the transitional extension of Art. 12.3 are counted
-- from its expiry, and an expired rating is shown and served as expired rather than forgotten. Kept by a trigger so that
-- every way of writing a rating (the registry, the import, certification) keeps it the same way.
ALTER TABLE product ADD COLUMN last_certificate_number     varchar(60);
ALTER TABLE product ADD COLUMN last_certificate_star       int;
ALTER TABLE product ADD COLUMN last_certificate_level      varchar(20);
ALTER TABLE product ADD COLUMN last_certificate_issued_on  date;
ALTER TABLE product ADD COLUMN last_certificate_expires_on date;
ALTER TABLE product ADD COLUMN last_certificate_source     varchar(20);

UPDATE product SET last_certificate_number = certificate_number, last_certificate_star = star,
                   last_certificate_level = certificate_level, last_certificate_issued_on = certificate_issued_on,
                   last_certificate_expires_on = certificate_expires_on, last_certificate_source = rating_source
 WHERE star >= 3 AND certificate_number IS NOT NULL;

CREATE FUNCTION product_keep_last_certificate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.star >= 3 AND NEW.certificate_number IS NOT NULL THEN
        NEW.last_certificate_number := NEW.certificate_number;
        NEW.last_certificate_star := NEW.star;
        NEW.last_certificate_level := NEW.certificate_level;
        NEW.last_certificate_issued_on := NEW.certificate_issued_on;
        NEW.last_certificate_expires_on := NEW.certificate_expires_on;
        NEW.last_certificate_source := NEW.rating_source;
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER product_keep_last_certificate BEFORE INSERT OR UPDATE OF star, certificate_number ON product
    FOR EACH ROW EXECUTE FUNCTION product_keep_last_certificate();

-- Imported ratings past their expiry are cleared daily (ImportedRatingExpiry); this finds them.
CREATE INDEX product_imported_expiry_ix ON product (certificate_expires_on) WHERE rating_source = 'IMPORTED';
