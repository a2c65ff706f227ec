-- The revocation list as last signed. Readers keep the highest (serial, issuedAt) they have seen
-- and refuse anything older, so both may only grow: across restarts, replicas and clock slips.
-- `serial` grows whenever the entries change (a suspension, revocation or reinstatement);
-- `issued_at` with every signature (the periodic refresh too). `digest` is the entries' SHA-256,
-- `signed` the list exactly as published.
CREATE TABLE revocation_list (
  id         boolean PRIMARY KEY DEFAULT true CHECK (id),
  serial     integer NOT NULL CHECK (serial >= 0),
  issued_at  timestamptz,
  digest     text,
  signed     jsonb
);
-- Serials published before this table counted suspension and revocation decisions: start there,
-- so the first list signed from here on is above every earlier one.
INSERT INTO revocation_list (serial)
  SELECT count(*) FROM vetting_transitions WHERE to_status IN ('suspended', 'revoked');
