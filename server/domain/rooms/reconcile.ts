import { desiredRooms, serverAclFor, type DesiredRoom } from "./desired.js";
import { managedState, covers } from "./room-state.js";
import { stateKey, type RoomSnapshot } from "./port.js";
import type { ReconcileDeps } from "./deps.js";
import { CREDENTIAL_STATE_TYPE } from "./event-types.js";
import { REVOCATIONS_TYPE, credentialStateKey, userIdOfCredentialKey, verifyCredential } from "#shared/credentials/credential.js";
import { addMemberOnce, withStateLock } from "./state-lock.js";
import { putCredential, putRevocations } from "./space-credentials.js";

export interface ReconcileReport {
  created: number;
  stateChanges: number;
  added: number;
  removed: number;
  credentials: number;
  requeue: string[];
  /** People left out because the registry binds them to the bot's or a homeserver admin's account. */
  refused: string[];
}

const today = (d: Date) => d.toISOString().slice(0, 10);
/** Every action of the reconciler is an audit entry (actor "reconciler"). */
export const auditReconciler = (d: ReconcileDeps, action: string, subject: string, details: Record<string, unknown>) =>
  d.registry.audit(action, subject, details);

/** The reconciler refused to act on an account it must never touch (its own, or a server admin's). */
class ReservedAccountError extends Error {
  constructor(readonly userId: string) {
    super(`refused to act on reserved account ${userId}`);
    this.name = "ReservedAccountError";
  }
}

/**
 * Never lock, deactivate, log out, kick or re-join the bot's own account or a homeserver admin's on a
 * person's behalf: a registry row bound to such an ID would otherwise let a coordinator's suspension
 * lock the reconciler out of every room. Refused, logged as an error and audited; the job fails, so
 * health reports the reconciler as failing until the registry is corrected.
 */
export async function refuseReservedAccount(d: ReconcileDeps, personId: string, userId: string) {
  const reserved = userId === d.hs.botUserId || (d.hs.isLocal(userId) && (await d.hs.isServerAdmin?.(userId)) === true);
  if (!reserved) return;
  d.ctx.log.error({ personId }, "reconciler refused to act on a reserved Matrix account bound to a person");
  await auditReconciler(d, "reconciler.reserved_account_refused", personId, { userId });
  throw new ReservedAccountError(userId);
}

async function ensureRoom(d: ReconcileDeps, room: DesiredRoom, known: Map<string, string>, report: ReconcileReport): Promise<string> {
  const existing = known.get(room.key);
  if (existing) return existing;
  // Two writers may make a conversation's room at once (its own job and the full reconcile): the
  // homeserver's alias per key refuses the second, whose job fails and is retried, and then finds the
  // room. No lock here: a replica must be able to take over from a worker hung in createRoom.
  const state = managedState(room).filter((e) => e.type !== "m.room.power_levels" && e.type !== "m.room.name" && e.type !== "m.room.topic");
  const roomId = await d.hs.createRoom({
    key: room.key,
    name: room.name,
    topic: room.topic,
    isSpace: room.kind === "space",
    powerLevels: room.powerLevels,
    initialState: state,
  });
  await d.registry.saveRoom(room.key, roomId, room.kind);
  known.set(room.key, roomId);
  report.created++;
  await auditReconciler(d, "reconciler.room_created", roomId, { key: room.key });
  return roomId;
}

/**
 * The snapshot may be older than the room's members (someone vetted while this run was going):
 * before removing anyone, ask the registry again whether they belong in this room now.
 */
async function wantedNow(d: ReconcileDeps, userId: string, key: string, reserved: Set<string>): Promise<boolean> {
  if (reserved.has(userId)) return false;
  const person = await d.registry.activePersonByUserId(userId);
  if (!person) return false;
  // The registry as it is now, not the pass's snapshot: a homeserver registered since (or a program,
  // an event, a conversation) would otherwise have this pass kick its people from rooms they had just
  // joined — seen with the first full reconcile after the member states' servers were registered.
  const now = await d.registry.loadSnapshot({ secretariatServer: d.hs.serverName, botUserId: d.hs.botUserId, today: today(d.ctx.now()) }, { people: false });
  return desiredRooms({ ...now, people: [person] }).some((r) => r.key === key && r.members.has(userId));
}

