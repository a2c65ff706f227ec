-- Registry: member states, programs, people, their roles and vetting history.
CREATE TABLE member_states (
  code       char(2) PRIMARY KEY CHECK (code ~ '^[A-Z]{2}$'),
  name       text NOT NULL,
  languages  text[] NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE programs (
  code       text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9-]{1,39}$'),
  names      jsonb NOT NULL,              -- {"en": …, "es": …, "pt": …, "fr": …}
  created_at timestamptz NOT NULL DEFAULT now()
);

-- rejected is final for a nomination; revoked is final for a vetted person.
CREATE TYPE vetting_status AS ENUM ('nominated', 'approved', 'active', 'suspended', 'revoked', 'rejected');
CREATE TYPE role_kind AS ENUM ('secretariat_admin', 'secretariat_officer', 'national_coordinator', 'focal_point', 'alternate');

CREATE FUNCTION enlace_search_doc(name text, areas text[]) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT to_tsvector('simple', coalesce(name, '') || ' ' || coalesce(array_to_string(areas, ' '), '')) $$;

CREATE TABLE people (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email           text NOT NULL,
  full_name       text NOT NULL,
  member_state    char(2) REFERENCES member_states(code),   -- NULL for Secretariat staff
  matrix_user_id  text UNIQUE,
  status          vetting_status NOT NULL DEFAULT 'nominated',
  vetted_until    timestamptz,
  revetting_due   boolean NOT NULL DEFAULT false,
  password_hash   text,
  totp_secret     bytea,                                   -- sealed with the data key
  totp_enabled    boolean NOT NULL DEFAULT false,
  nominated_by    uuid REFERENCES people(id),
  approved_by     uuid REFERENCES people(id),
  expertise_areas text[] NOT NULL DEFAULT '{}',
  languages       text[] NOT NULL DEFAULT '{}',
  search          tsvector GENERATED ALWAYS AS (enlace_search_doc(full_name, expertise_areas)) STORED,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX people_email_key ON people (lower(email));
CREATE INDEX people_state_status ON people (member_state, status);
CREATE INDEX people_search ON people USING gin (search) WHERE status = 'active';
CREATE INDEX people_areas ON people USING gin (expertise_areas) WHERE status = 'active';
CREATE INDEX people_vetted_until ON people (vetted_until) WHERE status = 'active';

CREATE TABLE roles (
  id           bigserial PRIMARY KEY,
  person_id    uuid NOT NULL REFERENCES people(id),
  role         role_kind NOT NULL,
  member_state char(2) REFERENCES member_states(code),
  program      text REFERENCES programs(code),
  CONSTRAINT role_scope CHECK (
    (role = 'secretariat_admin'    AND member_state IS NULL     AND program IS NULL) OR
    (role = 'secretariat_officer'  AND member_state IS NULL     AND program IS NOT NULL) OR
    (role = 'national_coordinator' AND member_state IS NOT NULL AND program IS NULL) OR
    (role IN ('focal_point', 'alternate') AND member_state IS NOT NULL AND program IS NOT NULL)
  ),
  UNIQUE NULLS NOT DISTINCT (person_id, role, member_state, program)
);
CREATE INDEX roles_person ON roles (person_id);
CREATE INDEX roles_program ON roles (program);

CREATE TABLE vetting_transitions (
  id          bigserial PRIMARY KEY,
  person_id   uuid NOT NULL REFERENCES people(id),
  from_status vetting_status,
  to_status   vetting_status NOT NULL,
  actor_id    uuid REFERENCES people(id),                  -- NULL: the system (e.g. expiry)
  reason      text NOT NULL,
  at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX vetting_transitions_person ON vetting_transitions (person_id, id);

CREATE TABLE sessions (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash  bytea NOT NULL UNIQUE,
  person_id   uuid NOT NULL REFERENCES people(id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  revoked_at  timestamptz
);
CREATE INDEX sessions_person ON sessions (person_id) WHERE revoked_at IS NULL;

CREATE TABLE enrollment_links (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash    bytea NOT NULL UNIQUE,
  person_id     uuid NOT NULL REFERENCES people(id),
  created_by    uuid REFERENCES people(id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  used_at       timestamptz,
  pending_totp  bytea                                       -- sealed secret offered at enrolment start
);
CREATE INDEX enrollment_links_person ON enrollment_links (person_id);

CREATE TYPE homeserver_status AS ENUM ('active', 'suspended');
CREATE TABLE homeservers (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  server_name  text NOT NULL UNIQUE,
  member_state char(2) REFERENCES member_states(code),     -- NULL: the Secretariat's own
  status       homeserver_status NOT NULL DEFAULT 'active',
  created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE major_events (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name        text NOT NULL,
  host_state  char(2) NOT NULL REFERENCES member_states(code),
  starts_on   date NOT NULL,
  ends_on     date NOT NULL,
  venue_type  text NOT NULL,
  supporting_states char(2)[] NOT NULL DEFAULT '{}',
  created_by  uuid REFERENCES people(id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on >= starts_on)
);
