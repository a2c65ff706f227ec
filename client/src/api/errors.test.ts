import { describe, expect, it } from "vitest";
import { ApiError, problemFrom, toApiError, networkError } from "./errors.js";
import { createApi } from "./client.js";

const problem = (body: unknown, status: number, type = "application/problem+json") =>
  new Response(typeof body === "string" ? body : JSON.stringify(body), { status, headers: { "content-type": type } });

describe("problem+json", () => {
  it("keeps type, status, title, detail and the extra members", async () => {
    const e = await problemFrom(
      problem(
        { type: "https://enlace.oas.org/problems/too-many-attempts", title: "Too many attempts", status: 429, detail: "Wait.", retryAfterSeconds: 120 },
        429,
      ),
    );
    expect(e).toBeInstanceOf(ApiError);
    expect([e.type, e.status, e.title, e.detail, e.kind, e.extra.retryAfterSeconds]).toEqual([
      "https://enlace.oas.org/problems/too-many-attempts",
      429,
      "Too many attempts",
      "Wait.",
      "too-many-attempts",
      120,
    ]);
  });

  it("a non-problem answer still becomes an ApiError with the status", async () => {
    const e = await problemFrom(new Response("<html>bad gateway</html>", { status: 502, statusText: "Bad Gateway" }));
    expect([e.kind, e.status, e.title, e.isNetwork]).toEqual(["bad-gateway", 502, "Bad Gateway", false]);
    const other = await problemFrom(new Response("<html>no</html>", { status: 404, statusText: "Not Found" }));
    expect([other.type, other.status, other.knownKind]).toEqual(["about:blank", 404, "unknown"]);
  });

  it("network loss and unexpected throws have their own shapes", () => {
    expect(networkError("offline").isNetwork).toBe(true);
    expect(networkError("offline").kind).toBe("network");
    expect(toApiError(new Error("boom")).status).toBe(-1);
  });
});

describe("the API client", () => {
  it("reports a lost connection, then its return; a 401 on an authenticated call ends the session", async () => {
    let mode: "down" | "401" | "ok" = "down";
    const fake = (async () => {
      if (mode === "down") throw new TypeError("Failed to fetch");
      if (mode === "401") return problem({ type: "https://enlace.oas.org/problems/unauthenticated", title: "Authentication required", status: 401 }, 401);
      return new Response(JSON.stringify([]), { status: 200, headers: { "content-type": "application/json" } });
    }) as typeof fetch;
    const api = createApi({ fetch: fake });
    const online: boolean[] = [];
    const ended: string[] = [];
    api.onConnectivity((v) => online.push(v));
    api.onSessionEnded((e) => ended.push(e.kind));

    await expect(api.programs()).rejects.toMatchObject({ status: 0 });
    mode = "ok";
    await expect(api.programs()).resolves.toEqual([]);
    expect(online).toEqual([false, true]);

    mode = "401";
    await expect(api.login({ email: "a@b.org", password: "x" })).rejects.toMatchObject({ status: 401 });
    expect(ended).toEqual([]); // a failed sign-in is not a lost session
    await expect(api.people()).rejects.toMatchObject({ kind: "unauthenticated" });
    expect(ended).toEqual(["unauthenticated"]);
  });
});
