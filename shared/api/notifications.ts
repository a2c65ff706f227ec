import { z } from "zod";
import { DOCUMENTED_AS, ProgramCode, StateCode } from "./common.js";

/**
 * Notifications (issue 10): Web Push subscriptions per device, preferences per person, "urgent
 * content" reports from a sender's client, and the Secretariat's view of an advisory's reminders.
 * Nothing here carries content: rooms and events are referred to by their Matrix IDs, advisories
 * by program and number (docs/threat-model.md, "Notifications").
 */

const LANGUAGES = ["en", "es", "pt", "fr"] as const;
const Language = z.enum(LANGUAGES);

/** A Matrix device ID as the homeserver hands it out (Synapse: ten capitals). */
const DeviceId = z.string().regex(/^[A-Za-z0-9._=-]{1,255}$/, "a Matrix device ID such as ABCDEFGHIJ");
export const DeviceParams = z.object({ deviceId: DeviceId }).strict();

// Base64url without padding, as PushSubscription.toJSON() gives the keys.
const b64url = (min: number, max: number) => z.string().regex(new RegExp(`^[A-Za-z0-9_-]{${min},${max}}$`), "base64url without padding");

export const VapidKeyView = z.object({ publicKey: b64url(86, 88).describe("the VAPID application server key (uncompressed P-256 point, base64url)") });

/** What PushSubscription.toJSON() gives (expirationTime may be there and is ignored). */
export const PushSubscriptionInput = z
  .object({
    // Push services speak HTTPS (RFC 8030); the web-push library sends nothing else.
    endpoint: z.url({ protocol: /^https$/ }).max(2048),
    expirationTime: z.number().nullable().optional(),
    keys: z.object({ p256dh: b64url(86, 88), auth: b64url(22, 24) }).strict(),
  })
  .strict();

const HHMM = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, "a time of day such as 22:00");
const TimeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, "an IANA time zone such as America/Santiago");

const QuietHours = z.object({ start: HHMM, end: HHMM, timeZone: TimeZone }).strict();

export const NotificationPreferences = z
  .object({
    channels: z.object({ push: z.boolean(), email: z.boolean() }).strict(),
    /** Nothing but critical alerts and deadlines between start and end (local time); null: none. */
    quietHours: QuietHours.nullable(),
    language: Language,
  })
  .strict();
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

// Room version 12 (what our homeservers create, server/synapse/homeserver.ts) drops the server part:
// "!" and the create event's hash; older versions have "!opaque:server".
const RoomId = z.string().regex(/^![A-Za-z0-9._~=+/-]{1,255}(:[A-Za-z0-9.-]+(:\d{1,5})?)?$/, "a Matrix room ID such as !abc:example.org");
const EventId = z.string().regex(/^\$[A-Za-z0-9._~=+/-]{1,255}(:[A-Za-z0-9.-]+(:\d{1,5})?)?$/, "a Matrix event ID such as $abc");

export const UrgentContentInput = z.object({ roomId: RoomId, eventId: EventId, severity: z.enum(["high", "critical"]) }).strict();
export const QueuedView = z.object({ queued: z.number().int().min(0).describe("how many people will be told") });

/** An advisory by program and number, as in its reference ("tourism #12"). */
const AdvisoryNumber = z
  .string()
  .regex(/^[1-9][0-9]{0,5}$/, "an advisory number")
  .transform(Number);
DOCUMENTED_AS.set(AdvisoryNumber, { type: "string", pattern: "^[1-9][0-9]{0,5}$" });
export const AdvisoryParams = z.object({ program: ProgramCode, number: AdvisoryNumber }).strict();

export const RemindNowInput = z.object({ memberState: StateCode }).strict();

export const AcknowledgeView = z.object({ memberState: z.string(), acknowledgedAt: z.iso.datetime() });

const ReminderView = z.object({
  at: z.iso.datetime(),
  /** scheduled: the interval; manual: "remind now"; deadline: the coordinator at the deadline. */
  kind: z.enum(["scheduled", "manual", "deadline"]),
  audience: z.enum(["focal-points", "coordinator"]),
  status: z.enum(["pending", "sent", "cancelled"]),
});

export const ReminderTimeline = z.object({
  programCode: z.string(),
  number: z.number().int(),
  ackDeadline: z.iso.datetime().nullable(),
  remindEveryHours: z.number().int(),
  states: z.array(z.object({ memberState: z.string(), acknowledgedAt: z.iso.datetime().nullable(), reminders: z.array(ReminderView) })),
});

/**
 * What a Web Push message carries (encrypted to the subscription's keys, RFC 8291), for the
 * service worker to show: already in the person's language, metadata only. `url` is the web
 * app's hash route to open on click (#/room/<roomId>, #/nominations, …); `tag` lets a newer
 * notification about the same subject replace the older one.
 */
export const PushPayload = z.object({
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  url: z.string(),
  tag: z.string(),
  urgent: z.boolean(),
});
export type PushPayload = z.infer<typeof PushPayload>;
