import { desiredRooms } from "./desired.js";
import { stateKey } from "./port.js";
import type { ReconcileDeps } from "./deps.js";
import { auditReconciler as audit, refuseReservedAccount } from "./reconcile.js";
import { addMemberOnce, withStateLock } from "./state-lock.js";
import { putCredential, putRevocations } from "./space-credentials.js";
import { REVOCATIONS_TYPE } from "#shared/credentials/credential.js";

// Read, change and write under the key's lock: another writer's change in between would be lost.
const ensurePowerLevel = (d: ReconcileDeps, roomId: string, userId: string, level: number) =>
  withStateLock(d.locks, roomId, "m.room.power_levels", "", async () => {
    const snap = await d.hs.roomSnapshot(roomId);
    const pl = (snap.state.get(stateKey("m.room.power_levels", "")) ?? {}) as { users?: Record<string, number> };
    if (pl.users?.[userId] === level) return;
    await d.hs.putState(roomId, { type: "m.room.power_levels", stateKey: "", content: { ...pl, users: { ...(pl.users ?? {}), [userId]: level } } });
  });

export interface PersonReport {
  status: string;
  added: string[];
  removed: string[];
  locked: boolean;
  deactivated: boolean;
  missingRooms: boolean;
}

/**
 * The fast path for one person after a registry change. Suspension or revocation: the account is
 * locked (or deactivated) and logged out first, so tokens stop working at once, then the person
 * is removed from every managed room in parallel. Activation or reinstatement: unlocked and
 * brought into exactly the rooms of their roles. Always ends by updating their credential.
 */
export async function reconcilePerson(d: ReconcileDeps, personId: string): Promise<PersonReport> {
  const person = await d.registry.personForMatrix(personId);
  const report: PersonReport = { status: person?.status ?? "unknown", added: [], removed: [], locked: false, deactivated: false, missingRooms: false };
  if (!person?.matrixUserId) return report;
  const userId = person.matrixUserId;
  if (person.status === "active" || person.status === "suspended" || person.status === "revoked") await refuseReservedAccount(d, person.id, userId);
  const known = await d.registry.roomIds();
  const snapshot = await d.registry.loadSnapshot(
    { secretariatServer: d.hs.serverName, botUserId: d.hs.botUserId, today: d.ctx.now().toISOString().slice(0, 10) },
    { people: false },
  );
  // The rooms this person belongs in when active (the registry's answer for them alone).
  const asActive = desiredRooms({ ...snapshot, people: [{ id: person.id, matrixUserId: userId, memberState: person.memberState, roles: person.roles }] });
  const theirRooms = asActive.filter((r) => r.members.has(userId));
  const spaceId = known.get("space");

  if (person.status === "active") {
    if (d.hs.isLocal(userId)) await d.hs.unlock(userId);
    const joined = new Set(d.hs.isLocal(userId) ? await d.hs.joinedRooms(userId) : []);
    for (const room of theirRooms) {
      const roomId = known.get(room.key);
      if (!roomId) {
        report.missingRooms = true;
        continue;
      }
      if (!joined.has(roomId)) {
        await addMemberOnce(d, roomId, userId);
        report.added.push(roomId);
      }
      // Officers moderate and post advisories: their power level comes with them.
      const level = room.members.get(userId) ?? 0;
      if (level > 0) await ensurePowerLevel(d, roomId, userId, level);
    }
    // Rooms they are in but no longer belong to (a role removed).
    const wanted = new Set(theirRooms.map((r) => known.get(r.key)));
    const managed = new Set(known.values());
    for (const roomId of joined) {
      if (managed.has(roomId) && !wanted.has(roomId)) {
        await d.hs.kick(roomId, userId, "No longer vetted for this room");
        report.removed.push(roomId);
      }
    }
    if (spaceId) {
      await putCredential(d, spaceId, userId, false);
      // A reinstatement takes the person off the list at once (an unchanged list is not written again).
      await putRevocations(d, spaceId, { inSpace: d.hs.stateContent ? await d.hs.stateContent(spaceId, REVOCATIONS_TYPE, "") : undefined });
    }
  } else if (person.status === "suspended" || person.status === "revoked") {
    const revoked = person.status === "revoked";
    const managed = new Set(known.values());
    const candidates = new Set([...theirRooms.map((r) => known.get(r.key)).filter((x): x is string => !!x)]);
    if (d.hs.isLocal(userId)) for (const r of await d.hs.joinedRooms(userId)) if (managed.has(r)) candidates.add(r);
    // Everything at once: the account stops working and every room drops the person in parallel.
    const account = !d.hs.isLocal(userId) ? Promise.resolve() : revoked ? d.hs.deactivate(userId) : d.hs.lockAndLogout(userId);
    await Promise.all([
      account.then(() => {
        if (d.hs.isLocal(userId)) {
          report.deactivated = revoked;
          report.locked = !revoked;
        }
      }),
      ...[...candidates].map(async (roomId) => {
        const reason = revoked ? "Vetting revoked" : "Vetting suspended";
        // A remote account cannot be locked from here: banned, so its own server cannot rejoin it.
        if (!d.hs.isLocal(userId) && d.hs.ban) await d.hs.ban(roomId, userId, reason);
        else await d.hs.kick(roomId, userId, reason);
        report.removed.push(roomId);
      }),
    ]);
    if (spaceId) {
      await putCredential(d, spaceId, userId, true);
      await putRevocations(d, spaceId);
    }
  }
  if (report.added.length || report.removed.length || report.locked || report.deactivated) {
    await audit(d, "reconciler.person_applied", personId, {
      userId,
      status: person.status,
      added: report.added.length,
      removed: report.removed.length,
      locked: report.locked,
      deactivated: report.deactivated,
    });
  }
  return report;
}
