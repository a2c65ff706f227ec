import { describe, it, expect, beforeAll, afterAll, inject } from "vitest";
import pg from "pg";
import { SignJWT } from "jose";
import { startTestSynapse, type TestSynapse } from "../../helpers/synapse.js";
import { startTestPlane, actor, api, role, type TestPlane, type Actor } from "../../helpers/control-plane.js";
import { mintLoginGrant, MatrixError } from "#server/synapse/admin-client.js";
import { LOGIN_GRANT_TYPE } from "#shared/api/matrix.js";

// Someone who copied a person's Matrix login grant (from a proxy log, a shoulder, a shared
// terminal) tries to turn it into a device of their own, into a device of someone else, or to use
// it after its window. Before: Synapse's JWT login took one token any number of times (two devices
// from one token). Now the homeserver's only login is Enlace's grant module, which redeems a
// grant once. Every login here goes to the real Synapse.

const login = (hs: TestSynapse, body: Record<string, unknown>) =>
  fetch(`${hs.url}/_matrix/client/v3/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }).then(
    async (r) => ({ status: r.status, body: (await r.json()) as any }),
  );
const grantLogin = (hs: TestSynapse, token: string, user: string, deviceName = "attempt") =>
  login(hs, { type: LOGIN_GRANT_TYPE, identifier: { type: "m.id.user", user }, token, initial_device_display_name: deviceName });

describe("attack: someone holding a copied Matrix login grant (issue 9 item 8)", () => {
  let hs: TestSynapse, plane: TestPlane, ana: Actor, ben: Actor;
  let anaId: string, benId: string;
  const devicesOf = async (userId: string) => ((await hs.admin.findUser(userId)) ? (await hs.admin.devices(userId)).devices.map((d) => d.device_id) : []);
  const grantFor = async (a: Actor) => {
    const r = await api(plane, "POST", "/api/matrix/session", { token: a.token });
    expect(r.status).toBe(200);
    return r.body as { userId: string; loginToken: string; expiresInSeconds: number };
  };

  beforeAll(async () => {
    hs = await startTestSynapse();
    plane = await startTestPlane({ synapse: hs });
    ana = await actor(plane, [role.focal("CL", "tourism")], "CL");
    ben = await actor(plane, [role.focal("CL", "tourism")], "CL");
    anaId = (await grantFor(ana)).userId;
    benId = (await grantFor(ben)).userId;
  }, 120_000);
  afterAll(async () => {
    await plane?.close();
    await hs?.close();
  });

  it("the same grant posted twice: the first makes a device, the second is refused and makes none", async () => {
    const grant = await grantFor(ana);
    expect(grant.expiresInSeconds).toBeLessThanOrEqual(15);
    const before = await devicesOf(anaId);
    const first = await grantLogin(hs, grant.loginToken, grant.userId, "ana's laptop");
    expect(first.status).toBe(200);
    expect(first.body.user_id).toBe(anaId);
    const second = await grantLogin(hs, grant.loginToken, grant.userId, "attacker");
    expect(second).toMatchObject({ status: 403, body: { errcode: "M_FORBIDDEN" } });
    // Also with the localpart only, and with a device ID of the attacker's choosing.
    const third = await login(hs, {
      type: LOGIN_GRANT_TYPE,
      identifier: { type: "m.id.user", user: anaId.slice(1, anaId.indexOf(":")) },
      token: grant.loginToken,
      device_id: "ATTACKER",
    });
    expect(third.status).toBe(403);
    expect((await devicesOf(anaId)).sort()).toEqual([...before, first.body.device_id].sort());
  });

  it("the same grant raced ten times at once: exactly one login wins, one device appears", async () => {
    const grant = await grantFor(ana);
    const before = await devicesOf(anaId);
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => grantLogin(hs, grant.loginToken, grant.userId, `race ${i}`)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 403, 403, 403, 403, 403, 403, 403, 403, 403]);
    const winner = results.find((r) => r.status === 200)!;
    expect((await devicesOf(anaId)).sort()).toEqual([...before, winner.body.device_id].sort());
  });

  it("a grant for Ana cannot sign in as Ben, and trying does not spend it", async () => {
    const grant = await grantFor(ana);
    const benBefore = await devicesOf(benId);
    for (const user of [benId, benId.slice(1, benId.indexOf(":")), "@enlace-registry:enlace.test"]) {
      const r = await grantLogin(hs, grant.loginToken, user);
      expect(r, user).toMatchObject({ status: 403, body: { errcode: "M_FORBIDDEN" } });
    }
    expect(await devicesOf(benId)).toEqual(benBefore);
    expect((await hs.admin.devices(hs.botUserId)).devices).toHaveLength(1);
    // Ana herself still signs in with it, once.
    const own = await grantLogin(hs, grant.loginToken, grant.userId);
    expect(own.status).toBe(200);
    expect(own.body.user_id).toBe(anaId);
  });

  it("an expired grant is refused, with no leeway beyond a few seconds of clock skew", async () => {
    const localpart = anaId.slice(1, anaId.indexOf(":"));
    const before = await devicesOf(anaId);
    const now = Math.floor(Date.now() / 1000);
    // Issued 30 s ago for 15 s: expired 15 s ago (Synapse's JWT login would still take it for 120 s more).
    const stale = await mintLoginGrant(hs.jwtSecret, localpart, 15, undefined, now - 30);
    expect((await grantLogin(hs, stale, anaId)).status).toBe(403);
    // A grant minted to live long (a misused secret, say) is refused outright, even while "valid".
    const longLived = await mintLoginGrant(hs.jwtSecret, localpart, 3600);
    expect((await grantLogin(hs, longLived, anaId)).status).toBe(403);
    // Issued in the future, to be used later: refused too.
    const future = await mintLoginGrant(hs.jwtSecret, localpart, 15, undefined, now + 60);
    expect((await grantLogin(hs, future, anaId)).status).toBe(403);
    expect(await devicesOf(anaId)).toEqual(before);
  });

  it("a grant from the control plane, never used, is refused once its 15 s (and 5 s of clock skew) are over", async () => {
    const issued = Date.now();
    const grant = await grantFor(ana);
    expect(grant.expiresInSeconds).toBe(15);
    const before = await devicesOf(anaId);
    await new Promise((r) => setTimeout(r, Math.max(0, issued + 21_000 - Date.now())));
    expect(await grantLogin(hs, grant.loginToken, grant.userId)).toMatchObject({ status: 403, body: { errcode: "M_FORBIDDEN" } });
    expect(await devicesOf(anaId)).toEqual(before);
  }, 40_000);

  it("single-purpose: Synapse's own JWT login is off, and no other token passes as a grant", async () => {
    const localpart = anaId.slice(1, anaId.indexOf(":"));
    const before = await devicesOf(anaId);
    const grant = await grantFor(ana);
    // The grant on Synapse's JWT login type (what worked before): that login type no longer exists.
    const jwt = await login(hs, { type: "org.matrix.login.jwt", token: grant.loginToken });
    expect(jwt.status).toBe(400);
    const secret = new TextEncoder().encode(hs.jwtSecret);
    const now = Math.floor(Date.now() / 1000);
    const forged = {
      // The old token shape (audience "synapse"), correctly signed.
      oldAudience: await new SignJWT({})
        .setProtectedHeader({ alg: "HS256" })
        .setSubject(localpart)
        .setIssuer("enlace")
        .setAudience("synapse")
        .setJti(crypto.randomUUID())
        .setIssuedAt(now)
        .setExpirationTime(now + 10)
        .sign(secret),
      noJti: await new SignJWT({})
        .setProtectedHeader({ alg: "HS256" })
        .setSubject(localpart)
        .setIssuer("enlace")
        .setAudience(LOGIN_GRANT_TYPE)
        .setIssuedAt(now)
        .setExpirationTime(now + 10)
        .sign(secret),
      wrongSecret: await mintLoginGrant("not the homeserver's secret at all", localpart),
      fullUserIdAsSubject: await mintLoginGrant(hs.jwtSecret, anaId),
      algNone: `${Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url")}.${Buffer.from(JSON.stringify({ sub: localpart, iss: "enlace", aud: LOGIN_GRANT_TYPE, jti: crypto.randomUUID(), iat: now, exp: now + 10 })).toString("base64url")}.`,
    };
    for (const [name, token] of Object.entries(forged)) expect((await grantLogin(hs, token, anaId)).status, name).toBe(403);
    expect(await devicesOf(anaId)).toEqual(before);
    // The grant itself was never spent by any of this.
    expect((await grantLogin(hs, grant.loginToken, anaId)).status).toBe(200);
  });

  it("the registry bot's own sign-in is single-use too: a replayed bot grant makes no device", async () => {
    const grant = await mintLoginGrant(hs.jwtSecret, "enlace-registry");
    expect((await hs.admin.loginWithGrant(grant, "bot again", "ENLACE_REGISTRY_BOT")).user_id).toBe(hs.botUserId);
    const replay = await hs.admin.loginWithGrant(grant, "attacker").catch((e) => e);
    expect(replay).toBeInstanceOf(MatrixError);
    expect(replay.statusCode).toBe(403);
    expect((await hs.admin.devices(hs.botUserId)).devices.map((d) => d.device_id)).toEqual(["ENLACE_REGISTRY_BOT"]);
  });
});

