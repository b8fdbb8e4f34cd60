-- Signed statements of certificates (docs/decisions/0016): the issue of a certificate with every fact it shows, and
-- each later change of its status (suspension, reinstatement, revocation, replacement), each an RFC 8785 canonical
-- JSON text signed with Ed25519 by a key kept outside the database (key_id names it). Verification compares the
-- certificate row with its statements: a row changed by hand no longer matches them.
CREATE TABLE certificate_statement (
    certificate_id bigint       NOT NULL REFERENCES certificate (id),
    seq            int          NOT NULL CHECK (seq >= 1),
    type           varchar(20)  NOT NULL CHECK (type IN ('ISSUED', 'SUSPENDED', 'REINSTATED', 'REVOKED', 'SUPERSEDED')),
    -- The exact signed text (UTF-8).
    content        text         NOT NULL,
    key_id         varchar(40)  NOT NULL,
    signature      varchar(200) NOT NULL,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (certificate_id, seq)
);

-- Statements are never changed nor removed by the application; the database refuses it too.
CREATE FUNCTION certificate_statement_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'certificate_statement is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER certificate_statement_no_update BEFORE UPDATE OR DELETE ON certificate_statement
    FOR EACH ROW EXECUTE FUNCTION certificate_statement_is_append_only();
CREATE TRIGGER certificate_statement_no_truncate BEFORE TRUNCATE ON certificate_statement
    FOR EACH STATEMENT EXECUTE FUNCTION certificate_statement_is_append_only();

-- Public verification finds ratings recorded from a province's records by their certificate (or decision) number,
-- typed with or without accents, case and spaces ("1234/QĐ-UBND" = "1234 / qd-ubnd"), through the product module.
CREATE INDEX product_certificate_number_ix ON product (replace(ocop_fold(certificate_number), ' ', ''))
    WHERE certificate_number IS NOT NULL;
