import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateSigningKeyPair } from "#shared/crypto/sign.js";
import { ControlPlaneClient } from "#shared/matrix/control-plane.js";
import { loginThroughControlPlane } from "#shared/matrix/session.js";
import { SynapseAdmin, mintLoginGrant } from "#server/synapse/admin-client.js";
import { mintMemberLoginGrant } from "#server/synapse/member-grant.js";
import type { MatrixError } from "#server/synapse/http.js";
import { startTestFederation, type TestFederation } from "../../helpers/federation/network.js";
import { eventually } from "../../helpers/matrix-wait.js";
import { actor, api, role, startTestPlane, type TestPlane } from "../../helpers/control-plane.js";

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e,
  );

/**
 * Member states' homeservers accept the control plane's sign-in grants with nothing but its public
 * key: each grant names one homeserver, works once, and a grant from any other key is refused.
 */
describe("signing in on a member state's homeserver", () => {
  let net: TestFederation;
  let plane: TestPlane;
  let admin: string;
  const key = generateSigningKeyPair();

  beforeAll(async () => {
    const matrixLogin = await key;
    net = await startTestFederation({ roles: ["secretariat", "chile", "jamaica"], loginPublicKey: matrixLogin.publicKey });
    plane = await startTestPlane({ synapse: net.secretariat, matrixLoginKey: matrixLogin });
    admin = (await actor(plane, [role.admin()], null)).token;
    for (const [serverName, memberState, clientUrl] of [
      [net.names.chile, "CL", net.chile.url],
      [net.names.jamaica, "JM", net.jamaica.url],
    ]) {
      const r = await api(plane, "POST", "/api/homeservers", { token: admin, body: { serverName, memberState, clientUrl } });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    }
  }, 300_000);
  afterAll(async () => {
    await plane?.close();
    await net?.close();
  });

  /** A Chilean person with an account on Chile's homeserver, signed in at the control plane. */
  async function chilean(localpart: string) {
    const matrixUserId = `@${localpart}:${net.names.chile}`;
    const a = await actor(plane, [role.coordinator("CL")], "CL", { matrixUserId });
    return { ...a, matrixUserId, cp: new ControlPlaneClient(plane.url, a.token) };
  }

  it("a Chilean person signs in on Chile's homeserver, found from the registry; the grant works once", async () => {
    const pedro = await chilean("pedro");
    const grant = await pedro.cp.matrixSession();
    expect(grant.homeserverUrl).toBe(net.chile.url);
    expect(grant.userId).toBe(pedro.matrixUserId);
    expect(grant.registryBot).toBe(net.secretariat.botUserId);
    const chile = new SynapseAdmin({ baseUrl: grant.homeserverUrl });
    const first = await chile.loginWithGrant(grant.loginToken, "test", undefined, grant.userId);
    expect(first.user_id).toBe(pedro.matrixUserId);
    expect((await chile.whoami(first.access_token)).user_id).toBe(pedro.matrixUserId);
    const again = await refusal(chile.loginWithGrant(grant.loginToken, "test", undefined, grant.userId));
    expect((again as MatrixError).statusCode).toBe(403);

    // What the Enlace clients run (CLI, browser): they sign in wherever the control plane's reply says.
    const opened = await loginThroughControlPlane(pedro.cp);
    expect(opened.baseUrl).toBe(net.chile.url);
    expect(opened.userId).toBe(pedro.matrixUserId);
  }, 120_000);

  it("the page may connect to the registered member states' homeservers (CSP connect-src from the registry)", async () => {
    const { value } = await eventually(
      async () => (await api(plane, "GET", "/api/health")).headers.get("content-security-policy") ?? "",
      (csp) => csp.includes(new URL(net.chile.url).origin) && csp.includes(new URL(net.jamaica.url).origin),
      30_000,
      500,
    );
    expect(value).toMatch(/connect-src 'self'/);
  }, 60_000);

  it("a grant for Chile's homeserver is refused by Jamaica's, even for an account of the same name there", async () => {
    const pedro = await chilean("pedro2");
    await net.jamaica.user("pedro2");
    const grant = await pedro.cp.matrixSession();
    const jamaica = new SynapseAdmin({ baseUrl: net.jamaica.url });
    const refused = await refusal(jamaica.loginWithGrant(grant.loginToken, "test", undefined, `@pedro2:${net.names.jamaica}`));
    expect((refused as MatrixError).statusCode).toBe(403);
    // Unspent there, the same grant still opens Chile's.
    expect((await new SynapseAdmin({ baseUrl: net.chile.url }).loginWithGrant(grant.loginToken, "test", undefined, grant.userId)).user_id).toBe(
      pedro.matrixUserId,
    );
  }, 120_000);

  it("grants signed with another key, or with the Secretariat homeserver's shared secret, are refused", async () => {
    const chile = new SynapseAdmin({ baseUrl: net.chile.url });
    await net.chile.user("maria");
    const forged = await mintMemberLoginGrant((await generateSigningKeyPair()).secretKey, { localpart: "maria", audience: net.names.chile });
    expect(((await refusal(chile.loginWithGrant(forged, "test"))) as MatrixError).statusCode).toBe(403);
    // HS256 with the secret of the Secretariat's homeserver (or any secret): not a grant here.
    const hmac = await mintLoginGrant(net.secretariat.jwtSecret, "maria");
    expect(((await refusal(chile.loginWithGrant(hmac, "test"))) as MatrixError).statusCode).toBe(403);
    // The genuine key, for the right audience, does sign Maria in (the refusals above are the key's doing).
    const genuine = await mintMemberLoginGrant((await key).secretKey, { localpart: "maria", audience: net.names.chile });
    expect((await chile.loginWithGrant(genuine, "test")).user_id).toBe(`@maria:${net.names.chile}`);
  }, 120_000);

  it("the control plane issues a grant only for the person's own state's active homeserver", async () => {
    // A Jamaican bound (by seeding, past the nomination checks) to an account on Chile's homeserver.
    const stray = await actor(plane, [role.coordinator("JM")], "JM", { matrixUserId: `@stray:${net.names.chile}` });
    const r = await api(plane, "POST", "/api/matrix/session", { token: stray.token });
    expect(r.status).toBe(409);
    expect(r.body.type).toMatch(/no-local-matrix-account/);

    // De-registering (suspending) Chile's homeserver stops new grants for it at once.
    const pedro = await chilean("pedro3");
    const list = await api(plane, "GET", "/api/homeservers", { token: admin });
    const chileId = list.body.find((h: { serverName: string }) => h.serverName === net.names.chile).id;
    expect((await api(plane, "PATCH", `/api/homeservers/${chileId}`, { token: admin, body: { status: "suspended" } })).status).toBe(200);
    const after = await api(plane, "POST", "/api/matrix/session", { token: pedro.token });
    expect(after.status).toBe(409);
    expect((await api(plane, "PATCH", `/api/homeservers/${chileId}`, { token: admin, body: { status: "active" } })).status).toBe(200);
  }, 120_000);
});
