-- Limits on anonymous forms (buyer inquiries, producer sign-up) shared by every app node: hits per key and fixed
-- window. Keys are SHA-256 digests of what is limited (a client address, an e-mail address), never the value itself.
CREATE TABLE rate_limit (
    bucket       varchar(120) NOT NULL,
    window_start timestamptz  NOT NULL,
    hits         int          NOT NULL,
    PRIMARY KEY (bucket, window_start)
);
CREATE INDEX rate_limit_window_ix ON rate_limit (window_start);

-- Secrets the application creates for itself on first use and shares between nodes (the key that signs the
-- anti-spam form tokens).
CREATE TABLE app_secret (
    name       varchar(50) PRIMARY KEY,
    value      bytea       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
