-- User accounts, API tokens. Passwords are bcrypt hashes; API tokens are stored only as SHA-256 digests.

CREATE TABLE app_user (
    id                   bigserial    PRIMARY KEY,
    username             varchar(64)  NOT NULL,
    password_hash        varchar(255) NOT NULL,
    display_name         varchar(200) NOT NULL,
    email                varchar(254),
    role                 varchar(30)  NOT NULL CHECK (role IN ('SYSTEM_ADMIN', 'CENTRAL_OFFICE', 'PROVINCE_OFFICER',
                                                              'COMMUNE_OFFICER', 'COUNCIL_MEMBER', 'PRODUCER')),
    -- The administrative unit (current edition) an officer acts in.
    jurisdiction_code    varchar(10),
    jurisdiction_edition varchar(20) GENERATED ALWAYS AS
                             (CASE WHEN jurisdiction_code IS NULL THEN NULL ELSE '2025' END) STORED,
    producer_id          bigint,
    enabled              boolean      NOT NULL DEFAULT true,
    failed_attempts      int          NOT NULL DEFAULT 0,
    locked_until         timestamptz,
    last_login_at        timestamptz,
    password_changed_at  timestamptz  NOT NULL DEFAULT now(),
    created_at           timestamptz  NOT NULL DEFAULT now(),
    version              bigint       NOT NULL DEFAULT 0,
    CONSTRAINT app_user_jurisdiction_fk FOREIGN KEY (jurisdiction_edition, jurisdiction_code)
        REFERENCES admin_unit (edition, code),
    CONSTRAINT app_user_officer_has_jurisdiction
        CHECK (role NOT IN ('PROVINCE_OFFICER', 'COMMUNE_OFFICER') OR jurisdiction_code IS NOT NULL),
    CONSTRAINT app_user_username_format CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$')
);
CREATE UNIQUE INDEX app_user_username_ix ON app_user (username);
CREATE INDEX app_user_jurisdiction_ix ON app_user (jurisdiction_code);

CREATE TABLE api_token (
    id           bigserial   PRIMARY KEY,
    user_id      bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    token_hash   varchar(64) NOT NULL UNIQUE,
    label        varchar(100) NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    revoked_at   timestamptz
);
CREATE INDEX api_token_user_ix ON api_token (user_id);
