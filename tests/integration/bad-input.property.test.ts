import { describe, it, expect, beforeAll, afterAll } from "vitest";
import fc from "fast-check";
import { parse as parseQuery } from "node:querystring";
import { startTestPlane, actor, api, role, type TestPlane, type Actor } from "../helpers/control-plane.js";
import { seedActivePerson } from "#server/domain/registry/seed.js";
import { makeApp } from "#server/app.js";
import type { RouteDef } from "#server/http/route.js";
import { PROBLEM_TYPES as PROBLEM_LIST, statusesOf, type ProblemType } from "#shared/api/problems.js";

// Bad input on every operation that takes a body, a query or path parameters. Whatever arrives:
// never a 5xx; every 4xx is problem+json with a stable type; and a refused request writes nothing
// (row counts and contents of every table, and the audit chain head) — except that a failed
// sign-in is audited by design.

const PROBLEM_TYPES = new Set<string>(PROBLEM_LIST);
const RUNS = 40;
const CONTROL = ["\u0000", "\u0001", "\u0007", "\u0008", "\u000B", "\u000C", "\u001B", "\u001F", "\u007F"];

interface Target {
  token?: string;
  params?: Record<string, string>;
  body?: Record<string, unknown>;
}
interface Case {
  kind: string;
  raw: string;
  contentType: string;
  schemaValid: boolean;
}

/** Percent-encodes every byte, so any string (lone surrogates included) reaches the server as-is. */
const pct = (s: string) => [...Buffer.from(s, "utf8")].map((b) => "%" + b.toString(16).padStart(2, "0")).join("");
const schemaAccepts = (schema: RouteDef["body"], text: string) => {
  try {
    return schema!.safeParse(JSON.parse(text)).success;
  } catch {
    return false;
  }
};
const withField = (valid: object, key: string, valueJson: string) => `${JSON.stringify(valid).slice(0, -1)},${JSON.stringify(key)}:${valueJson}}`;

