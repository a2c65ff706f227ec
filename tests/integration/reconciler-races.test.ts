import { afterEach, describe, expect, it } from "vitest";
import { startTestPlane, role, type TestPlane } from "../helpers/control-plane.js";
import { eventually } from "../helpers/matrix-wait.js";
import { withTransaction } from "#server/db/pool.js";
import { seedActivePerson } from "#server/domain/registry/seed.js";
import * as registry from "#server/domain/registry/repo.js";
import { setMasterKey } from "#server/domain/credentials/repo.js";
import { type Call, MemoryHomeserver } from "#server/domain/rooms/memory-homeserver.js";
import { stateKey } from "#server/domain/rooms/port.js";
import { reconcileAll } from "#server/domain/rooms/reconcile.js";
import { reconcilePerson } from "#server/domain/rooms/person.js";
import { CREDENTIAL_STATE_TYPE } from "#server/domain/rooms/event-types.js";
import { credentialStateKey, REVOCATIONS_TYPE, type SignedRevocationList } from "#shared/credentials/credential.js";
import type { ReconcileDeps } from "#server/domain/rooms/deps.js";
import { pgReconcileDeps } from "#server/domain/rooms/registry-port.js";

// The reconciler's races (docs/reconciler.md), replayed in a chosen order: real PostgreSQL (the
// registry, the advisory locks), the in-memory homeserver with gates instead of Synapse. The same
// races without any server (in-memory registry and locks) are server/domain/rooms/races.test.ts;
// this file is the one that checks PostgreSQL's locks and stored revocation list really hold them.

const SERVER = "enlace.test";
const ana = `@ana.cl:${SERVER}`;
const anaRooms = ["advisories:all", "advisories:tourism", "network:tourism", "space"];