async function converge(
  d: ReconcileDeps,
  room: DesiredRoom,
  roomId: string,
  snap: RoomSnapshot,
  extraState: ReturnType<typeof managedState>,
  report: ReconcileReport,
  reserved: Set<string>,
) {
  for (const ev of [...managedState(room), ...extraState]) {
    if (covers(snap.state.get(stateKey(ev.type, ev.stateKey)), ev.content)) continue;
    // Power levels are the one room key person jobs write too (an officer added): the snapshot may be
    // stale by now, so look again under the key's lock. The rest of the managed state has a single
    // writer, the full reconcile, which runs once at a time across replicas.
    // The server ACL has two writers as well (this pass and the ACL job): see writeServerAcls.
    const written =
      ev.type === "m.room.server_acl"
        ? (await writeServerAcls(d, [roomId])).length > 0
        : ev.type !== "m.room.power_levels"
          ? await d.hs.putState(roomId, ev).then(() => true)
          : await withStateLock(d.locks, roomId, ev.type, ev.stateKey, async () => {
              if (covers((await d.hs.roomSnapshot(roomId)).state.get(stateKey(ev.type, ev.stateKey)), ev.content)) return false;
              await d.hs.putState(roomId, ev);
              return true;
            });
    if (!written) continue;
    report.stateChanges++;
    await auditReconciler(d, "reconciler.state_set", roomId, { key: room.key, type: ev.type, stateKey: ev.stateKey });
  }
  for (const [userId, membership] of snap.members) {
    if ((membership === "join" || membership === "invite") && !room.members.has(userId)) {
      if (userId !== d.hs.botUserId && (await wantedNow(d, userId, room.key, reserved))) continue;
      await d.hs.kick(roomId, userId, "Not vetted for this room");
      report.removed++;
      await auditReconciler(d, "reconciler.member_removed", roomId, { key: room.key, userId, was: membership });
    }
  }
  // Several at once: an invite to a remote person is a federation round trip to their homeserver
  // (which signs it), so one at a time a member state's 200 people waited ~4 s each on a loaded machine.
  const missing = [...room.members.keys()].filter((userId) => {
    const m = snap.members.get(userId);
    return !(m === "join" || (m === "invite" && !d.hs.isLocal(userId)));
  });
  await bounded(missing, ADD_PARALLEL, async (userId) => {
    // A status change since the snapshot wins: never bring back someone just suspended.
    if (userId !== d.hs.botUserId && (await d.registry.statusOfUser(userId)) !== "active") return;
    await addMemberOnce(d, roomId, userId);
    // A suspension committed between that read and the join may have had its person job kick them
    // before they were joined: look again, and undo the join (the status change wins).
    if (userId !== d.hs.botUserId && (await d.registry.statusOfUser(userId)) !== "active") {
      await d.hs.kick(roomId, userId, "No longer vetted");
      report.removed++;
      await auditReconciler(d, "reconciler.member_removed", roomId, { key: room.key, userId, was: d.hs.isLocal(userId) ? "join" : "invite" });
      return;
    }
    report.added++;
    await auditReconciler(d, "reconciler.member_added", roomId, { key: room.key, userId });
  });
}

/** Members added to one room at once (bounded: one homeserver, and each peer, is not flooded). */
const ADD_PARALLEL = 8;

/** Runs `f` over `items`, `width` at a time, each worker taking the next item when done. */
async function bounded<T>(items: T[], width: number, f: (x: T) => Promise<void>) {
  const queue = [...items];
  const worker = async () => {
    for (let x = queue.shift(); x !== undefined; x = queue.shift()) await f(x);
  };
  await Promise.all(Array.from({ length: Math.min(width, queue.length) }, worker));
}

/** Rooms whose ACL is checked and written at once (bounded, so one homeserver is not flooded). */
const ACL_PARALLEL = 8;

/**
 * Two jobs write server ACLs, the ACL job and the full reconcile, each from a snapshot read when it
 * began. A full pass begun before a homeserver was registered would put back the ACL without it (its
 * people banned from the rooms they were just invited to, until the next sweep), and two writes at
 * once fork the room. So ACLs are written under one lock for every room's ACL, with the registry's
 * active homeservers read inside it: whoever writes last writes the newest. One lock, not one per
 * room: each advisory lock holds a database connection, and eight room locks each reading the
 * registry inside exhausted the pool (the process hung). Returns the rooms it wrote.
 */
