-- Failed logins are counted per account name and client, not per account: five wrong passwords from one client lock
-- out that client for that name (with a growing back-off), so nobody can lock another person out of their account;
-- a lockout blocks new password logins only, never API tokens already issued.
CREATE TABLE login_throttle (
    username        varchar(64) NOT NULL,  -- the name as typed (lower case), known or not
    client          varchar(64) NOT NULL,  -- the client's address as the application sees it
    failures        int         NOT NULL DEFAULT 0,
    lockouts        int         NOT NULL DEFAULT 0,
    locked_until    timestamptz,
    last_failure_at timestamptz NOT NULL,
    PRIMARY KEY (username, client)
);
CREATE INDEX login_throttle_age_ix ON login_throttle (last_failure_at);

ALTER TABLE app_user DROP COLUMN failed_attempts;
ALTER TABLE app_user DROP COLUMN locked_until;
