// An alert across homeservers beside the same within one: send → decrypted at a Secretariat officer.
import type { EnlaceSession } from "#shared/matrix/session.js";
import { findRoomByKey } from "#shared/matrix/rooms.js";
import { sendContent } from "#shared/matrix/send.js";
import { EXAMPLES } from "#shared/content/examples.js";
import { role } from "../tests/helpers/control-plane.js";
import { credentialsPublished, member, type Member } from "../tests/helpers/e2ee.js";
import type { GovernedFederation } from "../tests/helpers/federation/governed.js";
import { remoteMember } from "../tests/helpers/federation/remote-member.js";
import { whenReadable } from "./lib/matrix.js";
import { summarize } from "./lib/stats.js";

const SLOW = 300_000;

/**
 * Two focal points of Chile send alerts into the program's network room, one with her account on
 * Chile's homeserver, one on the Secretariat's; a Secretariat officer (on the Secretariat's) reads
 * them. The two are measured alternately, `rounds` each after a warm-up, so load hits both alike.
 */
export async function federatedAlert(g: GovernedFederation, program: string, rounds: number) {
  const rooms = ["space", `network:${program}`];
  const [officer, remote, local] = await Promise.all([
    member(g.plane, [role.officer(program)], null, rooms),
    remoteMember(g, "chile", "alerter", [role.focal("CL", program)], "CL", rooms, SLOW),
    member(g.plane, [role.focal("CL", program)], "CL", rooms),
  ]);
  const everyone: Member[] = [officer, remote, local];
  try {
    for (const m of everyone) await credentialsPublished(m.session, everyone, SLOW);
    const roomId = findRoomByKey(officer.session.client, `network:${program}`)!.roomId;
    const once = async (from: EnlaceSession) => {
      const seen = whenReadable(officer.session, roomId, (e) => e.getSender() === from.userId);
      const t0 = performance.now();
      await sendContent(from, roomId, "alert", EXAMPLES.alert);
      return (await seen) - t0;
    };
    // New Olm and Megolm sessions on the first message of each sender: not what is measured.
    for (const m of [remote, local]) await once(m.session);
    const federated: number[] = [],
      within: number[] = [];
    for (let k = 0; k < rounds; k++) {
      federated.push(await once(remote.session));
      within.push(await once(local.session));
    }
    return { federated: summarize(federated), local: summarize(within) };
  } finally {
    for (const m of everyone) m.session.stop();
  }
}