async function writeServerAcls(d: ReconcileDeps, roomIds: string[]): Promise<string[]> {
  return withStateLock(d.locks, "*", "m.room.server_acl", "", async () => {
    const { homeservers } = await d.registry.loadSnapshot(
      { secretariatServer: d.hs.serverName, botUserId: d.hs.botUserId, today: today(d.ctx.now()) },
      { people: false },
    );
    const acl = serverAclFor(d.hs.serverName, homeservers);
    const current = (roomId: string) =>
      d.hs.stateContent
        ? d.hs.stateContent(roomId, "m.room.server_acl", "")
        : d.hs.roomSnapshot(roomId).then((snap) => snap.state.get(stateKey("m.room.server_acl", "")));
    const queue = [...roomIds];
    const written: string[] = [];
    const worker = async () => {
      for (let roomId = queue.shift(); roomId; roomId = queue.shift()) {
        if (covers(await current(roomId), acl)) continue;
        await d.hs.putState(roomId, { type: "m.room.server_acl", stateKey: "", content: acl });
        written.push(roomId);
      }
    };
    await Promise.all(Array.from({ length: ACL_PARALLEL }, worker));
    return written;
  });
}

/**
 * Federation first: the registry's homeservers are every room's server ACL, written to all rooms
 * in parallel before the slower room-by-room pass (members, credentials), so a de-registered
 * homeserver is cut off from every room within seconds of the change, not after the whole sweep.
 */
async function applyServerAcls(d: ReconcileDeps, rooms: DesiredRoom[], known: Map<string, string>, report: Pick<ReconcileReport, "stateChanges">) {
  if (!d.hs.stateContent) return; // test doubles without single-state reads: the per-room pass writes the ACL
  const keyOf = new Map(rooms.map((r) => [known.get(r.key)!, r.key]));
  for (const roomId of await writeServerAcls(d, [...keyOf.keys()])) {
    report.stateChanges++;
    await auditReconciler(d, "reconciler.state_set", roomId, { key: keyOf.get(roomId), type: "m.room.server_acl", stateKey: "" });
  }
}

/**
 * The fast path for a registry change (a homeserver registered or suspended): every existing managed
 * room's server ACL and nothing else, as its own job, so it does not wait behind a full reconcile
 * (the minute's sweep, or the one the same change queued). Returns how many ACLs it wrote.
 */
export async function reconcileServerAcls(d: ReconcileDeps): Promise<number> {
  const snapshot = await d.registry.loadSnapshot(
    { secretariatServer: d.hs.serverName, botUserId: d.hs.botUserId, today: today(d.ctx.now()) },
    { people: false },
  );
  const known = await d.registry.roomIds();
  const report = { stateChanges: 0 };
  await applyServerAcls(
    d,
    desiredRooms(snapshot).filter((r) => known.has(r.key)),
    known,
    report,
  );
  return report.stateChanges;
}

/**
 * Full reconcile: every room the registry calls for exists, carries the right state, and has
 * exactly the right members; credentials and the revocation list are published in the Space.
 * Idempotent: a second run with nothing to change only reads.
 */
export async function reconcileAll(d: ReconcileDeps): Promise<ReconcileReport> {
  const report: ReconcileReport = { created: 0, stateChanges: 0, added: 0, removed: 0, credentials: 0, requeue: [], refused: [] };
  const loaded = await d.registry.loadSnapshot({ secretariatServer: d.hs.serverName, botUserId: d.hs.botUserId, today: today(d.ctx.now()) });
  // A person bound to the bot's own ID or to a homeserver admin gets no rooms, power or credential
  // from it (see refuseReservedAccount): a Secretariat-signed "vetted" credential for an operator's
  // admin account would let the operator speak as a focal point. Their person job fails, so health says so.
  const reserved = new Set([d.hs.botUserId, ...(d.hs.serverAdmins ? await d.hs.serverAdmins() : [])]);
  const snapshot = { ...loaded, people: loaded.people.filter((p) => !reserved.has(p.matrixUserId!)) };
  report.refused = loaded.people.filter((p) => reserved.has(p.matrixUserId!)).map((p) => p.id);
  if (report.refused.length)
    d.ctx.log.error(
      { people: report.refused },
      "people in the registry are bound to the registry bot's or a homeserver admin's Matrix ID; ignored by the reconciler",
    );
  const rooms = desiredRooms(snapshot);
  const known = await d.registry.roomIds();
  const space = rooms.find((r) => r.kind === "space")!;
  const spaceId = await ensureRoom(d, space, known, report);
  for (const room of rooms) await ensureRoom(d, room, known, report);
  await applyServerAcls(d, rooms, known, report);

  for (const room of rooms) {
    const roomId = known.get(room.key)!;
    const snap = await d.hs.roomSnapshot(roomId);
    const links =
      room.kind === "space"
        ? rooms
            .filter((r) => r.kind !== "space" && r.kind !== "direct")
            .map((r) => ({ type: "m.space.child", stateKey: known.get(r.key)!, content: { via: [d.hs.serverName], suggested: !r.archived } }))
        : room.kind === "direct"
          ? [] // outside the Space: a conversation is the business of its two people only
          : [{ type: "m.space.parent", stateKey: spaceId, content: { via: [d.hs.serverName], canonical: true } }];
    await converge(d, room, roomId, snap, links, report, reserved);
    if (room.kind === "space")
      report.credentials += await publishCredentials(
        d,
        spaceId,
        snap,
        snapshot.people.map((p) => p.matrixUserId!),
        reserved,
      );
  }
  report.requeue = await d.registry.peopleChangedSince(snapshot.watermark);
  return report;
}