/** Bodies that hurt, built from a valid one so that only the mutation stands between them and a write. */
function badBodies(valid: Record<string, unknown>, schema: RouteDef["body"]): fc.Arbitrary<Case> {
  const text = JSON.stringify(valid);
  const keys = Object.keys(valid);
  const stringKeys = keys.filter((k) => typeof valid[k] === "string" && k !== "password"); // any character may be in a password
  const json = (kind: string, raw: string, contentType = "application/json"): Case => ({ kind, raw, contentType, schemaValid: false });
  const value = (kind: string, v: unknown): Case => {
    const raw = JSON.stringify(v);
    return { kind, raw, contentType: "application/json", schemaValid: schema!.safeParse(v).success };
  };
  const wrong = fc.oneof(
    fc.boolean(),
    fc.double(),
    fc.constant(null),
    fc.constant({}),
    fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { minKeys: 1, maxKeys: 3 }),
    fc.array(fc.object({ maxDepth: 1 }), { minLength: 1, maxLength: 3 }),
    fc.string({ maxLength: 20 }),
    fc.array(fc.string(), { minLength: 1, maxLength: 3 }),
  );
  const arbitraries: fc.Arbitrary<Case>[] = [
    // malformed JSON: truncated, trailing garbage, JavaScript-isms, raw control characters, random text
    fc.integer({ min: 1, max: text.length - 1 }).map((i) => json("truncated", text.slice(0, i))),
    fc.constantFrom("x", ",", "}", "]", "'", "//c", "\u0000", "{}").map((g) => json("trailing-garbage", text + g)),
    fc
      .constantFrom("NaN", "{a:1}", "{'a':1}", "[1,]", '{"a":1,}', '{"a":undefined}', '"\\ud800"', "null", "42", "true", '"{}"', '{"a":"\\x41"}')
      .map((t) => json("not-json-object", t)),
    // DEL (U+007F) is legal raw JSON, and a password may contain it: whether the result is valid is computed, not assumed.
    fc.tuple(fc.integer({ min: 1, max: text.length - 1 }), fc.constantFrom(...CONTROL)).map(([i, c]) => {
      const raw = text.slice(0, i) + c + text.slice(i);
      return { kind: "raw-control-char", raw, contentType: "application/json", schemaValid: schemaAccepts(schema, raw) };
    }),
    fc
      .string({ unit: "binary", maxLength: 200 })
      .filter((s) => !schemaAccepts(schema, s))
      .map((s) => json("random-text", s)),
    // well-formed JSON, wrong shape
    fc.tuple(fc.constantFrom(...keys), wrong).map(([k, v]) => value("wrong-type", { ...valid, [k]: v })),
    fc.tuple(fc.constantFrom(...keys)).map(([k]) => {
      const { [k]: _, ...rest } = valid;
      return value("missing-field", rest);
    }),
    fc
      .tuple(
        fc
          .oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom("__proto__", "constructor", "isAdmin", "status", "approvedBy", "id"))
          .filter((k) => !keys.includes(k)),
        fc.jsonValue({ maxDepth: 2 }),
      )
      .map(([k, v]) => {
        const raw = withField(valid, k, JSON.stringify(v));
        return { kind: "unknown-field", raw, contentType: "application/json", schemaValid: schemaAccepts(schema, raw) };
      }),
    fc.constantFrom(1, 2, 3).map((d) => value("array-for-object", d === 1 ? [valid] : d === 2 ? [] : [[valid]])),
    fc
      .tuple(fc.constantFrom(1_000, 5_000, 12_000), fc.boolean())
      .map(([d, arr]) =>
        json("deep-nesting", arr ? withField(valid, "x", "[".repeat(d) + "]".repeat(d)) : withField(valid, "x", '{"a":'.repeat(d) + "1" + "}".repeat(d))),
      ),
    // strings: NUL and control characters, huge strings (under and over the 64 KiB limit)
    ...(stringKeys.length
      ? [
          fc.tuple(fc.constantFrom(...stringKeys), fc.constantFrom(...CONTROL), fc.nat()).map(([k, c, i]) => {
            const s = String(valid[k]);
            const at = i % (s.length + 1);
            return value("control-char", { ...valid, [k]: s.slice(0, at) + c + s.slice(at) });
          }),
          fc
            .tuple(fc.constantFrom(...stringKeys), fc.constantFrom(2_000, 20_000, 60_000))
            .map(([k, len]) => value("huge-string", { ...valid, [k]: "x".repeat(len) })),
        ]
      : []),
    fc.constantFrom(66_000, 200_000).map((len) => json("oversized", withField(valid, "padding", JSON.stringify("p".repeat(len))))),
    fc.constant(json("oversized-whitespace", text + " ".repeat(70_000))), // a valid body, too big: refused, not half-read
    // a valid body with a content type that is not JSON
    fc
      .constantFrom(
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/xml",
        "text/json",
        "application/json-patch+json",
        "application/json; charset=latin1",
        "application/json; charset=utf-16",
      )
      .map((ct) => json("content-type", text, ct)),
  ];
  // Only refusable bodies: one that happened to be valid would change the objects the next runs rely on.
  return fc.oneof(...arbitraries).filter((c) => !c.schemaValid);
}

/** Query values that no parameter accepts, unknown keys, repeated keys. */
function badQueries(keys: string[]): fc.Arbitrary<string> {
  const junk = fc.oneof(
    fc.constantFrom(
      "-1",
      "1e400",
      "NaN",
      "0x10",
      "1.5",
      "[]",
      "{}",
      "Infinity",
      "99999999999999999999",
      "CL ",
      "cl",
      "tourism!",
      "ACTIVE",
      "x\u0000",
      "x\u0001y",
      "x\u001Fy",
      "\u00007",
    ),
    fc.tuple(fc.constantFrom(...CONTROL), fc.string({ maxLength: 10 })).map(([c, s]) => `x${c}${s}`),
    fc.integer({ min: 101, max: 3_000 }).map((n) => "x".repeat(n)),
    fc.string({ unit: "binary", minLength: 1, maxLength: 30 }).map((s) => `x${s}\u0000`),
  );
  const pair = fc.oneof(
    fc.tuple(fc.constantFrom(...keys), junk),
    fc.tuple(
      fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom("__proto__", "limit[]", "status[0]", "admin")).filter((k) => !keys.includes(k)),
      fc.string({ maxLength: 20 }),
    ),
  );
  const repeated = fc
    .tuple(fc.constantFrom(...keys), fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }))
    .map(([k, a, b]) => `${pct(k)}=${pct(a)}&${pct(k)}=${pct(b)}`);
  return fc.oneof(
    fc.array(pair, { minLength: 1, maxLength: 3 }).map((ps) => ps.map(([k, v]) => `${pct(k)}=${pct(v)}`).join("&")),
    repeated,
  );
}

