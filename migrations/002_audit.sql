-- Append-only, hash-chained audit log:
--   hash_n = BLAKE2b-512(hash_{n-1} || int8(seq_n) || JCS({at, actor, action, subject, details}))
-- computed inside PostgreSQL (pgcrypto's digest, OpenSSL's BLAKE2b-512) so an append is a single
-- statement in the caller's transaction. Ed25519-signed checkpoints of the head are written
-- separately (audit_checkpoints) by the checkpointer.
CREATE EXTENSION IF NOT EXISTS pgcrypto;

CREATE TABLE audit_log (
  seq        bigint PRIMARY KEY,
  at         timestamptz NOT NULL,
  actor      text NOT NULL,                -- person id, or 'anonymous' / 'system' / 'reconciler'
  action     text NOT NULL,
  subject    text,
  details    jsonb NOT NULL DEFAULT '{}',
  prev_hash  bytea NOT NULL,
  hash       bytea NOT NULL
);
CREATE INDEX audit_log_subject ON audit_log (subject, seq);

CREATE TABLE audit_checkpoints (
  seq        bigint PRIMARY KEY REFERENCES audit_log(seq),
  hash       bytea NOT NULL,
  signature  bytea NOT NULL,
  signed_at  timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE OR DELETE ON audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

-- The chain head: its row lock serialises appends across connections and replicas.
CREATE TABLE audit_head (
  id   boolean PRIMARY KEY DEFAULT true CHECK (id),
  seq  bigint NOT NULL,
  hash bytea NOT NULL
);
INSERT INTO audit_head (seq, hash) VALUES (0, decode(repeat('00', 64), 'hex'));
