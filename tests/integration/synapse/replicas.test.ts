import { describe, it, expect, afterAll } from "vitest";
import { startTestSynapse, type TestSynapse } from "../../helpers/synapse.js";
import { startTestPlane, type TestPlane } from "../../helpers/control-plane.js";
import { eventually } from "../../helpers/matrix-wait.js";
import { membershipDrift, seedBulkPeople } from "../../helpers/room-check.js";
import { Q_ALL } from "#server/jobs/reconciler.js";

// Two control-plane replicas over one database and one Synapse, both running the reconciler.
describe("several replicas", () => {
  let hs: TestSynapse, a: TestPlane, b: TestPlane;
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await hs?.close();
  });

  it("never run two full reconciles at once, converge, and create each room exactly once", async () => {
    hs = await startTestSynapse();
    a = await startTestPlane({ synapse: hs });
    b = await startTestPlane({ synapse: hs, keysFrom: a });
    await seedBulkPeople(a.ctx, 30, hs.serverName, "r");
    let maxActive = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const n = Number((await a.ctx.db.query("SELECT count(*) n FROM pgboss.job WHERE name = $1 AND state = 'active'", [Q_ALL])).rows[0].n);
        maxActive = Math.max(maxActive, n);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    for (const p of [a, b]) {
      await p.link!.boss.send(Q_ALL, {});
      p.link!.reconciler.wake();
    }
    await eventually(
      () => membershipDrift(a.ctx, hs.admin, hs.serverName, hs.botUserId),
      (d) => d.length === 0,
      120_000,
      500,
    );
    sampling = false;
    await sampler;
    expect(maxActive).toBe(1);
    expect(Number((await a.ctx.db.query("SELECT count(*) n FROM matrix_rooms")).rows[0].n)).toBe(28);
    const listed = await fetch(`${hs.url}/_synapse/admin/v1/rooms?limit=500`, { headers: { authorization: `Bearer ${(hs.admin as any).token}` } }).then((r) =>
      r.json(),
    );
    expect(listed.total_rooms).toBe(28);
  }, 180_000);
});
