import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { writeFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startTestSynapse, type TestSynapse } from "../../helpers/synapse.js";
import { startTestPlane, role, actor, type TestPlane } from "../../helpers/control-plane.js";
import { member, roomsReady, type Member } from "../../helpers/e2ee.js";
import { nextEvent } from "#shared/matrix/receive.js";
import { findRoomByKey } from "#shared/matrix/rooms.js";
import { EXAMPLES } from "#shared/content/examples.js";

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, "..", "..", "..");

describe("enlace send: a national CSIRT's system posts as a vetted account", () => {
  let hs: TestSynapse, plane: TestPlane, ana: Member, dir: string;
  beforeAll(async () => {
    hs = await startTestSynapse();
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

  it("posts alerts that a member decrypts and sees as verified, across runs (new device each time)", async () => {
    const bot = await actor(plane, [role.focal("CL", "tourism")], "CL", { email: "csirt-bot@csirt.gob.cl", fullName: "CSIRT Chile (automated)" });
    const file = join(dir, "alert.json");
    await writeFile(file, JSON.stringify({ ...EXAMPLES.alert, title: "Phishing campaign against ticket buyers" }));
    const env = { ...process.env, ENLACE_EMAIL: bot.email, ENLACE_PASSWORD: bot.password };
    const roomId = findRoomByKey(ana.session.client, "network:tourism")!.roomId;
    const send = (extra: Record<string, string> = {}) =>
      run("node", ["bin/enlace.mjs", "send", "alert", "--file", file, "--room", "network:tourism", "--url", plane.url], {
        cwd: ROOT,
        env: { ...env, ...extra },
      });

    const first = nextEvent(ana.session, roomId, (e) => (e.getSender()?.startsWith("@csirt-bot") ?? false) && e.isEncrypted(), 60_000);
    const r1 = await send();
    expect(r1.stdout.trim()).toMatch(/^\$/);
    const recoveryKey = r1.stderr
      .split("\n")
      .find((l) => /^[A-Za-z0-9]{4}( [A-Za-z0-9]{4}){11}$/.test(l.trim()))
      ?.trim();
    expect(recoveryKey).toBeTruthy();
    const got1 = await first;
    expect(got1.content).toMatchObject({ status: "valid", kind: "alert" });

    // Second run: a new device, signed with the recovery key; its alert is verified.
    const second = nextEvent(ana.session, roomId, (e) => (e.getSender()?.startsWith("@csirt-bot") ?? false) && e.isEncrypted(), 60_000);
    const r2 = await send({ ENLACE_RECOVERY_KEY: recoveryKey! });
    expect(r2.stdout.trim()).toMatch(/^\$/);
    const got2 = await second;
    expect(got2.content).toMatchObject({ status: "valid", kind: "alert", content: { title: "Phishing campaign against ticket buyers" } });
    expect(got2.trust).toMatchObject({ level: "verified", memberState: "CL" });
  }, 180_000);

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
