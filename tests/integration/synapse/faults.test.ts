import { describe, it, expect, afterEach } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startTestSynapse } from "../../helpers/synapse.js";
import { startTestPlane } from "../../helpers/control-plane.js";
import { eventually } from "../../helpers/matrix-wait.js";
import { membershipDrift, seedBulkPeople } from "../../helpers/room-check.js";
import { freePort } from "../../helpers/ports.js";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!().catch(() => {});
});

describe("faults", () => {
  it("Synapse killed mid-reconcile and restarted: the rooms converge and nothing is lost", async () => {
    const hs = await startTestSynapse();
    cleanups.push(() => hs.close());
    const plane = await startTestPlane({ synapse: hs });
    cleanups.push(() => plane.close());
    await eventually(
      () => membershipDrift(plane.ctx, hs.admin, hs.serverName, hs.botUserId),
      (d) => d.length === 0,
      60_000,
      250,
    );

    await seedBulkPeople(plane.ctx, 40, hs.serverName, "k");
    await plane.link!.boss.send("reconcile-all", {});
    plane.link!.reconciler.wake();
    await new Promise((r) => setTimeout(r, 300));
    await hs.kill(); // mid-reconcile
    await new Promise((r) => setTimeout(r, 1500));
    await hs.restart();
    const { ms } = await eventually(
      () => membershipDrift(plane.ctx, hs.admin, hs.serverName, hs.botUserId),
      (d) => d.length === 0,
      90_000,
      500,
    );
    console.log(`converged ${ms} ms after Synapse came back`);
  }, 180_000);

  it("the control plane killed mid-job: another instance resumes the job and the rooms converge, without duplicate rooms", async () => {
    const hs = await startTestSynapse();
    cleanups.push(() => hs.close());
    const plane = await startTestPlane(); // database, keys and API only; the child processes do the work
    cleanups.push(() => plane.close());
    await seedBulkPeople(plane.ctx, 80, hs.serverName, "c");

    const dataDir = await mkdtemp(join(tmpdir(), "enlace-child-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const keys = plane.ctx.keys;
    const env = {
      ...process.env,
      DATABASE_URL: plane.dbUrl,
      ENLACE_DATA_DIR: dataDir,
      ENLACE_LOG_LEVEL: "error",
      ENLACE_SECRETARIAT_SIGNING_KEY: keys.secretariat.secretKey,
      ENLACE_AUDIT_SIGNING_KEY: keys.audit.secretKey,
      ENLACE_SESSION_SECRET: Buffer.from(keys.sessionSecret).toString("base64"),
      ENLACE_DATA_KEY: Buffer.from(keys.dataKey).toString("base64"),
      SYNAPSE_URL: hs.url,
      SYNAPSE_SERVER_NAME: hs.serverName,
      SYNAPSE_JWT_SECRET: hs.jwtSecret,
      SYNAPSE_REGISTRATION_SHARED_SECRET: hs.registrationSharedSecret,
      ENLACE_JOB_EXPIRY_SECONDS: "10",
      ENLACE_JOB_MAINTENANCE_SECONDS: "1",
    };
    const start = async () => {
      // Node itself (not the tsx wrapper, which would leave its child behind when killed).
      const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server/serve.ts"], {
        cwd: ROOT,
        env: { ...env, ENLACE_PORT: String(await freePort()) },
        stdio: ["ignore", "pipe", "pipe"],
      });
      // The logger writes to stdout at level "error" here: whatever it prints explains a failure.
      let err = "";
      child.stdout!.on("data", (d) => {
        err += d;
      });
      child.stderr!.on("data", (d) => {
        err += d;
      });
      cleanups.push(async () => {
        child.kill("SIGKILL");
      });
      return { child, err: () => err };
    };
    const added = async () => Number((await plane.ctx.db.query("SELECT count(*) n FROM audit_log WHERE action = 'reconciler.member_added'")).rows[0].n);

    const first = await start();
    await eventually(added, (n) => n >= 20, 60_000, 50);
    first.child.kill("SIGKILL"); // mid-job: rooms made, members half added
    // The job is unfinished (still marked active by the dead worker, or already expired into retry).
    const stuck = await plane.ctx.db.query("SELECT count(*) n FROM pgboss.job WHERE name = 'reconcile-all' AND state IN ('active', 'retry')");
    expect(Number(stuck.rows[0].n)).toBe(1);

    const second = await start();
    const { ms } = await eventually(
      () => membershipDrift(plane.ctx, hs.admin, hs.serverName, hs.botUserId),
      (d) => d.length === 0,
      200_000,
      500,
    ).catch((e) => {
      throw new Error(`${e.message}\n${second.err()}`);
    });
    console.log(`second instance converged the rooms in ${ms} ms`);
    const rooms = await plane.ctx.db.query("SELECT count(*) n FROM matrix_rooms");
    expect(Number(rooms.rows[0].n)).toBe(28);
    second.child.kill("SIGTERM");
  }, 320_000);
});
