-- Notifications (issue 10): Web Push subscriptions per device, each person's preferences, the
-- outbox every push and mail goes through (its dedupe key makes "never sent twice" a constraint),
-- and the acknowledgement schedule of advisories that require one. Nothing here holds content:
-- advisories are program + number, rooms and events their Matrix IDs.

CREATE TABLE push_subscriptions (
  id               bigserial PRIMARY KEY,
  person_id        uuid NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  -- The Matrix device the browser signed in as; one subscription per device, replaced on re-subscribe.
  matrix_device_id text NOT NULL,
  endpoint         text NOT NULL,
  p256dh           text NOT NULL,
  auth             text NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (person_id, matrix_device_id)
);
CREATE UNIQUE INDEX push_subscriptions_endpoint_key ON push_subscriptions (endpoint);

CREATE TABLE notification_preferences (
  person_id     uuid PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
  push          boolean NOT NULL DEFAULT true,
  email         boolean NOT NULL DEFAULT true,
  -- Local times of day in quiet_tz; both null: no quiet hours.
  quiet_start   text CHECK (quiet_start ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  quiet_end     text CHECK (quiet_end ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  quiet_tz      text,
  language      text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'es', 'pt', 'fr')),
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CHECK ((quiet_start IS NULL) = (quiet_end IS NULL) AND (quiet_start IS NULL) = (quiet_tz IS NULL))
);

-- One row per person and subject: the dispatcher sends due rows (due_at from the context's clock),
-- retries failures with backoff, and a second enqueue of the same subject for the same person is
-- absorbed by the unique key (or, within the coalescing window, merged into the pending row).
CREATE TABLE notification_outbox (
  id            bigserial PRIMARY KEY,
  person_id     uuid NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  dedupe_key    text NOT NULL,
  -- The message catalogue's key (server/domain/notifications/catalogue.ts) and its parameters:
  -- program codes, numbers, state codes, a room ID to open; never content.
  kind          text NOT NULL,
  params        jsonb NOT NULL DEFAULT '{}',
  -- critical alerts and deadlines go out through quiet hours
  urgent        boolean NOT NULL DEFAULT false,
  -- Held by the person's quiet hours (not by the coalescing window): an urgent event merged in sends it at once.
  deferred      boolean NOT NULL DEFAULT false,
  -- How many events were merged into this one (a burst becomes one notification).
  coalesced     integer NOT NULL DEFAULT 1,
  due_at        timestamptz NOT NULL,
  -- Channels already delivered ('push', 'mail'): a retry after one channel failed sends only the other.
  delivered     text[] NOT NULL DEFAULT '{}',
  attempts      integer NOT NULL DEFAULT 0,
  last_error    text,
  status        text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'cancelled', 'failed')),
  sent_at       timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT notification_outbox_dedupe_key UNIQUE (person_id, dedupe_key)
);
CREATE INDEX notification_outbox_due ON notification_outbox (due_at) WHERE status = 'pending';

-- Advisories that require acknowledgement (set when countersigned), and which states acknowledged.
CREATE TABLE advisory_ack_requirements (
  program            text NOT NULL,
  number             integer NOT NULL,
  -- When it was countersigned by the control plane's clock: reminders count their intervals from it.
  published_at       timestamptz NOT NULL,
  ack_deadline       timestamptz NOT NULL,
  remind_every_hours integer NOT NULL CHECK (remind_every_hours BETWEEN 1 AND 168),
  created_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (program, number),
  FOREIGN KEY (program, number) REFERENCES advisory_numbers (program, number)
);

CREATE TABLE advisory_acknowledgements (
  program          text NOT NULL,
  number           integer NOT NULL,
  member_state     text NOT NULL CHECK (member_state ~ '^[A-Z]{2}$') REFERENCES member_states(code),
  acknowledged_by  uuid NOT NULL REFERENCES people(id),
  acknowledged_at  timestamptz NOT NULL,
  PRIMARY KEY (program, number, member_state),
  FOREIGN KEY (program, number) REFERENCES advisory_numbers (program, number)
);

-- The reminder schedule per advisory and state: one row per reminder, cancelled at acknowledgement.
CREATE TABLE advisory_reminders (
  id            bigserial PRIMARY KEY,
  program       text NOT NULL,
  number        integer NOT NULL,
  member_state  text NOT NULL CHECK (member_state ~ '^[A-Z]{2}$'),
  kind          text NOT NULL CHECK (kind IN ('scheduled', 'manual', 'deadline')),
  audience      text NOT NULL CHECK (audience IN ('focal-points', 'coordinator')),
  due_at        timestamptz NOT NULL,
  status        text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'cancelled')),
  sent_at       timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (program, number) REFERENCES advisory_numbers (program, number)
);
CREATE INDEX advisory_reminders_due ON advisory_reminders (due_at) WHERE status = 'pending';
CREATE INDEX advisory_reminders_advisory ON advisory_reminders (program, number, member_state);
