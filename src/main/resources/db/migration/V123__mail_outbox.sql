-- E-mails to people without an account (a buyer's answer, a sign-up's decision): stored with the change that causes
-- them, sent after commit like the copies of notifications (mailed_at), in Vietnamese.
CREATE TABLE mail_outbox (
    id         bigserial    PRIMARY KEY,
    address    varchar(254) NOT NULL,
    title_key  varchar(100) NOT NULL,
    body_key   varchar(100) NOT NULL,
    arguments  text[]       NOT NULL DEFAULT '{}',
    link       varchar(300) CHECK (link ~ '^/($|[^/])'),
    created_at timestamptz  NOT NULL DEFAULT now(),
    mailed_at  timestamptz
);
CREATE INDEX mail_outbox_unsent_ix ON mail_outbox (created_at) WHERE mailed_at IS NULL;
