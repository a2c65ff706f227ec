-- Where a member state's people sign in: the client URL of their homeserver (federation, issue 12).
-- The control plane hands it out with a sign-in grant for that homeserver, so the web client finds a
-- person's homeserver from the registry instead of asking them. NULL: not given (the Secretariat's own
-- homeserver's URL comes from configuration; a member state's without a URL gets no grants).
ALTER TABLE homeservers
  ADD COLUMN client_url text CHECK (client_url ~ '^https?://[^\s/?#]+(/[^\s?#]*)?$' AND length(client_url) <= 2048);
