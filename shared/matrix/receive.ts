import { MatrixEventEvent, RoomEvent, type MatrixEvent, type Room } from "matrix-js-sdk";
import type { EnlaceSession } from "./session.js";
import { parseIncoming, type ParseResult } from "../content/parse.js";
import { trustOf, UNENCRYPTED_REASON, type TrustVerdict } from "./trust.js";
import { verifyAdvisory } from "../content/advisory-signature.js";
import type { ExpertiseRequestContent } from "../content/expertise-request.js";
import { registryMismatch } from "./registry.js";
import { decryptionState, type DecryptionFailure } from "./decryption-state.js";

export interface Received {
  eventId: string;
  roomId: string;
  sender: string;
  ts: number;
  encrypted: boolean;
  content: ParseResult;
  trust: TrustVerdict;
  /** Set when the event could not be decrypted: why, in Enlace's terms (the content is then "invalid" with the SDK's code). */
  decryption?: DecryptionFailure;
}

/** Resolves once the event is decrypted, or reports why it could not be (retried keys included). */
async function decrypted(event: MatrixEvent, timeoutMs = 15_000): Promise<{ ok: true } | { ok: false; reason: string; code: string | null }> {
  if (!event.isEncrypted()) return { ok: true };
  const settled = () => !event.isBeingDecrypted() && !event.isDecryptionFailure() && event.getClearContent() !== null;
  if (settled()) return { ok: true };
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      event.off(MatrixEventEvent.Decrypted, onDecrypted);
      const code = event.decryptionFailureReason;
      resolve({ ok: false, reason: `could not decrypt: ${code ?? "no key"}`, code });
    }, timeoutMs);
    // Fires on failure too; a failed event is retried when its key arrives, so keep waiting.
    const onDecrypted = () => {
      if (settled()) {
        clearTimeout(timer);
        event.off(MatrixEventEvent.Decrypted, onDecrypted);
        resolve({ ok: true });
      }
    };
    event.on(MatrixEventEvent.Decrypted, onDecrypted);
  });
}

/** Decrypts, validates and judges one event. Never throws: bad input becomes an "invalid" item. */
export async function readEvent(s: EnlaceSession, event: MatrixEvent, decryptTimeoutMs?: number): Promise<Received> {
  const base = {
    eventId: event.getId() ?? "",
    roomId: event.getRoomId() ?? "",
    sender: event.getSender() ?? "",
    ts: event.getTs(),
    encrypted: event.isEncrypted(),
  };
  try {
    const d = await decrypted(event, decryptTimeoutMs);
    if (!d.ok) {
      // Not the sender's fault (unless the state says so): the verdict is about the key, the card shows the state instead.
      const decryption = decryptionState(d.code);
      return { ...base, content: { status: "invalid", reason: d.reason }, trust: { level: "unverified", reason: d.reason }, decryption };
    }
    let content = parseIncoming(event.getType(), event.getContent());
    const trust = await trustOf(s, event);
    // Content that arrived in the clear is never valid, whatever it says (a forged alert must not
    // count as an alert anywhere); acknowledgements are judged by their device signature instead.
    if (trust.level === "unencrypted" && content.status !== "ignored")
      content = { status: "invalid", ...(content.kind ? { kind: content.kind } : {}), reason: UNENCRYPTED_REASON };
    if (content.status === "valid" && content.kind === "advisory") content = await checkAdvisory(s, content, trust);
    if (content.status === "valid" && content.kind === "expertise.request") content = await checkExpertiseRequest(s, content);
    return { ...base, content, trust };
  } catch (err) {
    return {
      ...base,
      content: { status: "invalid", reason: `unreadable event: ${(err as Error).message}` },
      trust: { level: "invalid", reason: "unreadable event" },
    };
  }
}

/** Waits for the first event in a room that matches, reading it as Enlace content. */
export function nextEvent(s: EnlaceSession, roomId: string, match: (e: MatrixEvent) => boolean, timeoutMs = 20_000): Promise<Received> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      s.client.off(RoomEvent.Timeline, onEvent);
      reject(new Error(`no matching event in ${roomId} within ${timeoutMs} ms`));
    }, timeoutMs);
    const onEvent = (event: MatrixEvent, room: Room | undefined) => {
      if (room?.roomId !== roomId || !match(event)) return;
      clearTimeout(timer);
      s.client.off(RoomEvent.Timeline, onEvent);
      void readEvent(s, event).then(resolve);
    };
    s.client.on(RoomEvent.Timeline, onEvent);
  });
}

/** An advisory must carry a valid Secretariat countersignature and come from an officer of its program. */
async function checkAdvisory(s: EnlaceSession, content: Extract<ParseResult, { status: "valid" }>, trust: TrustVerdict): Promise<ParseResult> {
  if (!(await verifyAdvisory(s.secretariatKeys, content.content)))
    return { status: "invalid", kind: "advisory", reason: "the Secretariat signature on this advisory is not valid" };
  const program = (content.content as { programCode: string }).programCode;
  if (trust.level === "verified" && !trust.roles.some((r) => r.role === "secretariat_officer" && r.program === program)) {
    return { status: "invalid", kind: "advisory", reason: "advisory not sent by a Secretariat officer of its program" };
  }
  return content;
}

/** An expertise request must name a major event of the registry, with the registry's facts. */
async function checkExpertiseRequest(s: EnlaceSession, content: Extract<ParseResult, { status: "valid" }>): Promise<ParseResult> {
  if (!s.registry) return content;
  const reason = await registryMismatch(s.registry, content.content as ExpertiseRequestContent);
  return reason ? { status: "invalid", kind: "expertise.request", reason } : content;
}
