import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { writeFile, mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startTestSynapse, type TestSynapse } from "../../helpers/synapse.js";
import { startTestPlane, role, actor, type TestPlane } from "../../helpers/control-plane.js";
import { member, roomsReady, type Member } from "../../helpers/e2ee.js";
import { nextEvent, readEvent } from "#shared/matrix/receive.js";
import { eventually } from "../../helpers/matrix-wait.js";
import { findRoomByKey } from "#shared/matrix/rooms.js";
import { EXAMPLES } from "#shared/content/examples.js";
import { Method } from "matrix-js-sdk";
import { ControlPlaneClient } from "#shared/matrix/control-plane.js";
import { signInThroughControlPlane } from "#shared/matrix/session.js";
import { restoreFromRecoveryKey } from "#shared/matrix/first-run.js";
import { senderPaths } from "#server/cli/sender-device.js";

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, "..", "..", "..");

describe("enlace send: a national CSIRT's system posts as a vetted account", () => {
  let hs: TestSynapse, plane: TestPlane, ana: Member, dir: string;
  beforeAll(async () => {
    // The limits a deployment has: eight runs must not meet them.
    hs = await startTestSynapse({ productionLimits: true });
    plane = await startTestPlane({ synapse: hs });
    await roomsReady(plane);
    ana = await member(plane, [role.focal("JM", "tourism")], "JM", ["space", "network:tourism"]);
    dir = await mkdtemp(join(tmpdir(), "enlace-cli-"));
  }, 180_000);
  afterAll(async () => {
    ana?.session.stop();
    await plane?.close();
    await hs?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("keeps one device across eight runs (no new login, no 429); every alert decrypts and verifies at a Rust-crypto reader; its keys are in the backup", async () => {
    const bot = await actor(plane, [role.focal("CL", "tourism")], "CL", { email: "csirt-bot@csirt.gob.cl", fullName: "CSIRT Chile (automated)" });
    const file = join(dir, "alert.json");
    const dataDir = join(dir, "data");
    const env = { ...process.env, ENLACE_EMAIL: bot.email, ENLACE_PASSWORD: bot.password };
    const roomId = findRoomByKey(ana.session.client, "network:tourism")!.roomId;
    const send = (title: string) =>
      writeFile(file, JSON.stringify({ ...EXAMPLES.alert, title })).then(() =>
        run("node", ["bin/enlace.mjs", "send", "alert", "--file", file, "--room", "network:tourism", "--url", plane.url, "--data-dir", dataDir], {
          cwd: ROOT,
          env,
        }),
      );
    const paths = senderPaths(dataDir, plane.url, bot.email);
    const keptDevice = async () => (JSON.parse(await readFile(paths.file, "utf8")) as { device: { userId: string; deviceId: string } }).device;

    let recoveryKey: string | undefined;
    let first: { userId: string; deviceId: string } | undefined;
    const eventIds: string[] = [];
    for (let i = 1; i <= 8; i++) {
      const title = `Phishing campaign against ticket buyers, wave ${i}`;
      const arrives = nextEvent(ana.session, roomId, (e) => (e.getSender()?.startsWith("@csirt-bot") ?? false) && e.isEncrypted(), 90_000);
      const r = await send(title);
      expect(r.stdout.trim()).toMatch(/^\$/);
      eventIds.push(r.stdout.trim());
      expect(r.stderr).not.toMatch(/429|Too Many|wait/i);
      if (i === 1) {
        // First use of the account: cross-signing and key backup, and the recovery key printed once.
        recoveryKey = r.stderr
          .split("\n")
          .find((l) => /^[0-9A-Z]{4}( [0-9A-Z]{4}){13}$/.test(l.trim()))
          ?.trim();
        expect(recoveryKey).toBeTruthy();
        first = await keptDevice();
      } else expect(r.stderr).toBe("");
      const got = await arrives;
      expect(got.content).toMatchObject({ status: "valid", kind: "alert", content: { title } });
      // The first run sets up cross-signing and has the account's credential (with its master key)
      // published just before it sends; the reader may judge that first alert before the credential or
      // the cross-signing keys reach it, so it asks again (as the web client does when a credential changes).
      const { value: judged } = await eventually(
        () => readEvent(ana.session, ana.session.client.getRoom(roomId)!.findEventById(got.eventId)!, 2_000),
        (x) => x.trust.level === "verified",
        30_000,
        250,
      ).catch(() => ({ value: got }));
      expect(judged.trust).toMatchObject({ level: "verified", memberState: "CL" });
      expect(await keptDevice()).toEqual(first);
      expect((await hs.admin.devices(first!.userId)).devices.map((d) => d.device_id)).toEqual([first!.deviceId]);
    }
    // The token and the private keys are the owner's alone.
    for (const f of [paths.file, paths.cryptoStore]) expect((await stat(f)).mode & 0o777).toBe(0o600);
    expect((await stat(paths.dir)).mode & 0o777).toBe(0o700);

    // The sender's own messages stay readable elsewhere: a new device of the account, restored with
    // the recovery key, finds every run's room key in the server-side backup.
    const cp = new ControlPlaneClient(plane.url);
    await cp.login(bot.email, bot.password);
    const other = await signInThroughControlPlane(cp, { deviceName: "CSIRT desk" });
    try {
      await restoreFromRecoveryKey(other, recoveryKey!);
      const backup = (await other.client.http.authedRequest(Method.Get, "/room_keys/keys", {
        version: (await other.client.getCrypto()!.getActiveSessionBackupVersion())!,
      })) as { rooms: Record<string, { sessions: Record<string, unknown> }> };
      const backedUp = new Set(Object.keys(backup.rooms[roomId]?.sessions ?? {}));
      for (const id of eventIds) {
        const sessionId = ((await other.client.fetchRoomEvent(roomId, id)).content as { session_id: string }).session_id;
        expect(backedUp.has(sessionId)).toBe(true);
      }
    } finally {
      other.stop();
      await other.client.logout(true).catch(() => {});
    }
  }, 600_000);

  it("refuses a file that is not a valid alert with a one-line error", async () => {
    const file = join(dir, "bad.json");
    await writeFile(file, JSON.stringify({ title: 1 }));
    const err = await run("node", ["bin/enlace.mjs", "send", "alert", "--file", file, "--room", "network:tourism"], {
      cwd: ROOT,
      env: { ...process.env, ENLACE_EMAIL: "x@y.z", ENLACE_PASSWORD: "x" },
    }).catch((e) => e);
    expect(err.code).toBe(1);
    expect(err.stderr.trim().split("\n")).toHaveLength(1);
    expect(err.stderr).toMatch(/is not a valid alert/);
  });
});
