import { describe, expect, it } from "vitest";
import { ApiError, createClient } from "./client.js";

const answer = (body: string, status: number, type = "application/json", statusText = "") =>
  new Response(body, { status, statusText, headers: { "content-type": type } });

describe("the one control-plane client", () => {
  it("sends the operation's method and path, with path parameters encoded, a query, a bearer token and a JSON body", async () => {
    const seen: Array<{ url: string; method?: string; auth?: string; body?: unknown }> = [];
    const fake = (async (url: string, init: RequestInit) => {
      seen.push({ url, method: init.method, auth: (init.headers as Record<string, string>).authorization, body: init.body });
      return answer("{}", 200);
    }) as unknown as typeof fetch;
    const { call } = createClient({ baseUrl: "http://cp", fetch: fake, token: () => "t0k" });
    await call("getCredential", { params: { userId: "@ana:hs.test" } });
    await call("listPeople", { query: { status: "active", limit: 5 } });
    await call("approvePerson", { params: { id: "4b1f0a0e-0000-4000-8000-000000000000" }, body: { reason: "ok" } });
    expect(seen).toEqual([
      { url: "http://cp/api/credentials/%40ana%3Ahs.test", method: "GET", auth: "Bearer t0k", body: undefined },
      { url: "http://cp/api/people?status=active&limit=5", method: "GET", auth: "Bearer t0k", body: undefined },
      { url: "http://cp/api/people/4b1f0a0e-0000-4000-8000-000000000000/approve", method: "POST", auth: "Bearer t0k", body: '{"reason":"ok"}' },
    ]);
  });

  it("a proxy's HTML 502 is a bad-gateway ApiError and the control plane unreachable, not a SyntaxError", async () => {
    const reachable: boolean[] = [];
    const { call } = createClient({
      fetch: (async () => answer("<html><h1>502 Bad Gateway</h1></html>", 502, "text/html", "Bad Gateway")) as unknown as typeof fetch,
      onReachable: (r) => reachable.push(r),
    });
    const err = await call("listPrograms").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect([(err as ApiError).kind, (err as ApiError).status, (err as ApiError).knownKind]).toEqual(["bad-gateway", 502, "bad-gateway"]);
    expect(reachable).toEqual([false]);
  });

  it("a 200 that is not JSON is a bad-gateway ApiError too", async () => {
    const { call } = createClient({ fetch: (async () => answer("<html>captive portal</html>", 200, "text/html")) as unknown as typeof fetch });
    await expect(call("listPrograms")).rejects.toMatchObject({ kind: "bad-gateway", status: 200 });
  });

  it("the control plane's own 503 problem keeps its type and says the control plane answered", async () => {
    const reachable: boolean[] = [];
    const body = JSON.stringify({ type: "https://enlace.oas.org/problems/server-busy", title: "Server busy", status: 503, retryAfterSeconds: 2 });
    const { call } = createClient({
      fetch: (async () => answer(body, 503, "application/problem+json")) as unknown as typeof fetch,
      onReachable: (r) => reachable.push(r),
    });
    await expect(call("login", { body: { email: "a@b.org", password: "x" } })).rejects.toMatchObject({ kind: "server-busy", extra: { retryAfterSeconds: 2 } });
    expect(reachable).toEqual([true]);
  });

  it("health's 503 is its degraded body, not a problem", async () => {
    const { call } = createClient({ fetch: (async () => answer(JSON.stringify({ status: "degraded", database: "down" }), 503)) as unknown as typeof fetch });
    await expect(call("health")).resolves.toEqual({ status: "degraded", database: "down" });
  });

  it("no answer at all is a network ApiError", async () => {
    const { call } = createClient({
      fetch: (async () => {
        throw new TypeError("fetch failed");
      }) as unknown as typeof fetch,
    });
    await expect(call("getSession")).rejects.toMatchObject({ kind: "network", status: 0, isNetwork: true });
  });
});
