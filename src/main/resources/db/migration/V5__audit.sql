-- Append-only audit trail: who did what, when, to which object, with a before/after summary.
CREATE TABLE audit_event (
    id            bigserial    PRIMARY KEY,
    occurred_at   timestamptz  NOT NULL DEFAULT now(),
    actor         varchar(64)  NOT NULL,
    actor_role    varchar(30),
    action        varchar(100) NOT NULL,
    object_type   varchar(50)  NOT NULL,
    object_id     varchar(100) NOT NULL,
    location_code varchar(10),
    summary       text         NOT NULL,
    client_ip     varchar(64)
);
CREATE INDEX audit_event_time_ix ON audit_event (occurred_at DESC);
CREATE INDEX audit_event_actor_ix ON audit_event (actor, occurred_at DESC);
CREATE INDEX audit_event_object_ix ON audit_event (object_type, object_id);
CREATE INDEX audit_event_action_ix ON audit_event (action);

-- The trail can only grow: updates and deletes are refused by the database itself, whatever the application does.
CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