// Someone waiting for the state lock on one key (state-lock.ts: pg_advisory_lock(hashtext(key)));
// pg_locks shows the whole cluster and other advisory locks (the audit chain's), so match both.
const WAITING_FOR_KEY = `SELECT count(*)::int AS n FROM pg_locks
  WHERE locktype = 'advisory' AND NOT granted AND objid::bigint = (hashtext($1)::bigint & 4294967295)
    AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;

let plane: TestPlane | undefined;
afterEach(async () => {
  await plane?.close();
  plane = undefined;
});

async function setup(o: { reconciled?: boolean } = {}) {
  plane = await startTestPlane({ caches: false });
  const hs = new MemoryHomeserver(SERVER);
  const d: ReconcileDeps = pgReconcileDeps(plane.ctx, hs);
  if (o.reconciled !== false) await reconcileAll(d);
  const rooms = async () => new Map<string, string>((await plane!.ctx.db.query("SELECT key, room_id FROM matrix_rooms")).rows.map((r) => [r.key, r.room_id]));
  const roomsOf = async (userId: string) => {
    const joined = new Set(await hs.joinedRooms(userId));
    return [...(await rooms())]
      .filter(([, id]) => joined.has(id))
      .map(([k]) => k)
      .sort();
  };
  const seed = (email: string, matrixUserId: string, roles = [role.focal("CL", "tourism")]) =>
    seedActivePerson(plane!.ctx, { email, fullName: email, memberState: "CL", roles, password: "a long enough passphrase", matrixUserId });
  const suspend = (personId: string) =>
    withTransaction(plane!.ctx, async (tx) => {
      await registry.setStatus(tx, personId, "suspended");
      await registry.recordTransition(tx, { personId, from: "active", to: "suspended", actorId: null, reason: "test" });
    });
  // The second writer has gone as far as it can while the first is `held`: waiting for the key's
  // state lock, which the first holds, or, were there no lock, writing the same key beside it.
  const secondWriterWaits = (held: Call, type: string, key = "") =>
    eventually(
      async () => ({
        blocked: (await plane!.ctx.db.query(WAITING_FOR_KEY, [`state:${held.roomId}:${type}:${key}`])).rows[0].n,
        writing: hs.calls.slice(hs.calls.indexOf(held) + 1).filter((c) => c.op === "putState" && c.roomId === held.roomId && c.key === stateKey(type, key))
          .length,
      }),
      (w) => w.blocked + w.writing >= 1,
      10_000,
      20,
    );
  return { hs, d, ctx: plane.ctx, rooms, roomsOf, seed, suspend, secondWriterWaits };
}

describe("the reconciler's races, deterministic (in-memory homeserver, real PostgreSQL; issue 13 part 4)", () => {
  it("two writers of one credential: the value is computed inside the key's lock, so the newest wins (without the lock the fork keeps the older)", async () => {
    const { hs, d, ctx, seed, secondWriterWaits } = await setup();
    const { id } = await seed("ana@gob.cl", ana);
    const credKey = stateKey(CREDENTIAL_STATE_TYPE, credentialStateKey(ana));
    // The full reconcile has computed Ana's credential and is about to write it…
    const full = hs.pause((c) => c.op === "putState" && c.key === credKey);
    const running = reconcileAll(d);
    const held = await full.reached;
    // …when her master key is registered (a new credential version) and her person job writes too.
    expect(await withTransaction(ctx, (tx) => setMasterKey(tx, id, "A".repeat(43)))).toBe(true);
    const person = reconcilePerson(d, id);
    await secondWriterWaits(held, CREDENTIAL_STATE_TYPE, credentialStateKey(ana));
    full.release();
    await Promise.all([running, person]);
    const published = hs.state([...hs.rooms.values()].find((r) => r.isSpace)!.roomId, CREDENTIAL_STATE_TYPE, credentialStateKey(ana)) as {
      credential: { serial: number; masterKey?: string };
    };
    const serial = Number((await ctx.db.query("SELECT credential_version FROM people WHERE id = $1", [id])).rows[0].credential_version);
    expect((held.content as { credential: { serial: number } }).credential.serial).toBe(serial - 1);
    expect(published.credential.serial).toBe(serial);
  });

  it("two officers' person jobs on one room's power levels: both levels end up there (read and written inside the lock)", async () => {
    const { hs, d, rooms, seed, secondWriterWaits } = await setup();
    const one = await seed("one@oas.org", `@officer.one:${SERVER}`, [role.officer("tourism")]);
    const two = await seed("two@oas.org", `@officer.two:${SERVER}`, [role.officer("tourism")]);
    const room = (await rooms()).get("advisories:tourism")!;
    const first = hs.pause((c) => c.op === "putState" && c.roomId === room && c.key === stateKey("m.room.power_levels"));
    const jobOne = reconcilePerson(d, one.id);
    const held = await first.reached;
    const jobTwo = reconcilePerson(d, two.id);
    await secondWriterWaits(held, "m.room.power_levels");
    first.release();
    await Promise.all([jobOne, jobTwo]);
    const users = (hs.state(room, "m.room.power_levels") as { users: Record<string, number> }).users;
    expect(users[`@officer.one:${SERVER}`]).toBeGreaterThan(0);
    expect(users[`@officer.two:${SERVER}`]).toBeGreaterThan(0);
  });

  it("two writers of the revocation list: the full reconcile signed it before a suspension, the person job after; the Space ends with the newer (invariant 6)", async () => {
    const { hs, d, ctx, seed, suspend, secondWriterWaits } = await setup();
    const { id } = await seed("ana@gob.cl", ana);
    await reconcileAll(d);
    // The stored list no longer matches its entries (as after any change): the next full reconcile signs and writes one…
    await ctx.db.query("UPDATE revocation_list SET digest = 'changed'");
    const full = hs.pause((c) => c.op === "putState" && c.key === stateKey(REVOCATIONS_TYPE));
    const running = reconcileAll(d);
    const held = await full.reached;
    // …when Ana is suspended; her person job signs a list naming her and waits for the key.
    await suspend(id);
    const person = reconcilePerson(d, id);
    await secondWriterWaits(held, REVOCATIONS_TYPE);
    full.release();
    await Promise.all([running, person]);
    const inSpace = hs.state(held.roomId!, REVOCATIONS_TYPE) as unknown as SignedRevocationList;
    expect((held.content as unknown as SignedRevocationList).list.entries.map((e) => e.personId)).not.toContain(id);
    expect(inSpace.list.entries.map((e) => e.personId)).toContain(id);
    expect(inSpace.list.serial).toBeGreaterThan((held.content as unknown as SignedRevocationList).list.serial);
  });

  it("a suspension beside a full reconcile whose snapshot predates it: the person ends up out and locked, never re-added (invariant 1)", async () => {
    const { hs, d, rooms, roomsOf, seed, suspend } = await setup();
    const { id } = await seed("ana@gob.cl", ana);
    // The full reconcile has read the registry (Ana active) and looks at its first room…
    const full = hs.pause((c) => c.op === "roomSnapshot");
    const running = reconcileAll(d);
    await full.reached;
    // …when Ana is suspended and her person job runs to the end.
    await suspend(id);
    await reconcilePerson(d, id);
    const after = hs.calls.length;
    full.release();
    const report = await running;
    expect(hs.calls.slice(after).filter((c) => c.op === "addMember" && c.userId === ana)).toEqual([]);
    expect(report.requeue).toContain(id);
    expect(await roomsOf(ana)).toEqual([]);
    expect(hs.account(ana).locked).toBe(true);
    // Nor is she in any room as an invitee (the space included).
    for (const roomId of (await rooms()).values()) expect(["leave", undefined]).toContain(hs.membership(roomId, ana));
  });

  it("a suspension between the full reconcile's last status check and its join: the join is undone at once (invariant 1)", async () => {
    const { hs, d, roomsOf, seed, suspend } = await setup();
    const { id } = await seed("ana@gob.cl", ana);
    // The full reconcile has re-read Ana's status (active) and is about to join her to a room…
    const join = hs.pause((c) => c.op === "addMember" && c.userId === ana);
    const running = reconcileAll(d);
    await join.reached;
    // …when she is suspended and her person job kicks her everywhere first.
    await suspend(id);
    await reconcilePerson(d, id);
    join.release();
    await running;
    expect(await roomsOf(ana)).toEqual([]);
    expect(hs.account(ana).locked).toBe(true);
  });

  it("a replica takes over an expired full reconcile (the worker only slow, then finishing too): no duplicate rooms, and a third run changes nothing", async () => {
    const { hs, d, ctx, rooms, roomsOf, seed } = await setup({ reconciled: false });
    const { id } = await seed("ana@gob.cl", ana);
    // Worker A's homeserver created a room but A has not heard back (nor recorded it) when its job expires.
    const slow = hs.pause((c) => c.op === "createRoom" && c.key === "network:tourism", "after");
    const first = reconcileAll(d);
    await slow.reached;
    const second = await reconcileAll(pgReconcileDeps(ctx, hs)); // the replica: the same registry and homeserver
    expect(second.created).toBeGreaterThan(0);
    slow.release();
    await first;
    const recorded = await rooms();
    expect(recorded.size).toBe(28);
    for (const [key, roomId] of recorded) expect(hs.roomsWithKey(key)).toEqual([roomId]);
    expect(hs.rooms.size).toBe(28);
    expect(await roomsOf(ana)).toEqual(anaRooms);
    const third = await reconcileAll(d);
    expect({ ...third, requeue: [] }).toEqual({ created: 0, stateChanges: 0, added: 0, removed: 0, credentials: 0, requeue: [], refused: [] });
    // A person job run twice (its job expired too): the second run changes nothing in the rooms.
    await reconcilePerson(d, id);
    const again = await reconcilePerson(d, id);
    expect({ added: again.added, removed: again.removed }).toEqual({ added: [], removed: [] });
  });

  it("a worker dies after the homeserver created a room: the replica finds that room instead of making a second", async () => {
    const { hs, d, ctx, rooms } = await setup({ reconciled: false });
    const crash = hs.pause((c) => c.op === "createRoom" && c.key === "advisories:all", "after");
    const dying = reconcileAll(d);
    await crash.reached;
    crash.fail(new Error("worker died (test)"));
    await expect(dying).rejects.toThrow("worker died");
    expect(hs.roomsWithKey("advisories:all")).toHaveLength(1);
    expect((await rooms()).has("advisories:all")).toBe(false);
    await reconcileAll(pgReconcileDeps(ctx, hs));
    expect((await rooms()).get("advisories:all")).toBe(hs.roomsWithKey("advisories:all")[0]);
    expect(hs.roomsWithKey("advisories:all")).toHaveLength(1);
  });
});
