import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startTestPlane, actor, api, role, type TestPlane } from "../helpers/control-plane.js";
import { verifyCredential, verifyRevocationList } from "#shared/credentials/credential.js";

describe("credentials served by the control plane", () => {
  let plane: TestPlane;
  beforeAll(async () => {
    plane = await startTestPlane();
  });
  afterAll(() => plane.close());

  it("an active member's credential verifies, carries the master key once registered, and is listed when revoked", async () => {
    const officer = await actor(plane, [role.officer("maritime")], null);
    const fp = await actor(plane, [role.focal("TT", "maritime")], "TT", { matrixUserId: "@fp.tt:hs.test" });
    const key = (await api(plane, "GET", "/api/credentials/secretariat-key", { token: fp.token })).body.publicKey;
    expect(key).toBe(plane.ctx.keys.secretariat.publicKey);

    const c1 = await api(plane, "GET", `/api/credentials/${encodeURIComponent("@fp.tt:hs.test")}`, { token: officer.token });
    expect(c1.status).toBe(200);
    const v1 = await verifyCredential(c1.body, { pinnedKeys: [key], userId: "@fp.tt:hs.test" });
    expect(v1).toMatchObject({ status: "valid", credential: { memberState: "TT", programs: ["maritime"], masterKey: null } });
    // The registry's name, under the signature: what readers show as the sender.
    const { rows } = await plane.ctx.db.query("SELECT full_name FROM people WHERE id = $1", [fp.id]);
    expect(v1.status === "valid" && v1.credential.name).toBe(rows[0].full_name);

    const mk = "A".repeat(43);
    expect((await api(plane, "PUT", "/api/me/master-key", { token: fp.token, body: { masterKey: mk } })).status).toBe(200);
    const c2 = await api(plane, "GET", `/api/credentials/${encodeURIComponent("@fp.tt:hs.test")}`, { token: officer.token });
    const v2 = await verifyCredential(c2.body, { pinnedKeys: [key] });
    expect(v2.status === "valid" && v2.credential.masterKey).toBe(mk);
    expect(v2.status === "valid" && v2.credential.serial).toBeGreaterThan(v1.status === "valid" ? v1.credential.serial : 0);

    const before = await api(plane, "GET", "/api/revocations", { token: officer.token });
    await api(plane, "POST", `/api/people/${fp.id}/revoke`, { token: officer.token, body: { reason: "test" } });
    expect((await api(plane, "GET", `/api/credentials/${encodeURIComponent("@fp.tt:hs.test")}`, { token: officer.token })).status).toBe(404);
    const after = await api(plane, "GET", "/api/revocations", { token: officer.token });
    const list = await verifyRevocationList(after.body, [key]);
    expect(list.ok).toBe(true);
    if (list.ok) {
      expect(list.list.serial).toBeGreaterThan(before.body.list.serial);
      expect(list.list.entries).toContainEqual(expect.objectContaining({ personId: fp.id, userId: "@fp.tt:hs.test", status: "revoked" }));
    }
    // An old copy of the credential now reads as revoked against the new list.
    expect((await verifyCredential(c2.body, { pinnedKeys: [key], revocations: after.body })).status).toBe("revoked");
  });

  it("refuses a malformed master key", async () => {
    const fp = await actor(plane, [role.focal("TT", "maritime")], "TT", { matrixUserId: "@fp2.tt:hs.test" });
    const r = await api(plane, "PUT", "/api/me/master-key", { token: fp.token, body: { masterKey: "not a key" } });
    expect(r.status).toBe(400);
  });
});
