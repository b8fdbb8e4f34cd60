-- Platform foundations shared by all modules: search support, Vietnamese collation, HTTP sessions,
-- and the Spring Modulith event publication registry.

-- Accent-insensitive search. Both extensions are "trusted" (PostgreSQL 13+): a database owner may create them.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Folds Vietnamese text for search: NFC-normalised, lower case, diacritics removed, đ/Đ to d.
-- "Nước mắm Phú Quốc" -> "nuoc mam phu quoc". IMMUTABLE so that it can back expression and trigram indexes;
-- the dictionary is named with its schema so the result does not depend on search_path.
CREATE FUNCTION ocop_fold(input text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT lower(public.unaccent('public.unaccent'::regdictionary,
                                 translate(normalize(input, NFC), 'đĐ', 'dD')))
$$;

-- Vietnamese sort order. PostgreSQL built with ICU ships "vi-x-icu"; we define our own name so queries
-- do not depend on which ICU collations initdb imported.
CREATE COLLATION IF NOT EXISTS vietnamese (provider = icu, locale = 'vi-VN');

-- HTTP sessions (Spring Session JDBC), so that any app node can serve any request.
CREATE TABLE spring_session (
    primary_id            char(36)     NOT NULL,
    session_id            char(36)     NOT NULL,
    creation_time         bigint       NOT NULL,
    last_access_time      bigint       NOT NULL,
    max_inactive_interval int          NOT NULL,
    expiry_time           bigint       NOT NULL,
    principal_name        varchar(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
    session_primary_id char(36)     NOT NULL,
    attribute_name     varchar(200) NOT NULL,
    attribute_bytes    bytea        NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id)
        REFERENCES spring_session (primary_id) ON DELETE CASCADE
);

-- Spring Modulith event publication registry: events to other modules survive a crash and can be replayed.
CREATE TABLE event_publication (
    id                     uuid        NOT NULL PRIMARY KEY,
    listener_id            text        NOT NULL,
    event_type             text        NOT NULL,
    serialized_event       text        NOT NULL,
    publication_date       timestamptz NOT NULL,
    completion_date        timestamptz,
    status                 varchar(20),
    completion_attempts    int         NOT NULL DEFAULT 0,
    last_resubmission_date timestamptz
);
CREATE INDEX event_publication_incomplete_ix ON event_publication (publication_date) WHERE completion_date IS NULL;

CREATE TABLE event_publication_archive (
    id                     uuid        NOT NULL PRIMARY KEY,
    listener_id            text        NOT NULL,
    event_type             text        NOT NULL,
    serialized_event       text        NOT NULL,
    publication_date       timestamptz NOT NULL,
    completion_date        timestamptz,
    status                 varchar(20),
    completion_attempts    int         NOT NULL DEFAULT 0,
    last_resubmission_date timestamptz
);

-- ShedLock: guards scheduled jobs so that exactly one app node runs each occurrence.
CREATE TABLE shedlock (
    name       varchar(64)  NOT NULL PRIMARY KEY,
    lock_until timestamptz  NOT NULL,
    locked_at  timestamptz  NOT NULL,
    locked_by  varchar(255) NOT NULL
);
