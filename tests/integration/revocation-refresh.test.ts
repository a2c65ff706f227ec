import { describe, it, expect, afterAll } from "vitest";
import type PgBoss from "pg-boss";
import { startTestPlane, type TestPlane } from "../helpers/control-plane.js";
import { eventually } from "../helpers/matrix-wait.js";
import { createBoss } from "#server/jobs/reconciler.js";
import { startRevocationRefresh, RESIGN_AFTER_MS } from "#server/jobs/revocation-refresh.js";
import { verifyRevocationList, type SignedRevocationList } from "#shared/credentials/credential.js";
import type { HomeserverPort, StateEvent } from "#server/domain/rooms/port.js";

/** Only what the refresh job touches; everything else is never called. */
function flakyHomeserver(failures: number) {
  const written: StateEvent[] = [];
  let left = failures;
  const hs = {
    serverName: "hs.test",
    botUserId: "@enlace-registry:hs.test",
    async stateContent() {
      return written.at(-1)?.content ?? null;
    },
    async putState(_roomId: string, ev: StateEvent) {
      if (left-- > 0) throw new Error("homeserver unavailable (test)");
      written.push(ev);
    },
  } as unknown as HomeserverPort;
  return { hs, written };
}

describe("revocation refresh job (issue 9 item 4)", () => {
  let plane: TestPlane, boss: PgBoss;
  const lines: string[] = [];
  afterAll(async () => {
    await boss?.stop({ graceful: false, wait: true });
    await plane?.close();
  });

  it("a failed run is logged and retried (health down meanwhile), then publishes; an up-to-date list is not rewritten, an old one is re-signed", async () => {
    plane = await startTestPlane({
      logSink: {
        write: (l) => {
          lines.push(l);
        },
      },
    });
    await plane.ctx.db.query("INSERT INTO matrix_rooms (key, room_id, kind) VALUES ('space', '!space:hs.test', 'space')");
    boss = await createBoss(plane.dbUrl);
    const { hs, written } = flakyHomeserver(1);
    const job = await startRevocationRefresh(plane.ctx, boss, hs);
    await eventually(
      async () => job.health(),
      (h) => h === "down",
      20_000,
      50,
    );
    expect(lines.some((l) => l.includes("revocation refresh failed; it will be retried") && l.includes("homeserver unavailable (test)"))).toBe(true);
    await eventually(
      async () => written.length,
      (n) => n === 1,
      60_000,
      100,
    );
    await eventually(
      async () => job.health(),
      (h) => h === "ok",
      10_000,
      50,
    );
    const first = written[0].content as unknown as SignedRevocationList;
    expect((await verifyRevocationList(first, [plane.ctx.keys.secretariat.publicKey])).ok).toBe(true);

    // Nothing due: the Space already carries exactly this list.
    await job.runNow();
    await new Promise((r) => setTimeout(r, 3000));
    expect(written).toHaveLength(1);

    // Half the refresh period later: a new signature, same serial, later issuedAt.
    plane.clock.advance(RESIGN_AFTER_MS);
    await job.runNow();
    await eventually(
      async () => written.length,
      (n) => n === 2,
      20_000,
      100,
    );
    const second = written[1].content as unknown as SignedRevocationList;
    expect(second.list.serial).toBe(first.list.serial);
    expect(Date.parse(second.list.issuedAt)).toBe(Date.parse(first.list.issuedAt) + RESIGN_AFTER_MS);

    // The clock steps back (a replica behind, an NTP correction): the next signature is still later.
    plane.clock.now = new Date(plane.clock.now.getTime() - 2 * RESIGN_AFTER_MS);
    const entriesChanged = await plane.ctx.db.query("UPDATE revocation_list SET digest = 'changed' RETURNING serial");
    await job.runNow();
    await eventually(
      async () => written.length,
      (n) => n === 3,
      20_000,
      100,
    );
    const third = written[2].content as unknown as SignedRevocationList;
    expect(third.list.serial).toBe(Number(entriesChanged.rows[0].serial) + 1);
    expect(Date.parse(third.list.issuedAt)).toBe(Date.parse(second.list.issuedAt) + 1);
    await job.stop();
  }, 120_000);
});
