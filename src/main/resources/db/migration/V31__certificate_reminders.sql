-- Expiry reminders of certificates: one row per certificate and threshold (days before expiry: 180, 120, 0). The
-- primary key makes each reminder happen once, whatever runs the job and how often: the run whose insert takes the
-- row sends the notifications, in the same transaction; a concurrent run's insert waits for it and then does nothing.
CREATE TABLE certificate_reminder (
    certificate_id bigint      NOT NULL REFERENCES certificate (id),
    threshold_days int         NOT NULL CHECK (threshold_days >= 0),
    reminded_on    date        NOT NULL,
    -- Users notified; 0 for a skipped threshold or when nobody could be addressed.
    recipients     int         NOT NULL CHECK (recipients >= 0),
    -- A threshold already passed when the certificate was first seen, recorded so that it never fires: only the
    -- nearest threshold reached is sent.
    skipped        boolean     NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (certificate_id, threshold_days)
);
