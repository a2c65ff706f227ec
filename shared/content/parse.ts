import type { z } from "zod";
import { CREDENTIAL_STATE_EVENT_TYPE, EVENT_TYPES, MESSAGE_EVENT_TYPE, isEnlaceName, messageKindForKey, type ContentKind } from "./types.js";
import { SCHEMAS, type KindAndContent } from "./schemas.js";

/**
 * Result of reading an incoming (decrypted) event:
 * - valid: an Enlace payload that passed its schema;
 * - invalid: Enlace content that must be shown as invalid (never rendered from, never crash);
 * - ignored: not Enlace content at all (plain chat, reactions, credential state handled by the
 *   credential module, undecrypted events). A view renders these the usual Matrix way.
 * `ignored` is an addition to the brief's valid/invalid pair: a plain text message in the
 * network room is not an invalid alert.
 */
export type ParseResult =
  | ({ status: "valid" } & KindAndContent)
  | { status: "invalid"; kind?: ContentKind; reason: string }
  | { status: "ignored"; reason: string };

const MAX_REASON = 300;

/** Never throws, whatever it is given (null, arrays, Proxies, huge strings, `__proto__` keys). */
export function parseIncoming(eventType: unknown, rawContent: unknown): ParseResult {
  try {
    return parse(eventType, rawContent);
  } catch {
    // Only reachable for hostile non-JSON input (throwing getters, revoked Proxies).
    return { status: "invalid", reason: "content could not be read" };
  }
}

function parse(eventType: unknown, raw: unknown): ParseResult {
  if (typeof eventType !== "string") return { status: "invalid", reason: "event type is not a string" };
  if (eventType === MESSAGE_EVENT_TYPE) return parseMessage(raw);
  if (eventType === EVENT_TYPES.ack) return validate("ack", raw);
  if (eventType === EVENT_TYPES["room.tlp"]) return validate("room.tlp", raw);
  if (eventType === CREDENTIAL_STATE_EVENT_TYPE) return { status: "ignored", reason: "credentials are verified by the credential module" };
  if (isEnlaceName(eventType)) {
    const kind = messageKindForKey(eventType);
    return kind
      ? { status: "invalid", kind, reason: `${eventType} must be sent inside m.room.message` }
      : { status: "invalid", reason: `unsupported Enlace event type ${clip(eventType, 100)} (sent by a newer client?)` };
  }
  return { status: "ignored", reason: "not an Enlace event type" };
}

function parseMessage(raw: unknown): ParseResult {
  if (!isPlainObject(raw)) return { status: "ignored", reason: "message content is not an object" };
  const enlaceKeys = Object.keys(raw).filter(isEnlaceName);
  if (enlaceKeys.length === 0) return { status: "ignored", reason: "no Enlace payload" };
  const kinds = enlaceKeys.map(messageKindForKey).filter((k) => k !== undefined);
  if (kinds.length > 1) return { status: "invalid", reason: "the message carries more than one Enlace payload" };
  if (kinds.length === 0) {
    if (enlaceKeys.includes(EVENT_TYPES.ack)) return { status: "invalid", kind: "ack", reason: "an acknowledgement must be its own org.oas.enlace.ack event" };
    return { status: "invalid", reason: `unsupported Enlace content ${clip(enlaceKeys[0]!, 100)} (sent by a newer client?)` };
  }
  const kind = kinds[0]!;
  const relation = raw["m.relates_to"];
  if (isPlainObject(relation) && relation.rel_type === "m.replace") {
    return { status: "invalid", kind, reason: "edits of Enlace content are not supported; the original stands" };
  }
  const result = validate(kind, raw[EVENT_TYPES[kind]]);
  if (result.status !== "valid") return result;
  const mismatch = relationMismatch(result, relation);
  return mismatch ? { status: "invalid", kind, reason: mismatch } : result;
}

function validate(kind: ContentKind, payload: unknown): ParseResult {
  if (isPlainObject(payload) && typeof payload.version === "number" && payload.version > 1) {
    return { status: "invalid", kind, reason: `version ${clip(String(payload.version), 20)} is newer than this client understands` };
  }
  const parsed = (SCHEMAS[kind] as z.ZodType).safeParse(payload);
  if (!parsed.success) return { status: "invalid", kind, reason: describe(parsed.error.issues) };
  return { status: "valid", kind, content: parsed.data } as ParseResult;
}

/** The relation standard clients use must point where the payload says (event.ts builds both). */
function relationMismatch(result: ParseResult & { status: "valid" }, relation: unknown): string | undefined {
  if (!isPlainObject(relation)) return undefined;
  if (result.kind === "incident.update" && relation.rel_type === "m.thread" && relation.event_id !== result.content.incidentEventId) {
    return "the thread relation does not match incidentEventId";
  }
  if (result.kind === "expertise.offer" || result.kind === "expertise.status") {
    const reply = relation["m.in_reply_to"];
    if (relation.rel_type === undefined && isPlainObject(reply) && reply.event_id !== result.content.requestEventId) {
      return "the reply relation does not match requestEventId";
    }
  }
  return undefined;
}

function describe(issues: ReadonlyArray<z.core.$ZodIssue>): string {
  const first = issues[0];
  if (!first) return "invalid content";
  const path = first.path.map((p) => clip(String(p), 60)).join(".") || "(content)";
  const more = issues.length > 1 ? ` (+${issues.length - 1} more)` : "";
  return clip(`${path}: ${first.message}${more}`, MAX_REASON);
}

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
