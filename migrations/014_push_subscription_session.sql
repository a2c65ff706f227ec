-- Sign-out on the server removes the push subscriptions the signing-out session registered (issue
-- 10: "removed on sign-out"), even when the client could not unsubscribe first (offline, private
-- mode, a script). The control-plane session does not know the browser's Matrix device, so each
-- subscription records the session that registered it. Rows from before this migration have none:
-- they go with revocation, suspension, a push service's 404/410, or the client's own unsubscribe.
ALTER TABLE push_subscriptions
  ADD COLUMN session_id uuid REFERENCES sessions(id) ON DELETE SET NULL;
CREATE INDEX push_subscriptions_session ON push_subscriptions (session_id) WHERE session_id IS NOT NULL;