describe("attack: replaying a login grant on a PostgreSQL-backed Synapse, as deployed (issue 9 item 8)", () => {
  let hs: TestSynapse;
  beforeAll(async () => {
    // Synapse needs a C-collated database of its own.
    const adminUrl = inject("pgAdminUrl");
    const name = `synapse_grant_${Date.now().toString(36)}`;
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    try {
      await c.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
    } finally {
      await c.end();
    }
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    hs = await startTestSynapse({ database: { kind: "postgres", url: url.toString() } });
  }, 300_000);
  afterAll(async () => {
    await hs?.close();
  });

  // First in this block on purpose: the grants' table is made by the first login after a start.
  it("the first logins after a start, eight people at once with their own grants: every one signs in", async () => {
    const people = Array.from({ length: 8 }, (_, i) => `first${i}.pg`);
    const results = await Promise.all(people.map(async (p) => grantLogin(hs, await mintLoginGrant(hs.jwtSecret, p), `@${p}:enlace.test`)));
    expect(results.map((r) => r.status)).toEqual(people.map(() => 200));
  });

  it("one grant, replayed and raced: one login, one device", async () => {
    const grant = await mintLoginGrant(hs.jwtSecret, "carla.pg");
    const results = await Promise.all(Array.from({ length: 6 }, () => grantLogin(hs, grant, "@carla.pg:enlace.test")));
    expect(results.map((r) => r.status).sort()).toEqual([200, 403, 403, 403, 403, 403]);
    expect((await grantLogin(hs, grant, "@carla.pg:enlace.test")).status).toBe(403);
    expect((await hs.admin.devices("@carla.pg:enlace.test")).devices).toHaveLength(1);
    const other = await mintLoginGrant(hs.jwtSecret, "carla.pg");
    expect((await grantLogin(hs, other, "@dan.pg:enlace.test")).status).toBe(403);
    expect((await grantLogin(hs, other, "@carla.pg:enlace.test")).status).toBe(200);
  });
});
