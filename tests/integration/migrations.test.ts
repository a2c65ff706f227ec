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
});
