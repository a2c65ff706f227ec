-- Member-state codes as text instead of char(2). char(n) pads shorter values, so every read of a
-- code was trimmed just in case (`?.trim()` in the repos); text reads back exactly as written. Every
-- column keeps the two-capital-letters rule as a CHECK of its own, not only through the key it references.
-- The keys referencing member_states(code) are dropped and made again around the type change.
ALTER TABLE people       DROP CONSTRAINT people_member_state_fkey;
ALTER TABLE roles        DROP CONSTRAINT roles_member_state_fkey;
ALTER TABLE homeservers  DROP CONSTRAINT homeservers_member_state_fkey;
ALTER TABLE major_events DROP CONSTRAINT major_events_host_state_fkey;

ALTER TABLE member_states ALTER COLUMN code TYPE text;

ALTER TABLE people       ALTER COLUMN member_state TYPE text,
  ADD CONSTRAINT people_member_state_code CHECK (member_state ~ '^[A-Z]{2}$'),
  ADD CONSTRAINT people_member_state_fkey FOREIGN KEY (member_state) REFERENCES member_states(code);
ALTER TABLE roles        ALTER COLUMN member_state TYPE text,
  ADD CONSTRAINT roles_member_state_code CHECK (member_state ~ '^[A-Z]{2}$'),
  ADD CONSTRAINT roles_member_state_fkey FOREIGN KEY (member_state) REFERENCES member_states(code);
ALTER TABLE homeservers  ALTER COLUMN member_state TYPE text,
  ADD CONSTRAINT homeservers_member_state_code CHECK (member_state ~ '^[A-Z]{2}$'),
  ADD CONSTRAINT homeservers_member_state_fkey FOREIGN KEY (member_state) REFERENCES member_states(code);

-- An array cannot reference a table; its elements are checked for form here and for existence by
-- the service (events/service.ts) before an insert.
CREATE FUNCTION enlace_state_codes(codes text[]) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce(bool_and(c IS NOT NULL AND c ~ '^[A-Z]{2}$'), true) FROM unnest(codes) AS c $$;

ALTER TABLE major_events ALTER COLUMN host_state TYPE text,
  ALTER COLUMN supporting_states DROP DEFAULT,
  ALTER COLUMN supporting_states TYPE text[],
  ALTER COLUMN supporting_states SET DEFAULT '{}',
  ADD CONSTRAINT major_events_host_state_code CHECK (host_state ~ '^[A-Z]{2}$'),
  ADD CONSTRAINT major_events_supporting_states_code CHECK (enlace_state_codes(supporting_states)),
  ADD CONSTRAINT major_events_host_state_fkey FOREIGN KEY (host_state) REFERENCES member_states(code);
