-- Every committed change to the registry is announced on the channel `enlace_registry` (payload:
-- the table). Replicas use it to drop cached reads at once and the reconciler to react within a
-- second. Statement-level, and PostgreSQL folds identical notifications within a transaction.
CREATE FUNCTION enlace_notify_registry() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('enlace_registry', TG_TABLE_NAME);
  RETURN NULL;
END $$;

CREATE TRIGGER people_notify AFTER INSERT OR UPDATE OR DELETE ON people
  FOR EACH STATEMENT EXECUTE FUNCTION enlace_notify_registry();
CREATE TRIGGER roles_notify AFTER INSERT OR UPDATE OR DELETE ON roles
  FOR EACH STATEMENT EXECUTE FUNCTION enlace_notify_registry();
CREATE TRIGGER sessions_notify AFTER UPDATE OR DELETE ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION enlace_notify_registry();
CREATE TRIGGER homeservers_notify AFTER INSERT OR UPDATE OR DELETE ON homeservers
  FOR EACH STATEMENT EXECUTE FUNCTION enlace_notify_registry();
CREATE TRIGGER major_events_notify AFTER INSERT OR UPDATE OR DELETE ON major_events
  FOR EACH STATEMENT EXECUTE FUNCTION enlace_notify_registry();
