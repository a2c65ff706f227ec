import { z } from "zod";
import { line, queryInt, StateCode, IsoDate, Uuid } from "./common.js";

export const MemberStateView = z.object({ code: z.string(), name: z.string(), languages: z.array(z.string()) });
export const ProgramView = z.object({ code: z.string(), names: z.record(z.string(), z.string()) });

export const HomeserverInput = z
  .object({
    serverName: z
      .string()
      .min(3)
      .max(255)
      .regex(/^[a-z0-9.-]+(:\d{1,5})?$/i, "a Matrix server name such as matrix.gob.cl"),
    memberState: StateCode.nullable().default(null),
  })
  .strict();
export const HomeserverStatusInput = z.object({ status: z.enum(["active", "suspended"]) }).strict();
export const HomeserverView = z.object({
  id: Uuid,
  serverName: z.string(),
  memberState: z.string().nullable(),
  status: z.enum(["active", "suspended"]),
  createdAt: z.string(),
});

export const MajorEventInput = z
  .object({
    name: line(200),
    hostState: StateCode,
    startsOn: IsoDate,
    endsOn: IsoDate,
    venueType: z.enum(["stadium", "arena", "convention-center", "open-air", "transport-hub", "tourist-site", "summit-venue", "multiple", "other"]),
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
});

export const AuditEntryView = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  subject: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  hash: z.string(),
  checkpointSignature: z.string().nullable(),
});
export const AuditQuery = z
  .object({
    after: queryInt(0, Number.MAX_SAFE_INTEGER, 0),
    limit: queryInt(1, 500, 100),
    subject: line(100).optional(), // control characters (NUL) would reach PostgreSQL and fail there
  })
  .strict();
export const AuditVerifyView = z.object({
  ok: z.boolean(),
  entries: z.number(),
  headSeq: z.number(),
  lastCheckpoint: z.number(),
  firstBroken: z.object({ seq: z.number(), problem: z.string() }).nullable(),
});
