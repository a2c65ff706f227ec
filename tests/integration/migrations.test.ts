import { describe, it, expect, inject, afterAll } from "vitest";
import { createPool } from "#server/db/pool.js";
import { migrate, loadMigrations } from "#server/db/migrate.js";
import { createTestDatabase } from "../helpers/postgres-server.js";

describe("migrations", async () => {
  const db = createPool(await createTestDatabase(inject("pgAdminUrl")));
  afterAll(() => db.end());

  it("applied every numbered file once, with its version row", async () => {
    const files = await loadMigrations();
    const rows = (await db.query("SELECT version FROM schema_migrations ORDER BY version")).rows;
    expect(rows.map((r) => r.version)).toEqual(files.map((m) => m.version));
    expect(await migrate(db)).toEqual([]); // nothing left to apply
  });

  it("seeds 35 member states and 13 programs", async () => {
    expect((await db.query("SELECT count(*)::int AS n FROM member_states")).rows[0].n).toBe(35);
    expect((await db.query("SELECT count(*)::int AS n FROM programs")).rows[0].n).toBe(13);
  });

  it("refuses UPDATE and DELETE on the audit log", async () => {
    await db.query(`INSERT INTO audit_log (seq, at, actor, action, prev_hash, hash)
                    VALUES (1, now(), 'system', 'test', '\\x00', '\\x01')`);
    await expect(db.query("DELETE FROM audit_log")).rejects.toThrow(/append-only/);
    await expect(db.query("UPDATE audit_log SET action = 'x'")).rejects.toThrow(/append-only/);
    await expect(db.query("TRUNCATE audit_log")).rejects.toThrow(/append-only|cannot truncate/);
  });

  // 009: codes were char(2) (padded, so every read trimmed them); now text with a CHECK on every column.
  it("keeps member-state codes as text, refusing anything but two capital letters", async () => {
    const types = (
      await db.query(
        `SELECT table_name || '.' || column_name AS col, data_type FROM information_schema.columns
          WHERE (table_name, column_name) IN (('member_states', 'code'), ('people', 'member_state'), ('roles', 'member_state'),
                                              ('homeservers', 'member_state'), ('major_events', 'host_state'), ('major_events', 'supporting_states'))
          ORDER BY 1`,
      )
    ).rows;
    expect(types).toEqual([
      { col: "homeservers.member_state", data_type: "text" },
      { col: "major_events.host_state", data_type: "text" },
      { col: "major_events.supporting_states", data_type: "ARRAY" },
      { col: "member_states.code", data_type: "text" },
      { col: "people.member_state", data_type: "text" },
      { col: "roles.member_state", data_type: "text" },
    ]);
    const event = (states: string) =>
      db.query(
        `INSERT INTO major_events (name, host_state, starts_on, ends_on, venue_type, supporting_states)
                VALUES ('t', 'CL', '2030-01-01', '2030-01-02', 'stadium', $1::text[]) RETURNING supporting_states`,
        [states],
      );
    expect((await event("{AR,BR}")).rows[0].supporting_states).toEqual(["AR", "BR"]);
    await expect(event("{ar}")).rejects.toThrow(/major_events_supporting_states_code/);
    await expect(event("{ARG}")).rejects.toThrow(/major_events_supporting_states_code/);
    await expect(event("{AR,NULL}")).rejects.toThrow(/major_events_supporting_states_code/);
    await expect(db.query("INSERT INTO people (email, full_name, member_state) VALUES ('x@example.org', 'X', 'C ')")).rejects.toThrow(
      /people_member_state_code/,
    );
    // Still a key: an unknown, well-formed code is refused by the reference to member_states.
    await expect(db.query("INSERT INTO people (email, full_name, member_state) VALUES ('y@example.org', 'Y', 'ZZ')")).rejects.toThrow(
      /people_member_state_fkey/,
    );
  });
});
