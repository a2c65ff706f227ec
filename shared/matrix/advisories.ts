import type { EnlaceSession } from "./session.js";
import type { ControlPlaneClient } from "./control-plane.js";
import { advisoryDigest, withSignature } from "../content/advisory-signature.js";
import type { UnsignedAdvisory } from "../content/advisory.js";
import { sendContent } from "./send.js";

/** What publishing needs from the control plane (the web app provides it over its cookie session). */
export type AdvisoryCountersigner = Pick<ControlPlaneClient, "reserveAdvisoryNumber" | "countersignAdvisory">;

export type AdvisoryDraft = Omit<UnsignedAdvisory, "number" | "issuedAt" | "version"> & { issuedAt?: string };

/**
 * Publishes a Secretariat advisory: reserves the program's next number, has the control plane
 * countersign the digest (it never sees the text) and sends it encrypted to the room.
 */
export async function publishAdvisory(s: EnlaceSession, cp: AdvisoryCountersigner, roomId: string, draft: AdvisoryDraft) {
  const { number } = await cp.reserveAdvisoryNumber(draft.programCode);
  const unsigned: UnsignedAdvisory = { version: 1, ...draft, number, issuedAt: draft.issuedAt ?? new Date().toISOString() } as UnsignedAdvisory;
  const signature = await cp.countersignAdvisory(draft.programCode, number, await advisoryDigest(unsigned));
  const content = withSignature(unsigned, signature);
  const eventId = await sendContent(s, roomId, "advisory", content);
  return { eventId, number, content };
}
