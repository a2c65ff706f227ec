import { describe, it, expect, beforeEach, afterEach } from "vitest";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import pg from "pg";
import { startTestPlane, actor, api, role, type TestPlane } from "../helpers/control-plane.js";
import { entryHash } from "#server/domain/audit/chain.js";
import { signCheckpoint } from "#server/domain/audit/append.js";

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
      await api(plane, "POST", "/api/nominations", {
        token: coord.token,
        body: {
          email: `n${i}@example.jm`,
          fullName: `Nominee ${i}`,
          memberState: "JM",
          roles: [{ role: "focal_point", memberState: "JM", program: "aviation" }],
        },
      });
      await signCheckpoint(plane.ctx.db, plane.ctx.keys.audit);
    }
  });
  afterEach(() => plane.close());

  it("an untouched log verifies", async () => {
    const r = await verifyCli(plane);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/audit log intact: \d+ entries, chain valid up to #\d+, signed checkpoints valid up to #\d+/);
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
    expect(r.out).toMatch(new RegExp(`BROKEN at entry #${last - 1}: .*deleted`));
  });

  it("a chain rewritten without the audit key fails at the next signed checkpoint", async () => {
    // The attacker edits entry 3 and recomputes every later hash and the head: the chain is
    // self-consistent again, but the signed checkpoints no longer match.
    const rows = (await plane.ctx.db.query("SELECT * FROM audit_log ORDER BY seq")).rows;
    const lastSigned = (await plane.ctx.db.query("SELECT max(seq)::int m FROM audit_checkpoints WHERE seq < 3")).rows[0].m;
    let prev = new Uint8Array(rows[1].prev_hash);
    for (const row of rows.slice(1)) {
      const details = row.seq === 3 ? { ...row.details, reason: "rewritten" } : row.details;
      const hash = await entryHash(prev, {
        seq: Number(row.seq),
        at: new Date(row.at).toISOString(),
        actor: row.actor,
        action: row.action,
        subject: row.subject,
        details,
      });
      if (Number(row.seq) >= 3)
        await tamper(plane, "UPDATE audit_log SET details = $1, prev_hash = $2, hash = $3 WHERE seq = $4", [
          JSON.stringify(details),
          Buffer.from(prev),
          Buffer.from(hash),
          row.seq,
        ]);
      prev = hash;
    }
    await tamper(plane, "UPDATE audit_head SET hash = $1", [Buffer.from(prev)]);
    const r = await verifyCli(plane);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(new RegExp(`BROKEN at entry #${lastSigned + 1}: entries #${lastSigned + 1}–#\\d+ were rewritten`));
  });

  it("a forged checkpoint signature is named", async () => {
    await tamper(plane, "UPDATE audit_checkpoints SET signature = $1 WHERE seq = (SELECT min(seq) FROM audit_checkpoints)", [Buffer.alloc(64, 7)]);
    const r = await verifyCli(plane);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/has an invalid signature/);
  });

  it("the database itself refuses UPDATE and DELETE", async () => {
    await expect(plane.ctx.db.query("UPDATE audit_log SET action = 'x' WHERE seq = 1")).rejects.toThrow(/append-only/);
    await expect(plane.ctx.db.query("DELETE FROM audit_log WHERE seq = 1")).rejects.toThrow(/append-only/);
  });
});
