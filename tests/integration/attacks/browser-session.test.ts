import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startTestPlane, actor, api, role, type TestPlane, type Actor } from "../../helpers/control-plane.js";
import { startTestSynapse, type TestSynapse } from "../../helpers/synapse.js";
import { fromAddress, CLI } from "./addresses.js";

// A script running in a page (cross-site scripting in the web client, or a hostile site the person
// visits) tries to get hold of a bearer token it could send elsewhere. Browsers get the session
// only as an HttpOnly cookie; the token-in-body answer is for programs and is refused to anything
// that looks like a browser; and the page may connect only to its own origin and the homeserver.

const PROBLEM = "https://enlace.oas.org/problems/";
const BROWSER_MARKS: Record<string, Record<string, string>> = {
  origin: { origin: "https://evil.example" },
  sameOrigin: { origin: "http://localhost:8080" },
  secFetchSite: { "sec-fetch-site": "same-origin" },
  crossSite: { "sec-fetch-site": "cross-site" },
  cookie: { cookie: "enlace_session=anything" },
  otherCookie: { cookie: "theme=dark" },
};
const BROWSER = { origin: "http://localhost:8080", "sec-fetch-site": "same-origin", "sec-fetch-mode": "cors" };
const nomination = (email: string) => ({
  email,
  fullName: "Nominee",
  memberState: "CL",
  roles: [{ role: "focal_point", memberState: "CL", program: "tourism" }],
});

function sessionCookie(setCookie: string[] | undefined) {
  const line = (setCookie ?? []).find((c) => c.startsWith("enlace_session="));
  return line
    ? {
        line,
        value: line.slice("enlace_session=".length).split(";")[0],
        attrs: line
          .split(";")
          .slice(1)
          .map((a) => a.trim().toLowerCase()),
      }
    : null;
}

