import { readFile } from "node:fs/promises";
import { ControlPlaneClient } from "#shared/matrix/control-plane.js";
import { signInThroughControlPlane } from "#shared/matrix/session.js";
import { firstRun } from "#shared/matrix/first-run.js";
import { waitForRoom } from "#shared/matrix/rooms.js";
import type { RoleGrant } from "#server/domain/auth/principal.js";
import { actor } from "../control-plane.js";
import type { Member } from "../e2ee.js";
import type { GovernedFederation } from "./governed.js";

/**
 * A person on a member state's homeserver, the product's way: an account there, vetted in the
 * registry by that Matrix ID, signed in through the control plane's grant for that homeserver; the
 * client accepts the registry bot's invites by itself, then sets up a cross-signed device.
 */
export async function remoteMember(
  g: GovernedFederation,
  r: "chile" | "jamaica",
  localpart: string,
  roles: RoleGrant[],
  state: string,
  rooms: string[],
  timeoutMs: number,
): Promise<Member> {
  const account = await g.net[r].user(localpart);
  const a = await actor(g.plane, roles, state, { matrixUserId: account.userId });
  const cp = new ControlPlaneClient(g.plane.url, a.token);
  const session = await signInThroughControlPlane(cp, { deviceName: "test" });
  try {
    for (const key of rooms) await waitForRoom(session.client, key, timeoutMs);
  } catch (err) {
    // Which part stalled: the invite, the client's answer, or its sync with its own homeserver.
    const log = (await readFile(g.net[r].logPath, "utf8").catch(() => "")).split("\n").slice(-30).join("\n");
    const seen = session.client.getRooms().map((x) => `${x.roomId} ${x.getMyMembership()}`);
    throw new Error(`${(err as Error).message}; client sees [${seen.join(", ")}], sync ${session.client.getSyncState()}; ${r} log:\n${log}`);
  }
  const { recoveryKey, masterKey } = await firstRun(session, cp);
  return { session, cp, personId: a.id, recoveryKey, masterKey };
}