/**
 * The fast path for a direct conversation just started: its room made (the full reconcile would, at
 * the next sweep) and converged like any managed room, with the two people in it. Nothing else is
 * touched. Returns the room id, or null when the registry has no such conversation.
 */
export async function reconcileConversation(d: ReconcileDeps, conversationId: string): Promise<string | null> {
  const report: ReconcileReport = { created: 0, stateChanges: 0, added: 0, removed: 0, credentials: 0, requeue: [], refused: [] };
  const snapshot = await d.registry.loadSnapshot({ secretariatServer: d.hs.serverName, botUserId: d.hs.botUserId, today: today(d.ctx.now()) });
  const reserved = new Set([d.hs.botUserId, ...(d.hs.serverAdmins ? await d.hs.serverAdmins() : [])]);
  const conversation = snapshot.conversations.find((c) => c.id === conversationId);
  if (!conversation) return null;
  const pair = new Set(conversation.people);
  const base = { ...snapshot, people: snapshot.people.filter((p) => pair.has(p.id) && !reserved.has(p.matrixUserId!)) };
  const room = desiredRooms(base).find((r) => r.key === `dm:${conversationId}`)!;
  const known = await d.registry.roomIds();
  const roomId = await ensureRoom(d, room, known, report);
  await converge(d, room, roomId, await d.hs.roomSnapshot(roomId), [], report, reserved);
  return roomId;
}

/** Credentials live as state in the Space (one per member, keyed by user id), re-signed when they change or near expiry. */
async function publishCredentials(d: ReconcileDeps, spaceId: string, snap: RoomSnapshot, activeUsers: string[], reserved: Set<string>): Promise<number> {
  let changed = 0;
  const soon = d.ctx.now().getTime() + 7 * 86400_000;
  for (const userId of activeUsers) {
    const current = snap.state.get(stateKey(CREDENTIAL_STATE_TYPE, credentialStateKey(userId))) as
      | { credential?: { serial?: number; expiresAt?: string } }
      | undefined;
    const fresh = await d.registry.currentCredential(userId);
    if (!fresh) {
      // Suspended since the snapshot: withdrawn here and by their person job (whichever comes first).
      if (current && Object.keys(current).length > 0) {
        await putCredential(d, spaceId, userId, true);
        changed++;
      }
      continue;
    }
    // Up to date, not expiring soon, and really ours: a forged one (a homeserver admin's) is replaced.
    const genuine = current ? (await verifyCredential(current, { pinnedKeys: [d.ctx.keys.secretariat.publicKey], userId })).status === "valid" : false;
    if (
      genuine &&
      current?.credential?.serial === fresh.credential.serial &&
      current.credential.expiresAt &&
      new Date(current.credential.expiresAt).getTime() > soon
    )
      continue;
    await putCredential(d, spaceId, userId, false);
    changed++;
  }
  // Credentials of people no longer active are withdrawn (unless reinstated since the snapshot), and any
  // for a reserved account; the signed revocation list says why.
  for (const [key, content] of snap.state) {
    const [type, skey] = key.split("\u0000");
    const userId = userIdOfCredentialKey(skey);
    if (
      type === CREDENTIAL_STATE_TYPE &&
      userId &&
      Object.keys(content).length > 0 &&
      !activeUsers.includes(userId) &&
      (reserved.has(userId) || (await d.registry.statusOfUser(userId)) !== "active")
    ) {
      await putCredential(d, spaceId, userId, true);
      changed++;
    }
  }
  if (await putRevocations(d, spaceId, { inSpace: snap.state.get(stateKey(REVOCATIONS_TYPE)) ?? null })) changed++;
  return changed;
}
