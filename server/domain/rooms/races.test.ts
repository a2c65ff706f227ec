import { describe, expect, it } from "vitest";
import { generateSigningKeyPair } from "#shared/crypto/sign.js";
import { credentialStateKey } from "#shared/credentials/credential.js";
import { createLogger } from "../../log.js";
import type { Locks, ReconcileDeps } from "./deps.js";
import { CREDENTIAL_STATE_TYPE } from "./event-types.js";
import { type Call, MemoryHomeserver } from "./memory-homeserver.js";
import { MemoryLocks, MemoryRegistry, noLocks } from "./memory-registry.js";
import { reconcilePerson } from "./person.js";
import { stateKey } from "./port.js";
import { reconcileAll, reconcileConversation, reconcileServerAcls } from "./reconcile.js";

// The reconciler's races (docs/reconciler.md, issue 13 part 4) replayed in a chosen order with no
// server at all: the in-memory homeserver's gates pick the interleaving, the in-memory registry and
// locks stand in for PostgreSQL. tests/integration/reconciler-races.test.ts runs the same races
// against real PostgreSQL (its advisory locks, the signed lists as stored).

const SERVER = "enlace.test";
const ana = `@ana.cl:${SERVER}`;
const focal = { role: "focal_point" as const, memberState: "CL", program: "tourism" };

async function setup(o: { locks?: Locks; reconciled?: boolean } = {}) {
  const secretariat = await generateSigningKeyPair();
  const hs = new MemoryHomeserver(SERVER);
  const registry = new MemoryRegistry(secretariat);
  const locks = o.locks ?? new MemoryLocks();
  const d: ReconcileDeps = { ctx: { log: createLogger("silent"), now: () => new Date(), keys: { secretariat } }, hs, registry, locks };
  if (o.reconciled !== false) await reconcileAll(d);
  const roomsOf = async (userId: string) => {
    const joined = new Set(await hs.joinedRooms(userId));
    return [...(await registry.roomIds())]
      .filter(([, id]) => joined.has(id))
      .map(([k]) => k)
      .sort();
  };
  return { hs, registry, locks, d, roomsOf };
}

/** Lets every runnable promise run (the fake homeserver yields once per call). */
const settle = async (rounds = 50) => {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setImmediate(r));
};

/**
 * The full reconcile is held while writing Ana's credential (computed before her master key came);
 * her person job then writes the new one. Returns the serial the Space ends with and the newest.
 */
async function twoCredentialWriters(locks: Locks) {
  const { hs, registry, d } = await setup({ locks });
  const id = registry.addActive(ana, "CL", [focal]);
  const credKey = stateKey(CREDENTIAL_STATE_TYPE, credentialStateKey(ana));
  const full = hs.pause((c) => c.op === "putState" && c.key === credKey);
  const running = reconcileAll(d);
  const held: Call = await full.reached;
  registry.setMasterKey(id, "A".repeat(43));
  const person = reconcilePerson(d, id);
  await settle();
  // The second writer has gone as far as it can: waiting for the key's lock, or writing beside the first.
  const lockKey = `state:${held.roomId}:${CREDENTIAL_STATE_TYPE}:${credentialStateKey(ana)}`;
  const blocked = locks instanceof MemoryLocks ? (locks.waiting.get(lockKey) ?? 0) : 0;
  const writing = hs.calls.slice(hs.calls.indexOf(held) + 1).filter((c) => c.op === "putState" && c.key === credKey).length;
  expect(blocked + writing).toBeGreaterThanOrEqual(1);
  full.release();
  await Promise.all([running, person]);
  const spaceId = (await registry.roomIds()).get("space")!;
  const published = hs.state(spaceId, CREDENTIAL_STATE_TYPE, credentialStateKey(ana)) as { credential: { serial: number; masterKey: string | null } };
  return {
    held: (held.content as { credential: { serial: number } }).credential.serial,
    published: published.credential,
    newest: registry.people.get(id)!.credentialVersion,
  };
}