/** Path parameters that are not valid identifiers (or valid ones that name nothing). */
/** Operations whose path parameter the client chooses (its own Matrix device ID), not one the server issued. */
const CLIENT_NAMED = new Set(["putPushSubscription", "deletePushSubscription"]);
const decoded = (p: string) => {
  try {
    return decodeURIComponent(p);
  } catch {
    return null;
  }
};

const badParams = fc
  .oneof(
    fc.string({ minLength: 1, maxLength: 80 }).map(pct),
    fc.string({ unit: "binary", minLength: 1, maxLength: 40 }).map(pct),
    fc.uuid().map((u) => pct(u.slice(0, -1) + "g")),
    fc.uuid().map((u) => pct(u.replace(/-/g, ""))),
    fc.uuid().map((u) => pct(u + "0")),
    fc.uuid(), // well-formed, but names nothing
    fc.constantFrom(
      "%",
      "%zz",
      "%E0%A4%A",
      "%00",
      "%2F",
      "%ED%A0%80",
      "null",
      "undefined",
      "0",
      "-1",
      pct("' OR 1=1 --"),
      pct("@a:b"),
      pct("@:"),
      pct("\u0000"),
      "a".repeat(3_000),
    ),
  )
  .filter((s) => !/^(\.|%2e){1,2}$/i.test(s)); // dot segments are resolved by the URL, not by us

