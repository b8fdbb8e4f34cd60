-- In-app notifications, one row per user. Title and text are message keys with their arguments, rendered in the
-- reader's language when read; e-mail copies are sent after the notifying transaction commits (mailed_at).
CREATE TABLE notification (
    id          bigserial    PRIMARY KEY,
    user_id     bigint       NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    title_key   varchar(100) NOT NULL,
    body_key    varchar(100) NOT NULL,
    arguments   text[]       NOT NULL DEFAULT '{}',
    -- A path inside the application (e.g. /certificates/82-26-…), never an absolute URL.
    link        varchar(300) CHECK (link ~ '^/($|[^/])'),
    created_at  timestamptz  NOT NULL DEFAULT now(),
    read_at     timestamptz,
    mailed_at   timestamptz
);
CREATE INDEX notification_inbox_ix ON notification (user_id, created_at DESC, id DESC);
CREATE INDEX notification_unread_ix ON notification (user_id) WHERE read_at IS NULL;
