-- Advisory numbers per program, and the digest each was countersigned for. The control plane
-- never sees an advisory's text: only its program, number and BLAKE2b digest.
CREATE TABLE advisory_numbers (
  program      text NOT NULL REFERENCES programs(code),
  number       integer NOT NULL CHECK (number > 0),
  reserved_by  uuid NOT NULL REFERENCES people(id),
  reserved_at  timestamptz NOT NULL DEFAULT now(),
  digest       text,
  signed_at    timestamptz,
  PRIMARY KEY (program, number)
);