describe("attack: a page script reads a bearer token from sign-in or enrollment (issue 9 item 10)", () => {
  let plane: TestPlane, coord: Actor, officer: Actor, fp: Actor;
  let n = 0;
  beforeAll(async () => {
    plane = await startTestPlane();
    coord = await actor(plane, [role.coordinator("CL")], "CL");
    officer = await actor(plane, [role.officer("tourism")], null);
    fp = await actor(plane, [role.focal("CL", "tourism")], "CL");
  });
  afterAll(() => plane.close());

  async function openedLink() {
    const nom = await api(plane, "POST", "/api/nominations", { token: coord.token, body: nomination(`browser${n++}-${Date.now()}@gob.cl`) });
    expect(nom.status).toBe(201);
    const appr = await api(plane, "POST", `/api/people/${nom.body.id}/approve`, { token: officer.token, body: { reason: "ok" } });
    expect(appr.status).toBe(200);
    const token = appr.body.enrollment.token as string;
    expect((await api(plane, "POST", "/api/auth/enroll/start", { body: { token } })).status).toBe(200);
    return token;
  }

  it("Enlace-Client: cli with Origin, Sec-Fetch-Site or any cookie gets 403 cli-token-refused on login, and no session", async () => {
    for (const [name, marks] of Object.entries(BROWSER_MARKS)) {
      const r = await fromAddress(plane, "127.0.0.1", "POST", "/api/auth/login", { email: fp.email, password: fp.password }, { ...CLI, ...marks });
      expect({ name, status: r.status, type: r.body?.type }).toEqual({ name, status: 403, type: `${PROBLEM}cli-token-refused` });
      expect(r.headers["content-type"]).toMatch(/^application\/problem\+json/);
      expect(r.body.token, name).toBeUndefined();
      expect(r.headers["set-cookie"], name).toBeUndefined();
    }
    // The same request from a program (no browser marks) gets its token.
    const ok = await fromAddress(plane, "127.0.0.1", "POST", "/api/auth/login", { email: fp.email, password: fp.password }, CLI);
    expect(ok.status).toBe(200);
    expect(ok.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(ok.headers["set-cookie"]).toBeUndefined();
  });

  it("Enlace-Client: cli from a browser on enroll/complete is refused too, and does not spend the link", async () => {
    const link = await openedLink();
    for (const [name, marks] of Object.entries(BROWSER_MARKS)) {
      const r = await fromAddress(
        plane,
        "127.0.0.1",
        "POST",
        "/api/auth/enroll/complete",
        { token: link, password: "a long enough passphrase" },
        { ...CLI, ...marks },
      );
      expect({ name, status: r.status, type: r.body?.type }).toEqual({ name, status: 403, type: `${PROBLEM}cli-token-refused` });
      expect(r.headers["set-cookie"], name).toBeUndefined();
    }
    const ok = await fromAddress(plane, "127.0.0.1", "POST", "/api/auth/enroll/complete", { token: link, password: "a long enough passphrase" }, BROWSER);
    expect(ok.status).toBe(200);
  });

  it("a browser login answers with the HttpOnly, SameSite=Strict cookie and no token anywhere in the body", async () => {
    const r = await fromAddress(plane, "127.0.0.1", "POST", "/api/auth/login", { email: fp.email, password: fp.password }, BROWSER);
    expect(r.status).toBe(200);
    const cookie = sessionCookie(r.headers["set-cookie"] as string[] | undefined);
    expect(cookie).not.toBeNull();
    expect(cookie!.attrs).toEqual(expect.arrayContaining(["httponly", "samesite=strict", "path=/api"]));
    expect(r.body).not.toHaveProperty("token");
    expect(JSON.stringify(r.body)).not.toContain(cookie!.value);
    expect(r.body.person?.id ?? r.body.personId ?? r.body.id).toBeDefined();
    // The cookie is the session: it works for the browser's next call.
    const me = await fromAddress(plane, "127.0.0.1", "GET", "/api/auth/session", undefined, { cookie: `enlace_session=${cookie!.value}` });
    expect(me.status).toBe(200);
    expect(JSON.stringify(me.body)).not.toContain(cookie!.value);
  });

  it("a browser enrollment answers with the cookie and no token in the body", async () => {
    const link = await openedLink();
    const r = await fromAddress(plane, "127.0.0.1", "POST", "/api/auth/enroll/complete", { token: link, password: "a long enough passphrase" }, BROWSER);
    expect(r.status).toBe(200);
    const cookie = sessionCookie(r.headers["set-cookie"] as string[] | undefined);
    expect(cookie!.attrs).toEqual(expect.arrayContaining(["httponly", "samesite=strict", "path=/api"]));
    expect(Object.keys(r.body)).toEqual(["expiresAt"]);
    expect(JSON.stringify(r.body)).not.toContain(cookie!.value);
    // Without the header and without browser marks (a program that forgot it): still no token in the body.
    const plain = await fromAddress(plane, "127.0.0.1", "POST", "/api/auth/login", { email: fp.email, password: fp.password });
    expect(plain.status).toBe(200);
    expect(plain.body).not.toHaveProperty("token");
  });
});

describe("attack: a page script sends what it read to a server of its choosing (issue 9 item 10)", () => {
  let hs: TestSynapse, withHs: TestPlane, alone: TestPlane, staticDir: string;
  beforeAll(async () => {
    hs = await startTestSynapse();
    staticDir = await mkdtemp(join(tmpdir(), "enlace-page-"));
    await writeFile(join(staticDir, "index.html"), "<!doctype html><title>Enlace</title>");
    withHs = await startTestPlane({ synapse: hs, staticDir });
    alone = await startTestPlane();
  }, 120_000);
  afterAll(async () => {
    await withHs?.close();
    await alone?.close();
    await hs?.close();
    await rm(staticDir, { recursive: true, force: true });
  });

  const directives = (csp: string | null) =>
    Object.fromEntries(
      (csp ?? "")
        .split(";")
        .map((d) => d.trim())
        .filter(Boolean)
        .map((d) => {
          const [name, ...values] = d.split(/\s+/);
          return [name, values];
        }),
    );

  it("connect-src is exactly 'self' and the homeserver's origin, on API answers and pages alike", async () => {
    for (const path of ["/api/health", "/", "/rooms/some-deep-link", "/api/openapi.json", "/api/no-such-route"]) {
      const r = await fetch(withHs.url + path);
      expect(r.status, path).toBeLessThan(path.includes("no-such") ? 500 : 400);
      const d = directives(r.headers.get("content-security-policy"));
      expect({ path, connect: d["connect-src"] }).toEqual({ path, connect: ["'self'", new URL(hs.url).origin] });
      expect(d["default-src"]).toEqual(["'self'"]);
    }
  });

  it("without a homeserver, connect-src is 'self' alone: no http:, https: or wildcard", async () => {
    const d = directives((await fetch(alone.url + "/api/health")).headers.get("content-security-policy"));
    expect(d["connect-src"]).toEqual(["'self'"]);
    for (const v of [...d["connect-src"], ...d["default-src"]]) expect(["http:", "https:", "*", "ws:", "wss:"]).not.toContain(v);
  });
});
