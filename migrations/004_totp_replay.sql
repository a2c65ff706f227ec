-- The last accepted TOTP time step per person: a code is accepted once, never replayed.
ALTER TABLE people ADD COLUMN totp_last_step bigint;
