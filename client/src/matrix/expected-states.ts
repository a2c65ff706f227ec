import type { MatrixEvent } from "matrix-js-sdk";
import type { EnlaceSession } from "../../../shared/matrix/session.js";
import { findRoomByKey } from "../../../shared/matrix/rooms.js";
import { CREDENTIAL_TYPE, REVOCATIONS_TYPE, userIdOfCredentialKey, verifyCredential, type CredentialVerdict } from "../../../shared/credentials/credential.js";

const verdicts = new WeakMap<MatrixEvent, { revocationsId: string; verdict: Promise<CredentialVerdict> }>();

/**
 * The member states expected to acknowledge an advisory in this room: those with a focal point or
 * alternate of one of its programs among the room's members, by their Secretariat-signed
 * credentials (not by what a homeserver says about them).
 */
export async function expectedStates(s: EnlaceSession, roomId: string, programs: readonly string[]): Promise<string[]> {
  const room = s.client.getRoom(roomId);
  const space = findRoomByKey(s.client, "space");
  if (!room || !space) return [];
  const members = new Set(room.getMembers().filter((m) => m.membership === "join" || m.membership === "invite").map((m) => m.userId));
  const revocationsEvent = space.currentState.getStateEvents(REVOCATIONS_TYPE, "");
  const revocations = (revocationsEvent?.getContent() ?? null) as Parameters<typeof verifyCredential>[1]["revocations"];
  const revocationsId = revocationsEvent?.getId() ?? "";
  const states = new Set<string>();
  for (const e of space.currentState.getStateEvents(CREDENTIAL_TYPE)) {
    const userId = userIdOfCredentialKey(e.getStateKey() ?? "");
    if (!userId || !members.has(userId)) continue;
    let cached = verdicts.get(e);
    if (!cached || cached.revocationsId !== revocationsId) {
      cached = { revocationsId, verdict: verifyCredential(e.getContent(), { pinnedKeys: s.secretariatKeys, userId, revocations }) };
      verdicts.set(e, cached);
    }
    const v = await cached.verdict;
    if (v.status !== "valid" || !v.credential.memberState) continue;
    if (v.credential.roles.some((r) => (r.role === "focal_point" || r.role === "alternate") && r.program !== null && programs.includes(r.program))) states.add(v.credential.memberState);
  }
  return [...states].sort();
}
