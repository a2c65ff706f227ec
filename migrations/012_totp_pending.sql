-- A new authenticator secret a signed-in person asked for (sealed with the data key, as totp_secret):
-- it replaces totp_secret only after they type a correct code from it, so a wrong code leaves the
-- old secret working.
ALTER TABLE people ADD COLUMN totp_pending bytea;
