import type { EnlaceSession } from "./session.js";
import type { AckSchedule, ControlPlaneClient } from "./control-plane.js";
import { advisoryDigest, withSignature } from "../content/advisory-signature.js";
import type { UnsignedAdvisory } from "../content/advisory.js";
import { sendContent } from "./send.js";
import type { Received } from "./receive.js";

/** What publishing needs from the control plane (the web app provides it over its cookie session). */
export type AdvisoryCountersigner = Pick<ControlPlaneClient, "reserveAdvisoryNumber" | "countersignAdvisory">;

export type AdvisoryDraft = Omit<UnsignedAdvisory, "number" | "issuedAt" | "version"> & { issuedAt?: string };

/**
 * What the control plane is told beside the digest: the acknowledgement deadline (metadata, not
 * content), so it can remind the states that have not acknowledged; nothing for an advisory that
 * asks for none.
 */
export function ackScheduleOf(a: Pick<UnsignedAdvisory, "requiresAck" | "ackDeadline">): AckSchedule {
  return a.requiresAck && a.ackDeadline ? { ackDeadline: a.ackDeadline } : {};
}

/**
 * Publishes a Secretariat advisory: reserves the program's next number, has the control plane
 * countersign the digest (it never sees the text) and sends it encrypted to the room.
 */
export async function publishAdvisory(s: EnlaceSession, cp: AdvisoryCountersigner, roomId: string, draft: AdvisoryDraft) {
  const { number } = await cp.reserveAdvisoryNumber(draft.programCode);
  const unsigned: UnsignedAdvisory = { version: 1, ...draft, number, issuedAt: draft.issuedAt ?? new Date().toISOString() } as UnsignedAdvisory;
  const signature = await cp.countersignAdvisory(draft.programCode, number, await advisoryDigest(unsigned), ackScheduleOf(unsigned));
  const content = withSignature(unsigned, signature);
  const eventId = await sendContent(s, roomId, "advisory", content);
  return { eventId, number, content };
}

export interface AckTally {
  /** Acknowledgements that count, each for the member state of its sender's credential. */
  /** `name` is the registry name in the sender's signed credential (null when it predates names), never a display name. */
  counted: Array<{ state: string; at: Date; sender: string; name: string | null; eventId: string }>;
  /** Acknowledgements of this advisory that do not count, and why (unsigned, forged, unvetted…). */
  notCounted: Array<{ sender: string; eventId: string; reason: string }>;
}

/**
 * Sorts the acknowledgements of one advisory (events read by readEvent, same room) into those that
 * count and those that do not. One rule for every coverage view: an ack counts only when its
 * verdict is "verified" — a credential of a member state, valid and unrevoked, whose master key is
 * the one the reader's Rust crypto holds, and a device signature by a device that owner cross-signed
 * (trust.ts, ack-signature.ts). Pure.
 */
export function tallyAcks(items: readonly Received[], advisoryEventId: string): AckTally {
  const tally: AckTally = { counted: [], notCounted: [] };
  for (const i of items) {
    if (i.content.status !== "valid" || i.content.kind !== "ack" || i.content.content["m.relates_to"].event_id !== advisoryEventId) continue;
    if (i.trust.level === "verified" && i.trust.memberState)
      tally.counted.push({ state: i.trust.memberState, at: new Date(i.ts), sender: i.sender, name: i.trust.name ?? null, eventId: i.eventId });
    else
      tally.notCounted.push({
        sender: i.sender,
        eventId: i.eventId,
        reason: i.trust.level === "verified" ? "the sender represents no member state" : i.trust.reason,
      });
  }
  return tally;
}
