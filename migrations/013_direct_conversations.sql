-- Direct encrypted conversations between two vetted people. The registry keeps only the pair (who
-- may talk to whom, asked for by whom, when); the reconciler makes a Matrix room per row (key
-- `dm:<id>`, recorded in matrix_rooms like every managed room) whose members are those of the pair
-- who are active now. Content never reaches the control plane.
CREATE TABLE direct_conversations (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The pair in a fixed order, so one pair is one row whoever starts the conversation.
  person_low  uuid NOT NULL REFERENCES people(id),
  person_high uuid NOT NULL REFERENCES people(id),
  started_by  uuid NOT NULL REFERENCES people(id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (person_low < person_high),
  CHECK (started_by = person_low OR started_by = person_high),
  UNIQUE (person_low, person_high)
);
CREATE INDEX direct_conversations_high ON direct_conversations (person_high);
