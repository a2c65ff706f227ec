import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startTestSynapse, type TestSynapse } from "../../helpers/synapse.js";
import { mintLoginGrant, MatrixError } from "#server/synapse/admin-client.js";
import { SYNAPSE_VERSION } from "#server/synapse/install.js";

describe("a real Synapse under the harness", () => {
  let hs: TestSynapse;
  beforeAll(async () => {
    hs = await startTestSynapse();
  });
  afterAll(() => hs?.close());

  it("starts from the template quickly and has an admin bot", async () => {
    expect(hs.startMs).toBeGreaterThan(0);
    console.log(`synapse start from template: ${hs.startMs} ms`);
    expect(hs.botUserId).toBe("@enlace-registry:enlace.test");
    expect((await hs.admin.whoami()).user_id).toBe(hs.botUserId);
  });

  it("publishes its release version only, without this checkout's git branch or commit", async () => {
    const r = await fetch(`${hs.url}/_matrix/federation/v1/version`);
    const { server } = (await r.json()) as { server: { name: string; version: string } };
    expect(server).toEqual({ name: "Synapse", version: SYNAPSE_VERSION });
  });

  it("accepts the control plane's login grant (org.oas.enlace.login.grant) and refuses a forged one", async () => {
    const r = await hs.admin.loginWithGrant(await mintLoginGrant(hs.jwtSecret, "ana"));
    expect(r.user_id).toBe("@ana:enlace.test");
    expect((await hs.admin.whoami(r.access_token)).user_id).toBe("@ana:enlace.test");
    await expect(hs.admin.loginWithGrant(await mintLoginGrant("wrong-secret", "ana"))).rejects.toMatchObject({ statusCode: 403 });
  });

  it("logging out every device makes an old token fail; data survives kill and restart", async () => {
    const r = await hs.admin.loginWithGrant(await mintLoginGrant(hs.jwtSecret, "ben"));
    await hs.admin.logoutAllDevices("@ben:enlace.test");
    const err = await hs.admin.whoami(r.access_token).catch((e) => e);
    expect(err).toBeInstanceOf(MatrixError);
    expect(err.errcode).toBe("M_UNKNOWN_TOKEN");

    const { room_id } = await hs.admin.createRoom({ name: "survives", preset: "private_chat" });
    await hs.kill();
    await hs.restart();
    const state = await hs.admin.roomState(room_id);
    expect(state.state.some((e) => e.type === "m.room.name" && e.content.name === "survives")).toBe(true);
  });

  it("is not rate limited for 200 quick messages", async () => {
    const { room_id } = await hs.admin.createRoom({ preset: "private_chat" });
    await Promise.all(Array.from({ length: 200 }, (_, i) => hs.admin.sendEvent(room_id, "m.room.message", { msgtype: "m.text", body: `m${i}` })));
  });
});
