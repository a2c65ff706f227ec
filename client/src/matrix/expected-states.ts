import type { MatrixEvent } from "matrix-js-sdk";
import type { EnlaceSession } from "#shared/matrix/session.js";
import { findRoomByKey } from "#shared/matrix/rooms.js";
import { currentRevocations } from "#shared/credentials/revocation-status.js";
import { CREDENTIAL_TYPE, REVOCATIONS_TYPE, userIdOfCredentialKey, verifyCredential, type CredentialVerdict } from "#shared/credentials/credential.js";

const verdicts = new WeakMap<MatrixEvent, { revocationsId: string; verdict: Promise<CredentialVerdict> }>();

/**
 * The member states expected to acknowledge an advisory in this room, each with its people among the
 * room's members: focal points and alternates of one of its programs, by their Secretariat-signed
 * credentials (not by what a homeserver says about them).
 */
export async function expectedPeople(s: EnlaceSession, roomId: string, programs: readonly string[]): Promise<Map<string, string[]>> {
  const room = s.client.getRoom(roomId);
  const space = findRoomByKey(s.client, "space");
  const states = new Map<string, string[]>();
  if (!room || !space) return states;
  const members = new Set(
    room
      .getMembers()
      .filter((m) => m.membership === "join" || m.membership === "invite")
      .map((m) => m.userId),
  );
  // The same high-water mark as the sender verdicts: an older list put back does not bring a revoked person back.
  const now = s.now?.() ?? new Date();
  const revocation = await currentRevocations(space.currentState.getStateEvents(REVOCATIONS_TYPE, "")?.getContent() ?? null, {
    pinnedKeys: s.secretariatKeys,
    store: s.revocations,
    now,
  });
  const revocationsId = revocation.list ? `${revocation.list.serial}/${revocation.list.issuedAt}/${revocation.known}` : "none";
  for (const e of space.currentState.getStateEvents(CREDENTIAL_TYPE)) {
    const userId = userIdOfCredentialKey(e.getStateKey() ?? "");
    if (!userId || !members.has(userId)) continue;
    let cached = verdicts.get(e);
    if (!cached || cached.revocationsId !== revocationsId) {
      cached = { revocationsId, verdict: verifyCredential(e.getContent(), { pinnedKeys: s.secretariatKeys, userId, now, revocation }) };
      verdicts.set(e, cached);
    }
    const v = await cached.verdict;
    // Revocation status unknown still counts as expected: a state is shown as missing rather than silently dropped.
    if ((v.status !== "valid" && v.status !== "revocation-unknown") || !v.credential.memberState) continue;
    if (v.credential.roles.some((r) => (r.role === "focal_point" || r.role === "alternate") && r.program !== null && programs.includes(r.program)))
      states.set(v.credential.memberState, [...(states.get(v.credential.memberState) ?? []), userId]);
  }
  return states;
}
