import { describe, it, expect, beforeEach, afterEach } from "vitest";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import pg from "pg";
import { startTestPlane, actor, api, role, type TestPlane } from "../helpers/control-plane.js";
import { entryHash } from "../../server/domain/audit/chain.js";

const run = promisify(execFile);

/** Runs the real CLI (`enlace audit verify`) against the test database, offline from the server. */
async function verifyCli(plane: TestPlane) {
  try {
    const { stdout } = await run("node", ["bin/enlace.mjs", "audit", "verify", "--database-url", plane.dbUrl, "--keys-dir", plane.keysDir]);
    return { code: 0, out: stdout };
  } catch (e: any) {
    return { code: e.code as number, out: `${e.stdout}${e.stderr}` };
  }
}

/** Tampering as a database superuser would: with the append-only triggers bypassed. */
async function tamper(plane: TestPlane, sql: string, values: unknown[] = []) {
  const c = new pg.Client({ connectionString: plane.dbUrl });
  await c.connect();
  try {
    await c.query("SET session_replication_role = replica");
    await c.query(sql, values);
  } finally {
    await c.end();
  }
}

describe("audit log tampering is detected by `enlace audit verify`", () => {
  let plane: TestPlane;
  beforeEach(async () => {
    plane = await startTestPlane();
    const coord = await actor(plane, [role.coordinator("JM")], "JM");
    for (let i = 0; i < 4; i++) {
      await api(plane, "POST", "/api/nominations", { token: coord.token, body: { email: `n${i}@example.jm`, fullName: `Nominee ${i}`, memberState: "JM", roles: [{ role: "focal_point", memberState: "JM", program: "aviation" }] } });
    }
  });
  afterEach(() => plane.close());

  it("an untouched log verifies", async () => {
    const r = await verifyCli(plane);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/audit log intact: \d+ entries/);
  });

  it("an edited entry is named", async () => {
    await tamper(plane, "UPDATE audit_log SET details = jsonb_set(details, '{reason}', '\"forged\"') WHERE seq = 4");
    const r = await verifyCli(plane);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/BROKEN at entry #4: content does not match its hash/);
  });

  it("a deleted entry is named", async () => {
    await tamper(plane, "DELETE FROM audit_log WHERE seq = 3");
    const r = await verifyCli(plane);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/BROKEN at entry #3: entry 3 is missing/);
  });

  it("reordered entries are named", async () => {
    await tamper(plane, "UPDATE audit_log SET seq = -1 WHERE seq = 3");
    await tamper(plane, "UPDATE audit_log SET seq = 3 WHERE seq = 4");
    await tamper(plane, "UPDATE audit_log SET seq = 4 WHERE seq = -1");
    const r = await verifyCli(plane);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/BROKEN at entry #3/);
  });

  it("deleting the newest entries is named", async () => {
    const last = (await plane.ctx.db.query("SELECT max(seq)::int m FROM audit_log")).rows[0].m;
    await tamper(plane, "DELETE FROM audit_log WHERE seq >= $1", [last - 1]);
    const r = await verifyCli(plane);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(new RegExp(`BROKEN at entry #${last - 1}: .*entries deleted from the end`));
  });

  it("a re-hashed forgery without the audit key fails its signature", async () => {
    const row = (await plane.ctx.db.query("SELECT * FROM audit_log WHERE seq = 2")).rows[0];
    const details = { ...row.details, reason: "rewritten" };
    const hash = await entryHash(new Uint8Array(row.prev_hash), { seq: 2, at: new Date(row.at).toISOString(), actor: row.actor, action: row.action, subject: row.subject, details });
    await tamper(plane, "UPDATE audit_log SET details = $1, hash = $2 WHERE seq = 2", [JSON.stringify(details), Buffer.from(hash)]);
    const r = await verifyCli(plane);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/BROKEN at entry #2: signature is not valid/);
  });

  it("the database itself refuses UPDATE and DELETE", async () => {
    await expect(plane.ctx.db.query("UPDATE audit_log SET action = 'x' WHERE seq = 1")).rejects.toThrow(/append-only/);
    await expect(plane.ctx.db.query("DELETE FROM audit_log WHERE seq = 1")).rejects.toThrow(/append-only/);
  });
});
