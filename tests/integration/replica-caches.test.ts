import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startTestPlane, actor, api, role, type TestPlane } from "../helpers/control-plane.js";
import { withTransaction } from "#server/db/pool.js";
import { setExpertise } from "#server/domain/registry/repo.js";

// Two control-plane replicas over one database. Replica B caches sessions and directory answers;
// a suspension committed through replica A must take effect on B at once (LISTEN/NOTIFY).
describe("read caches across replicas", () => {
  let a: TestPlane, b: TestPlane;
  beforeAll(async () => {
    a = await startTestPlane();
    b = await startTestPlane({ keysFrom: a });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  // Bounded waits, not timings: how fast is a benchmark's business.
  async function until(check: () => Promise<boolean>, ms = 10_000) {
    const t0 = Date.now();
    while (Date.now() - t0 < ms) {
      if (await check()) return Date.now() - t0;
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error("not within " + ms + " ms");
  }

  it("a suspension on one replica ends the session and the directory entry on the other", async () => {
    const officer = await actor(a, [role.officer("tourism")], null);
    const fp = await actor(a, [role.focal("UY", "tourism")], "UY", { fullName: "Zoe Cachetest", expertise: { areas: ["cache testing"], languages: ["es"] } });
    const peer = await actor(a, [role.focal("PE", "tourism")], "PE");
    // Warm B's caches.
    for (let i = 0; i < 3; i++) expect((await api(b, "GET", "/api/auth/session", { token: fp.token })).status).toBe(200);
    const found = await api(b, "GET", "/api/directory?q=cachetest", { token: peer.token });
    expect(found.body.map((e: any) => e.id)).toEqual([fp.id]);

    expect((await api(a, "POST", `/api/people/${fp.id}/suspend`, { token: officer.token, body: { reason: "test" } })).status).toBe(200);
    // `until` fails the test if B keeps serving the stale session or directory entry.
    await until(async () => (await api(b, "GET", "/api/auth/session", { token: fp.token })).status === 401);
    await until(async () => (await api(b, "GET", "/api/directory?q=cachetest", { token: peer.token })).body.length === 0);
  });

  it("on the replica that made the change, the effect is immediate", async () => {
    const officer = await actor(a, [role.officer("tourism")], null);
    const fp = await actor(a, [role.focal("UY", "tourism")], "UY");
    for (let i = 0; i < 3; i++) expect((await api(a, "GET", "/api/auth/session", { token: fp.token })).status).toBe(200);
    await api(a, "POST", `/api/people/${fp.id}/revoke`, { token: officer.token, body: { reason: "test" } });
    expect((await api(a, "GET", "/api/auth/session", { token: fp.token })).status).toBe(401);
  });

  // Every transaction announces its own changes (tx.changed in the repo functions): also those no
  // service wrapped for the cache before, like a person's expertise in the directory.
  it("a directory answer cached on this replica gives way to an expertise change made here at once", async () => {
    const fp = await actor(a, [role.focal("UY", "tourism")], "UY", { fullName: "Ines Localcache", expertise: { areas: ["before"], languages: ["es"] } });
    const peer = await actor(a, [role.focal("PE", "tourism")], "PE");
    const search = async (area: string) => (await api(a, "GET", `/api/directory?q=localcache&area=${area}`, { token: peer.token })).body.map((e: any) => e.id);
    expect(await search("after")).toEqual([]);
    expect(await search("after")).toEqual([]); // cached now
    expect((await api(a, "PUT", "/api/me/expertise", { token: fp.token, body: { areas: ["after"], languages: ["es"] } })).status).toBe(200);
    expect(await search("after")).toEqual([fp.id]);
  });

  it("announces a transaction's changes after COMMIT, and nothing for a rollback", async () => {
    const fp = await actor(a, [role.focal("UY", "tourism")], "UY");
    const published: string[][] = [];
    const feed = { publish: (tables: string[]) => void published.push(tables) };
    await withTransaction({ db: a.ctx.db, changes: feed }, async (tx) => {
      await setExpertise(tx, fp.id, ["x"], ["es"]);
      expect(published).toEqual([]); // not before COMMIT
    });
    expect(published).toEqual([["people"]]);
    await expect(
      withTransaction({ db: a.ctx.db, changes: feed }, async (tx) => {
        await setExpertise(tx, fp.id, ["y"], ["es"]);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(published).toEqual([["people"]]);
    // A transaction that writes nothing others cache announces nothing.
    await withTransaction({ db: a.ctx.db, changes: feed }, (tx) => tx.query("SELECT 1"));
    expect(published).toEqual([["people"]]);
  });
});
