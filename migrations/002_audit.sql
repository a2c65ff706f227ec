-- Append-only, hash-chained audit log. Each entry's hash covers the previous entry's hash and the
-- entry's canonical JSON; each entry carries an Ed25519 signature over its hash (a signed checkpoint).
CREATE TABLE audit_log (
  seq        bigint PRIMARY KEY,
  at         timestamptz NOT NULL,
  actor      text NOT NULL,                -- person id, or 'anonymous' / 'system' / 'reconciler'
  action     text NOT NULL,
  subject    text,
  details    jsonb NOT NULL DEFAULT '{}',
  prev_hash  bytea NOT NULL,
  hash       bytea NOT NULL,
  signature  bytea NOT NULL
);
CREATE INDEX audit_log_subject ON audit_log (subject, seq);

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

-- The chain head: its row lock serialises appends across connections and replicas.
CREATE TABLE audit_head (
  id   boolean PRIMARY KEY DEFAULT true CHECK (id),
  seq  bigint NOT NULL,
  hash bytea NOT NULL
);
INSERT INTO audit_head (seq, hash) VALUES (0, decode(repeat('00', 32), 'hex'));