/** Row count and content hash of every table (the append-only audit log by its chain head). */
async function registryState(plane: TestPlane) {
  const tables = (
    await plane.ctx.db.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
    AND table_name NOT IN ('audit_log', 'audit_head') ORDER BY 1`)
  ).rows.map((r) => r.table_name as string);
  const sql = tables
    .map((t) => `SELECT '${t}' AS t, count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM ${t} x`)
    .join(" UNION ALL ");
  const rows = (await plane.ctx.db.query(sql)).rows;
  const head = (await plane.ctx.db.query("SELECT seq::int AS seq FROM audit_head")).rows[0].seq as number;
  return { tables: Object.fromEntries(rows.map((r) => [r.t, `${r.n}:${r.h}`])), head };
}

describe("bad input on every operation: no 5xx, problem+json, nothing written", () => {
  let plane: TestPlane;
  let admin: Actor, officer: Actor, coord: Actor;
  let routes: RouteDef[];
  let valid: Record<string, () => Target>;
  const stats = { properties: 0, requests: 0, statuses: {} as Record<number, number> };

  const snapshot = () => registryState(plane);

  /** Sends one request and checks the properties every refused request must have. */
  async function check(label: string, r: RouteDef, o: { path: string; token?: string; raw?: string; contentType?: string; mustRefuse: boolean }) {
    const before = await snapshot();
    const res = await api(plane, r.method.toUpperCase(), o.path, {
      token: o.token,
      raw: o.raw,
      headers: o.contentType ? { "content-type": o.contentType } : {},
    });
    stats.requests++;
    stats.statuses[res.status] = (stats.statuses[res.status] ?? 0) + 1;
    const what = `${label}: HTTP ${res.status} ${JSON.stringify(res.body)?.slice(0, 200)}`;
    expect(res.status, what).toBeLessThan(500);
    if (o.mustRefuse) expect(res.status, what).toBeGreaterThanOrEqual(400);
    if (res.status < 400) return;
    expect(res.headers.get("content-type"), what).toMatch(/^application\/problem\+json/);
    expect(res.body, what).toMatchObject({ title: expect.stringMatching(/\S/), status: res.status });
    expect(res.body.type, what).toMatch(/^https:\/\/enlace\.oas\.org\/problems\/[a-z-]+$/);
    const type = res.body.type.split("/").pop();
    expect(PROBLEM_TYPES.has(type), `unknown problem type in ${what}`).toBe(true);
    // The status is the one the list gives the type ("bad-request" carries the parser's own 4xx).
    if (type !== "bad-request") expect(statusesOf(type as ProblemType), `status of ${type} in ${what}`).toContain(res.status);
    const after = await snapshot();
    expect(after.tables, `${what} wrote to the registry`).toEqual(before.tables);
    const added = (await plane.ctx.db.query("SELECT action FROM audit_log WHERE seq > $1", [before.head])).rows.map((x) => x.action);
    expect(added.length, what).toBe(after.head - before.head);
    const allowed = r.operationId === "login" && res.body.type.endsWith("/invalid-credentials") ? ["auth.login.failed"] : [];
    expect(
      added.filter((a) => !allowed.includes(a)),
      `${what} was audited`,
    ).toEqual([]);
  }

  const pathOf = (r: RouteDef, params: Record<string, string> = {}) => "/api" + r.path.replace(/:([A-Za-z]+)/g, (_, k) => encodeURIComponent(params[k]));

  beforeAll(async () => {
    plane = await startTestPlane();
    routes = makeApp({ ctx: plane.ctx }).routes;
    admin = await actor(plane, [role.admin()], null, { matrixUserId: "@admin:hs.test" });
    officer = await actor(plane, [role.officer("tourism")], null);
    coord = await actor(plane, [role.coordinator("CL")], "CL");
    // Objects on which a valid request would succeed (and write): any refused one must leave them as they are.
    const nominee = (email: string) => ({
      email,
      fullName: "Nominee",
      memberState: "CL",
      roles: [{ role: "focal_point", memberState: "CL", program: "tourism" }],
    });
    const nominate = async (email: string) => (await api(plane, "POST", "/api/nominations", { token: coord.token, body: nominee(email) })).body.id as string;
    const nominated = await nominate("nominated@gob.cl");
    const approvedId = await nominate("approved@gob.cl");
    const link = (await api(plane, "POST", `/api/people/${approvedId}/approve`, { token: officer.token, body: { reason: "ok" } })).body.enrollment
      .token as string;
    const seed = async (email: string) =>
      (
        await seedActivePerson(plane.ctx, {
          email,
          fullName: "Seeded",
          memberState: "CL",
          roles: [role.focal("CL", "tourism")],
          password: "the right password",
          matrixUserId: `@${email.split("@")[0]}:hs.test`,
        })
      ).id;
    const active = await seed("active@gob.cl");
    await seed("login@gob.cl");
    const suspended = await seed("suspended@gob.cl");
    await api(plane, "POST", `/api/people/${suspended}/suspend`, { token: officer.token, body: { reason: "x" } });
    const hs = (await api(plane, "POST", "/api/homeservers", { token: admin.token, body: { serverName: "matrix.gob.ar", memberState: "AR" } })).body
      .id as string;
    const event = (
      await api(plane, "POST", "/api/events", {
        token: admin.token,
        body: { name: "Cup", hostState: "CL", startsOn: "2027-01-01", endsOn: "2027-01-09", venueType: "stadium" },
      })
    ).body.id as string;
    const number = (await api(plane, "POST", "/api/advisories/numbers", { token: officer.token, body: { programCode: "tourism" } })).body.number as number;
    const reason = { reason: "a reason" };
    valid = {
      login: () => ({ body: { email: "login@gob.cl", password: "the right password" } }),
      enrollStart: () => ({ body: { token: link } }),
      enrollComplete: () => ({ body: { token: link, password: "a long enough passphrase" } }),
      nominate: () => ({ token: coord.token, body: nominee("new-person@gob.cl") }),
      listPeople: () => ({ token: admin.token }),
      getPerson: () => ({ token: admin.token, params: { id: active } }),
      approvePerson: () => ({ token: officer.token, params: { id: nominated }, body: reason }),
      rejectPerson: () => ({ token: officer.token, params: { id: nominated }, body: reason }),
      suspendPerson: () => ({ token: officer.token, params: { id: active }, body: reason }),
      reinstatePerson: () => ({ token: officer.token, params: { id: suspended }, body: reason }),
      revokePerson: () => ({ token: officer.token, params: { id: active }, body: reason }),
      reissueEnrollmentLink: () => ({ token: officer.token, params: { id: approvedId } }),
      setMyExpertise: () => ({ token: admin.token, body: { areas: ["crowd safety"], languages: ["es"] } }),
      searchDirectory: () => ({ token: admin.token }),
      registerHomeserver: () => ({ token: admin.token, body: { serverName: "matrix.gob.cl", memberState: "CL" } }),
      setHomeserverStatus: () => ({ token: admin.token, params: { id: hs }, body: { status: "suspended" } }),
      getEvent: () => ({ token: admin.token, params: { id: event } }),
      createEvent: () => ({
        token: admin.token,
        body: { name: "Summit", hostState: "CL", startsOn: "2027-03-01", endsOn: "2027-03-02", venueType: "summit-venue" },
      }),
      updateEvent: () => ({
        token: admin.token,
        params: { id: event },
        body: { name: "Cup", hostState: "CL", startsOn: "2027-01-01", endsOn: "2027-01-10", venueType: "stadium", supportingStates: ["AR"] },
      }),
      listAudit: () => ({ token: admin.token }),
      getCredential: () => ({ token: admin.token, params: { userId: "@active:hs.test" } }),
      registerMasterKey: () => ({ token: admin.token, body: { masterKey: "K".repeat(43) } }),
      reserveAdvisoryNumber: () => ({ token: officer.token, body: { programCode: "tourism" } }),
      countersignAdvisory: () => ({ token: officer.token, body: { programCode: "tourism", number, digest: "D".repeat(43) } }),
      putPushSubscription: () => ({
        token: admin.token,
        params: { deviceId: "ABCDEFGHIJ" },
        body: { endpoint: "https://push.example.org/send/abc", keys: { p256dh: `B${"A".repeat(86)}`, auth: "A".repeat(22) } },
      }),
      deletePushSubscription: () => ({ token: admin.token, params: { deviceId: "ABCDEFGHIJ" } }),
      putNotificationPreferences: () => ({
        token: admin.token,
        body: { channels: { push: true, email: false }, quietHours: { start: "22:00", end: "07:00", timeZone: "America/Santiago" }, language: "es" },
      }),
      reportUrgentContent: () => ({ token: admin.token, body: { roomId: "!room:hs.test", eventId: "$event", severity: "critical" } }),
      startConversation: () => ({ token: admin.token, body: { with: active } }),
      acknowledgeAdvisory: () => ({ token: coord.token, params: { program: "tourism", number: String(number) } }),
      getReminderTimeline: () => ({ token: officer.token, params: { program: "tourism", number: String(number) } }),
      remindNow: () => ({ token: officer.token, params: { program: "tourism", number: String(number) }, body: { memberState: "CL" } }),
      totpBegin: () => ({ token: admin.token, body: { password: "a password", totp: "123456" } }),
      totpConfirm: () => ({ token: admin.token, body: { totp: "123456" } }),
      totpDisable: () => ({ token: admin.token, body: { password: "a password", totp: "123456" } }),
    };
  });
  afterAll(async () => {
    console.log(`bad input: ${stats.properties} properties, ${stats.requests} requests, statuses ${JSON.stringify(stats.statuses)}`);
    await plane.close();
  });

  const withInput = () => routes.filter((r) => r.body || r.query || r.params);

  it("has a valid baseline for every operation that takes input", () => {
    expect(Object.keys(valid).sort()).toEqual(
      withInput()
        .map((r) => r.operationId)
        .sort(),
    );
    for (const r of withInput()) {
      const t = valid[r.operationId]();
      if (r.body) expect(r.body.safeParse(t.body).success, r.operationId).toBe(true);
      if (r.params) expect(r.params.safeParse(t.params).success, r.operationId).toBe(true);
    }
  });

  it("bodies: malformed, mistyped, unknown fields, control characters, huge, nested, arrays, wrong content types", async () => {
    for (const r of withInput().filter((x) => x.body)) {
      const t = valid[r.operationId]();
      stats.properties++;
      await fc.assert(
        fc.asyncProperty(badBodies(t.body!, r.body), (c) =>
          check(`${r.operationId} ${c.kind}`, r, { path: pathOf(r, t.params), token: t.token, raw: c.raw, contentType: c.contentType, mustRefuse: true }),
        ),
        { numRuns: RUNS },
      );
    }
  }, 120_000);

  it("query strings: junk values, unknown and repeated keys", async () => {
    for (const r of withInput().filter((x) => x.query)) {
      const keys = Object.keys((r.query as unknown as { shape: Record<string, unknown> }).shape);
      stats.properties++;
      await fc.assert(
        fc.asyncProperty(badQueries(keys), (q) =>
          check(`${r.operationId} ?${q.slice(0, 60)}`, r, {
            path: `${pathOf(r)}?${q}`,
            token: admin.token,
            mustRefuse: !r.query!.safeParse(parseQuery(q)).success,
          }),
        ),
        { numRuns: RUNS },
      );
    }
  }, 60_000);

  it("path parameters: invalid identifiers and identifiers of nothing", async () => {
    for (const r of withInput().filter((x) => x.params)) {
      const t = valid[r.operationId]();
      stats.properties++;
      await fc.assert(
        fc.asyncProperty(badParams, (p) => {
          const path = "/api" + r.path.replace(/:[A-Za-z]+/g, p);
          return check(`${r.operationId} ${path.slice(0, 80)}`, r, {
            path,
            token: t.token,
            raw: t.body ? JSON.stringify(t.body) : undefined,
            // A device names its own subscription: any well-formed device ID is a place to put one (or to
            // delete one, idempotently), so only IDs the schema refuses must be refused there.
            mustRefuse: CLIENT_NAMED.has(r.operationId) ? !r.params!.safeParse({ deviceId: decoded(p) }).success : true,
          });
        }),
        { numRuns: RUNS },
      );
    }
  }, 60_000);
});

describe("refused state changes: invalid vetting transitions (409) and dead enrollment links (410), nothing written", () => {
  let plane: TestPlane, officer: Actor, coord: Actor, admin: Actor;
  let n = 0;
  beforeAll(async () => {
    plane = await startTestPlane();
    officer = await actor(plane, [role.officer("tourism")], null);
    coord = await actor(plane, [role.coordinator("CL")], "CL");
    admin = await actor(plane, [role.admin()], null);
  });
  afterAll(() => plane.close());

  const decide = (id: string, action: string) => api(plane, "POST", `/api/people/${id}/${action}`, { token: officer.token, body: { reason: "test" } });
  const nominate = async () =>
    (
      await api(plane, "POST", "/api/nominations", {
        token: coord.token,
        body: { email: `p${n++}@gob.cl`, fullName: "P", memberState: "CL", roles: [{ role: "focal_point", memberState: "CL", program: "tourism" }] },
      })
    ).body.id as string;
  const approve = async (id: string) => (await decide(id, "approve")).body.enrollment.token as string;
  const enroll = (token: string) => api(plane, "POST", "/api/auth/enroll/complete", { body: { token, password: "a long enough passphrase" } });
  /** A person in the given vetting state, brought there through the API. */
  async function personIn(state: string) {
    const id = await nominate();
    if (state === "nominated") return id;
    if (state === "rejected") {
      await decide(id, "reject");
      return id;
    }
    const link = await approve(id);
    if (state === "approved") return id;
    expect((await enroll(link)).status).toBe(200);
    if (state === "suspended" || state === "revoked") await decide(id, state === "suspended" ? "suspend" : "revoke");
    return id;
  }
  const statusOf = async (id: string) => (await plane.ctx.db.query("SELECT status FROM people WHERE id = $1", [id])).rows[0].status;

  async function expectRefused(send: () => Promise<Awaited<ReturnType<typeof api>>>, status: number, type: string) {
    const before = await registryState(plane);
    const res = await send();
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ type: `https://enlace.oas.org/problems/${type}`, status, title: expect.any(String) });
    expect(await registryState(plane)).toEqual(before);
    return res.body;
  }

  const INVALID: [string, string][] = [
    ["active", "approve"],
    ["active", "reject"],
    ["active", "reinstate"],
    ["nominated", "suspend"],
    ["nominated", "reinstate"],
    ["approved", "approve"],
    ["approved", "reject"],
    ["approved", "suspend"],
    ["suspended", "suspend"],
    ["suspended", "approve"],
    ["revoked", "reinstate"],
    ["revoked", "suspend"],
    ["revoked", "revoke"],
    ["revoked", "approve"],
    ["rejected", "approve"],
    ["rejected", "revoke"],
    ["rejected", "reject"],
  ];
  for (const [from, action] of INVALID) {
    it(`${action} a person who is ${from}: 409 invalid-transition`, async () => {
      const id = await personIn(from);
      const body = await expectRefused(() => decide(id, action), 409, "invalid-transition");
      expect(body.from).toBe(from);
      expect(await statusOf(id)).toBe(from);
    });
  }

  it("a new enrollment link only for someone approved and not yet enrolled: 409", async () => {
    for (const state of ["nominated", "active", "suspended", "revoked"]) {
      const id = await personIn(state);
      await expectRefused(() => api(plane, "POST", `/api/people/${id}/enrollment-link`, { token: officer.token }), 409, "not-awaiting-enrollment");
    }
  });

  it("duplicates and unknown references are refused without writing", async () => {
    const email = `dup${n++}@gob.cl`;
    const body = { email, fullName: "D", memberState: "CL", roles: [{ role: "focal_point", memberState: "CL", program: "tourism" }] };
    expect((await api(plane, "POST", "/api/nominations", { token: coord.token, body })).status).toBe(201);
    await expectRefused(
      () => api(plane, "POST", "/api/nominations", { token: coord.token, body: { ...body, email: email.toUpperCase() } }),
      409,
      "duplicate-nomination",
    );
    await expectRefused(
      () =>
        api(plane, "POST", "/api/nominations", {
          token: admin.token,
          body: { ...body, email: `x${n++}@gob.cl`, roles: [{ role: "focal_point", memberState: "CL", program: "no-such-program" }] },
        }),
      400,
      "validation-failed",
    );
    expect((await api(plane, "POST", "/api/homeservers", { token: admin.token, body: { serverName: "matrix.gob.uy", memberState: "UY" } })).status).toBe(201);
    await expectRefused(
      () => api(plane, "POST", "/api/homeservers", { token: admin.token, body: { serverName: "matrix.gob.uy", memberState: "UY" } }),
      409,
      "duplicate-homeserver",
    );
    await expectRefused(
      () => api(plane, "POST", "/api/homeservers", { token: admin.token, body: { serverName: "matrix.gob.zz", memberState: "ZZ" } }),
      400,
      "validation-failed",
    );
    const event = { name: "Cup", hostState: "CL", startsOn: "2027-01-01", endsOn: "2027-01-02", venueType: "stadium" };
    await expectRefused(() => api(plane, "POST", "/api/events", { token: admin.token, body: { ...event, hostState: "ZZ" } }), 400, "validation-failed");
    await expectRefused(
      () => api(plane, "POST", "/api/events", { token: admin.token, body: { ...event, supportingStates: ["AR", "ZZ"] } }),
      400,
      "validation-failed",
    );
    await expectRefused(
      () => api(plane, "POST", "/api/events", { token: admin.token, body: { ...event, startsOn: "2027-02-30", endsOn: "2027-03-01" } }),
      400,
      "validation-failed",
    );
    // The same checks when an event is edited, and nothing half-written: the event is as it was.
    const id = (await api(plane, "POST", "/api/events", { token: admin.token, body: event })).body.id as string;
    const put = (body: unknown) => api(plane, "PUT", `/api/events/${id}`, { token: admin.token, body });
    await expectRefused(() => put({ ...event, name: "Moved", hostState: "ZZ" }), 400, "validation-failed");
    await expectRefused(() => put({ ...event, name: "Moved", supportingStates: ["AR", "ZZ"] }), 400, "validation-failed");
    await expectRefused(() => put({ ...event, name: "Moved", startsOn: "2027-02-30", endsOn: "2027-03-01" }), 400, "validation-failed");
    await expectRefused(() => put({ ...event, name: "Moved", endsOn: "2026-12-31" }), 400, "validation-failed");
    await expectRefused(() => put({ name: "Moved" }), 400, "validation-failed");
    expect((await api(plane, "GET", `/api/events/${id}`, { token: admin.token })).body).toMatchObject({ name: "Cup", hostState: "CL", supportingStates: [] });
  });

  const start = (token: string) => api(plane, "POST", "/api/auth/enroll/start", { body: { token } });
  const deadLink = async (token: string) => {
    const a = await expectRefused(() => start(token), 410, "enrollment-link-invalid");
    const b = await expectRefused(() => enroll(token), 410, "enrollment-link-invalid");
    expect(b).toEqual(a);
  };

  it("an expired enrollment link: 410", async () => {
    const link = await approve(await nominate());
    plane.clock.advance(72 * 3600_000 + 1000);
    try {
      await deadLink(link);
    } finally {
      plane.clock.advance(-(72 * 3600_000 + 1000));
    }
    expect((await start(link)).status).toBe(200); // the same link, before its expiry
  });

  it("an already used enrollment link: 410, and the account it made is untouched", async () => {
    const id = await nominate();
    const link = await approve(id);
    expect((await enroll(link)).status).toBe(200);
    await deadLink(link);
    expect(await statusOf(id)).toBe("active");
  });

  it("a superseded link, a link of someone revoked since, and a link never issued: 410", async () => {
    const id = await nominate();
    const first = await approve(id);
    const second = (await api(plane, "POST", `/api/people/${id}/enrollment-link`, { token: officer.token })).body.token as string;
    await deadLink(first);
    expect((await start(second)).status).toBe(200);
    const revoked = await nominate();
    const link = await approve(revoked);
    await decide(revoked, "revoke");
    await deadLink(link);
    await deadLink("Z".repeat(43));
  });
});
