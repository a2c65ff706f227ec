import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { startTestSynapse, type TestSynapse } from "../../helpers/synapse.js";
import { LOGIN_GRANT_TYPE } from "#shared/api/matrix.js";
import { SynapseAdmin, mintLoginGrant, MatrixError } from "#server/synapse/admin-client.js";
import { connectBot, BOT_DEVICE_ID } from "#server/synapse/bot.js";

const mode = async (path: string) => (await stat(path)).mode & 0o777;

// Issue 9, item 9: what a local user or an outsider could take from the homeserver's files and listener.
describe("Synapse's secrets and sign-in surface", () => {
  let hs: TestSynapse;
  beforeAll(async () => {
    hs = await startTestSynapse();
  });
  afterAll(() => hs?.close());

  it("keeps homeserver.yaml, homeserver.db and signing.key owner-only, in an owner-only directory", async () => {
    expect(await mode(hs.dataDir)).toBe(0o700);
    for (const f of ["homeserver.yaml", "homeserver.db", "signing.key"]) expect({ f, mode: await mode(join(hs.dataDir, f)) }).toEqual({ f, mode: 0o600 });
    // Synapse writing to its database after a restart does not reopen it (SQLite keeps the file's mode).
    await hs.restart();
    for (const f of (await readdir(hs.dataDir)).filter((n) => n.startsWith("homeserver.db")))
      expect({ f, mode: await mode(join(hs.dataDir, f)) }).toEqual({ f, mode: 0o600 });
  });

  it("offers the control plane's single-use grant only (no JWT, no password); a user with a correct password cannot sign in with it", async () => {
    const r = await fetch(`${hs.url}/_matrix/client/v3/login`);
    const { flows } = (await r.json()) as { flows: Array<{ type: string }> };
    const types = flows.map((f) => f.type);
    expect(types).toContain(LOGIN_GRANT_TYPE);
    expect(types).not.toContain("m.login.password");
    expect(types).not.toContain("org.matrix.login.jwt");
    expect(types.filter((t) => t !== "m.login.application_service")).toEqual([LOGIN_GRANT_TYPE]);

    // Shared-secret registration (how the bot is made) still works, and stores a password…
    const password = "correct horse battery staple";
    await new SynapseAdmin({ baseUrl: hs.url }).register(hs.registrationSharedSecret, "pw-holder", false, password);
    // …which Synapse no longer accepts for sign-in.
    const login = await fetch(`${hs.url}/_matrix/client/v3/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type: "m.login.password", identifier: { type: "m.id.user", user: "pw-holder" }, password }),
    });
    expect(login.ok).toBe(false);
    expect([400, 403]).toContain(login.status);
  });

  it("the registry bot keeps one device across restarts, and removes devices earlier versions left", async () => {
    const devices = async () => (await hs.admin.devices(hs.botUserId)).devices.map((d) => d.device_id);
    expect(await devices()).toEqual([BOT_DEVICE_ID]);
    // What the bot used to do at each start: a login on a fresh device.
    await hs.admin.loginWithGrant(await mintLoginGrant(hs.jwtSecret, "enlace-registry"), "old bot");
    expect(await devices()).toHaveLength(2);

    const secrets = { jwtSecret: hs.jwtSecret, registrationSharedSecret: hs.registrationSharedSecret, serverName: hs.serverName };
    const first = new SynapseAdmin({ baseUrl: hs.url });
    await connectBot(first, secrets);
    const second = new SynapseAdmin({ baseUrl: hs.url });
    await connectBot(second, secrets);
    expect(await devices()).toEqual([BOT_DEVICE_ID]);
    // Both starts' tokens work (replicas share the device), on that one device.
    for (const a of [first, second, hs.admin]) expect(await a.whoami()).toEqual(expect.objectContaining({ user_id: hs.botUserId, device_id: BOT_DEVICE_ID }));
  });

  it("refuses a registration whose HMAC was not made with the shared secret", async () => {
    const err = await new SynapseAdmin({ baseUrl: hs.url }).register("not-the-secret", "mallory", true).catch((e) => e);
    expect(err).toBeInstanceOf(MatrixError);
    expect(err.statusCode).toBe(403);
  });
});
