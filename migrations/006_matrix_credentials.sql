-- Matrix identity and credentials: the person's cross-signing master key (as their client
-- registered it) and a version that grows whenever anything their credential states changes.
ALTER TABLE people ADD COLUMN master_key text;
ALTER TABLE people ADD COLUMN credential_version integer NOT NULL DEFAULT 1;

-- The registry bot's rooms: one row per desired room key, with the Matrix room id once created.
CREATE TABLE matrix_rooms (
  key         text PRIMARY KEY,
  room_id     text UNIQUE,
  kind        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
