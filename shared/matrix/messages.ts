import type { MatrixEvent } from "matrix-js-sdk";
import type { EnlaceSession } from "./session.js";
import { roomCeiling } from "./rooms.js";
import { NotAnEnlaceRoomError } from "./send.js";

/** Longest plain message accepted, in characters (readers cut what is longer: client/src/matrix/timeline.ts). */
export const MAX_MESSAGE = 2000;

/**
 * A plain text message (`m.text`, Markdown in its body), or a reply in an alert's or incident's
 * thread (`m.relates_to` rel_type `m.thread`, with the reply fallback other clients expect).
 * Enlace rooms only: every one is encrypted, so the SDK sends it Megolm-encrypted like the rest;
 * the relation stays outside the ciphertext, as Matrix requires for threads.
 */
export async function sendText(s: EnlaceSession, roomId: string, body: string, thread?: { root: string; latest?: string }): Promise<string> {
  const room = s.client.getRoom(roomId);
  if (!room || !roomCeiling(room) || !room.hasEncryptionStateEvent()) throw new NotAnEnlaceRoomError(roomId);
  const text = body.trim().slice(0, MAX_MESSAGE);
  if (!text) throw new RangeError("empty message");
  const content: Record<string, unknown> = { msgtype: "m.text", body: text };
  if (thread) {
    content["m.relates_to"] = {
      rel_type: "m.thread",
      event_id: thread.root,
      is_falling_back: true,
      "m.in_reply_to": { event_id: thread.latest ?? thread.root },
    };
  }
  // biome-ignore lint/suspicious/noExplicitAny: the SDK types m.room.message content by msgtype; this is a plain m.text with a thread relation
  const r = await s.client.sendEvent(roomId, "m.room.message" as any, content as any);
  return r.event_id;
}

/** The thread an event replies in, if any (the relation is readable even while the body is encrypted). */
export function threadRootOf(e: MatrixEvent): string | undefined {
  const rel = e.getWireContent()["m.relates_to"] as { rel_type?: unknown; event_id?: unknown } | undefined;
  return rel?.rel_type === "m.thread" && typeof rel.event_id === "string" ? rel.event_id : undefined;
}

/** How many replies the homeserver counted under a thread root (bundled with the root event). */
export function serverReplyCount(e: MatrixEvent): number {
  const n = e.getServerAggregatedRelation<{ count?: unknown }>("m.thread")?.count;
  return typeof n === "number" && n >= 0 ? n : 0;
}