describe("the reconciler's races, deterministic and server-free (in-memory homeserver, registry and locks; issue 13 part 4)", () => {
  it("two writers of one credential: computed inside the key's lock, the newest wins", async () => {
    const r = await twoCredentialWriters(new MemoryLocks());
    expect(r.held).toBe(r.newest - 1);
    expect(r.published).toMatchObject({ serial: r.newest, masterKey: "A".repeat(43) });
  });

  it("the same two writers with no lock: the fork keeps the older credential (the test above is what catches it)", async () => {
    const r = await twoCredentialWriters(noLocks);
    expect(r.published.serial).toBe(r.newest - 1);
    expect(r.published.masterKey).toBeNull();
  });

  it("a suspension beside a full reconcile whose snapshot predates it: the person ends out and locked, never re-added (invariant 1)", async () => {
    const { hs, registry, d, roomsOf } = await setup();
    const id = registry.addActive(ana, "CL", [focal]);
    // The full reconcile has read the registry (Ana active) and looks at its first room…
    const full = hs.pause((c) => c.op === "roomSnapshot");
    const running = reconcileAll(d);
    await full.reached;
    // …when Ana is suspended and her person job runs to the end.
    registry.setStatus(id, "suspended");
    await reconcilePerson(d, id);
    const after = hs.calls.length;
    full.release();
    const report = await running;
    expect(hs.calls.slice(after).filter((c) => c.op === "addMember" && c.userId === ana)).toEqual([]);
    expect(report.requeue).toContain(id);
    expect(await roomsOf(ana)).toEqual([]);
    expect(hs.account(ana).locked).toBe(true);
    for (const roomId of (await registry.roomIds()).values()) expect(["leave", undefined]).toContain(hs.membership(roomId, ana));
    // Her credential is withdrawn and the revocation list names her.
    const spaceId = (await registry.roomIds()).get("space")!;
    expect(hs.state(spaceId, CREDENTIAL_STATE_TYPE, credentialStateKey(ana))).toEqual({});
  });

  it("a direct conversation: its own job and a full reconcile leave one room with the two; a suspension takes one out for good (docs/conversations.md)", async () => {
    const { hs, registry, d, roomsOf } = await setup();
    const jan = `@jan.jm:${SERVER}`;
    const a = registry.addActive(ana, "CL", [focal]);
    const j = registry.addActive(jan, "JM", [{ ...focal, memberState: "JM" }]);
    registry.conversations.push({ id: "c1", people: [a, j] });
    const [roomId] = await Promise.all([reconcileConversation(d, "c1"), reconcileAll(d)]);
    expect(hs.roomsWithKey("dm:c1")).toEqual([roomId]);
    expect((await roomsOf(ana)).includes("dm:c1") && (await roomsOf(jan)).includes("dm:c1")).toBe(true);
    registry.setStatus(j, "suspended");
    await reconcilePerson(d, j);
    expect(await roomsOf(jan)).toEqual([]);
    const sweep = await reconcileAll(d);
    expect([sweep.added, sweep.removed]).toEqual([0, 0]);
    expect(await roomsOf(jan)).toEqual([]);
    expect(await roomsOf(ana)).toContain("dm:c1");
  });

  it("a replica re-runs an expired full reconcile beside the slow worker: no duplicate rooms, and a third run changes nothing", async () => {
    const { hs, registry, d, roomsOf } = await setup({ reconciled: false });
    const id = registry.addActive(ana, "CL", [focal]);
    // Worker A's homeserver created a room but A has not heard back (nor recorded it) when its job expires.
    const slow = hs.pause((c) => c.op === "createRoom" && c.key === "network:tourism", "after");
    const first = reconcileAll(d);
    await slow.reached;
    const second = await reconcileAll({ ...d }); // the replica: the same registry, locks and homeserver
    expect(second.created).toBeGreaterThan(0);
    slow.release();
    await first;
    const recorded = await registry.roomIds();
    for (const [key, roomId] of recorded) expect(hs.roomsWithKey(key)).toEqual([roomId]);
    expect(hs.rooms.size).toBe(recorded.size);
    expect(await roomsOf(ana)).toEqual(["advisories:all", "advisories:tourism", "network:tourism", "space"]);
    const third = await reconcileAll(d);
    expect({ ...third, requeue: [] }).toEqual({ created: 0, stateChanges: 0, added: 0, removed: 0, credentials: 0, requeue: [], refused: [] });
    await reconcilePerson(d, id);
    const again = await reconcilePerson(d, id);
    expect({ added: again.added, removed: again.removed }).toEqual({ added: [], removed: [] });
  });

  it("a homeserver registered while a full reconcile with an older snapshot runs: the ACL job admits it and the full pass does not put the old ACL back", async () => {
    const { hs, registry, d } = await setup();
    // The full reconcile loads its snapshot (no member-state homeserver), then is held as its room-by-room pass begins.
    const held = hs.pause((c) => c.op === "roomSnapshot");
    const running = reconcileAll(d);
    await held.reached;
    registry.homeservers = ["chile.test"];
    expect(await reconcileServerAcls(d)).toBeGreaterThan(0);
    held.release();
    await running;
    const acls = [...(await registry.roomIds()).values()].map((id) => hs.state(id, "m.room.server_acl", ""));
    expect(acls.length).toBeGreaterThan(0);
    for (const acl of acls) expect(acl).toMatchObject({ allow: ["chile.test", SERVER].sort() });
  });

  it("a homeserver registered and its person vetted while a full reconcile with an older snapshot runs: the pass does not kick them from the rooms they were just invited to", async () => {
    const { hs, registry, d } = await setup();
    const pedro = "@pedro:chile.test";
    // The full reconcile loads its snapshot (no member-state homeserver, no Pedro), then is held as its room-by-room pass begins.
    const held = hs.pause((c) => c.op === "roomSnapshot");
    const running = reconcileAll(d);
    await held.reached;
    registry.homeservers = ["chile.test"];
    const id = registry.addActive(pedro, "CL", [focal]);
    await reconcileServerAcls(d);
    await reconcilePerson(d, id);
    const rooms = [...(await registry.roomIds())].filter(([key]) => ["space", "network:tourism", "advisories:tourism"].includes(key));
    for (const [, roomId] of rooms) expect(hs.membership(roomId, pedro)).toBe("invite");
    held.release();
    await running;
    expect(hs.calls.filter((c) => c.op === "kick" && c.userId === pedro)).toEqual([]);
    for (const [, roomId] of rooms) expect(hs.membership(roomId, pedro)).toBe("invite");
  });
});
