import { z } from "zod";
import { line, queryInt, StateCode, IsoDate, Uuid } from "./common.js";

export const MemberStateView = z.object({ code: z.string(), name: z.string(), languages: z.array(z.string()) });
export const ProgramView = z.object({
  code: z.string(),
  names: z.record(z.string(), z.string()),
  /**
   * The program's participating member states: those with a vetted focal point or alternate of it
   * (approved, active or suspended; not nominated, rejected or revoked). Its advisories expect these
   * states' acknowledgements (shared/content/expected-states.ts).
   */
  participatingStates: z.array(z.string()),
});

export const HomeserverInput = z
  .object({
    serverName: z
      .string()
      .min(3)
      .max(255)
      .regex(/^[a-z0-9.-]+(:\d{1,5})?$/i, "a Matrix server name such as matrix.gob.cl"),
    memberState: StateCode.nullable().default(null),
    /** Where the state's people sign in (its client API); the control plane gives it with their grant. */
    clientUrl: z
      .string()
      .max(2048)
      .regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, "an http(s) URL such as https://matrix.gob.cl")
      .nullable()
      .default(null),
  })
  .strict();
export const HomeserverStatusInput = z.object({ status: z.enum(["active", "suspended"]) }).strict();
export const HomeserverView = z.object({
  id: Uuid,
  serverName: z.string(),
  memberState: z.string().nullable(),
  clientUrl: z.string().nullable(),
  status: z.enum(["active", "suspended"]),
  createdAt: z.string(),
});

export const VENUE_TYPES = ["stadium", "arena", "convention-center", "open-air", "transport-hub", "tourist-site", "summit-venue", "multiple", "other"] as const;
/** A major event as registered (POST /events) and as replaced by an edit (PUT /events/:id): every field, every time. */
export const MajorEventInput = z
  .object({
    name: line(200),
    hostState: StateCode,
    startsOn: IsoDate,
    endsOn: IsoDate,
    venueType: z.enum(VENUE_TYPES),
    supportingStates: z.array(StateCode).max(35).default([]),
  })
  .strict()
  .refine((e) => e.endsOn >= e.startsOn, { path: ["endsOn"], message: "must not be before startsOn" });
export const MajorEventView = z.object({
  id: Uuid,
  name: z.string(),
  hostState: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  venueType: z.string(),
  supportingStates: z.array(z.string()),
  createdAt: z.string(),
  /** What the caller may do to it now (shared/policy/events.ts), so the client offers only that. */
  mayDo: z.array(z.enum(["edit"])),
});

export const AuditEntryView = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z.string(),
  /** The registry name of the actor or subject when it is a person ("system" and rooms have none). */
  actorName: z.string().nullable(),
  action: z.string(),
  subject: z.string().nullable(),
  subjectName: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  hash: z.string(),
  checkpointSignature: z.string().nullable(),
});
export const AuditQuery = z
  .object({
    /** Oldest first after this sequence number (the default order, for tools that read the whole log)… */
    after: queryInt(0, Number.MAX_SAFE_INTEGER, 0),
    /** …or newest first below this one (`order=desc`; 0 means from the newest). */
    before: queryInt(0, Number.MAX_SAFE_INTEGER, 0),
    order: z.enum(["asc", "desc"]).default("asc"),
    limit: queryInt(1, 500, 100),
    subject: line(100).optional(), // control characters (NUL) would reach PostgreSQL and fail there
    actor: line(100).optional(),
    /** An action ("person.suspended") or a family of them ending in a dot ("auth."). */
    action: line(100).optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();
export const AuditVerifyView = z.object({
  ok: z.boolean(),
  entries: z.number(),
  headSeq: z.number(),
  lastCheckpoint: z.number(),
  firstBroken: z.object({ seq: z.number(), problem: z.string() }).nullable(),
});
