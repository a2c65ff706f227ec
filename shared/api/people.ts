import { z } from "zod";
import { line, queryInt, StateCode, ProgramCode, Uuid, Email, MatrixUserId, RoleKind, VettingStatus, text } from "./common.js";

const RoleAssignment = z
  .object({
    role: RoleKind,
    memberState: StateCode.nullable().default(null),
    program: ProgramCode.nullable().default(null),
  })
  .strict()
  .superRefine((r, ctx) => {
    const needsState = r.role === "national_coordinator" || r.role === "focal_point" || r.role === "alternate";
    const needsProgram = r.role === "secretariat_officer" || r.role === "focal_point" || r.role === "alternate";
    if (needsState !== (r.memberState !== null))
      ctx.addIssue({ code: "custom", path: ["memberState"], message: needsState ? `${r.role} needs a member state` : `${r.role} has no member state` });
    if (needsProgram !== (r.program !== null))
      ctx.addIssue({ code: "custom", path: ["program"], message: needsProgram ? `${r.role} needs a program` : `${r.role} has no program` });
  });

export const NominationInput = z
  .object({
    email: Email,
    fullName: line(200),
    memberState: StateCode.nullable().default(null),
    // Only for an account on the nominee's own state's homeserver (registered and active); accounts on
    // the Secretariat's homeserver are always assigned by the server.
    matrixUserId: MatrixUserId.optional(),
    roles: z.array(RoleAssignment).min(1).max(20),
    reason: text(1000).optional(),
  })
  .strict();
export type NominationInput = z.infer<typeof NominationInput>;

export const PersonView = z.object({
  id: Uuid,
  email: z.string(),
  fullName: z.string(),
  memberState: z.string().nullable(),
  matrixUserId: z.string().nullable(),
  status: VettingStatus,
  vettedUntil: z.string().nullable(),
  revettingDue: z.boolean(),
  nominatedBy: Uuid.nullable(),
  approvedBy: Uuid.nullable(),
  roles: z.array(z.object({ role: RoleKind, memberState: z.string().nullable(), program: z.string().nullable() })),
  createdAt: z.string(),
});
export type PersonView = z.infer<typeof PersonView>;

/** A person in a list, with what the viewer may do to them now (server/domain/registry/policy.ts allowedActions). */
export const ListedPerson = PersonView.extend({ mayDo: z.array(z.enum(["reject", "suspend", "reinstate", "revoke", "newLink"])) });

/** A nomination of an address already in the registry, by someone who may not see that person: nothing is created, nothing is revealed. */
const NominationReferral = z.object({ referred: z.literal(true), detail: z.string() });
export const NominationResult = z.union([PersonView, NominationReferral]);
export type NominationResult = z.infer<typeof NominationResult>;

const TransitionView = z.object({
  fromStatus: VettingStatus.nullable(),
  toStatus: VettingStatus,
  actorId: Uuid.nullable(),
  reason: z.string(),
  at: z.string(),
});
export const PersonDetail = PersonView.extend({ history: z.array(TransitionView) });

export const PeopleQuery = z
  .object({
    memberState: StateCode.optional(),
    program: ProgramCode.optional(),
    status: VettingStatus.optional(),
    limit: queryInt(1, 500, 100),
    offset: queryInt(0, 1_000_000, 0),
  })
  .strict();

export const EnrollmentLinkView = z.object({ token: z.string(), url: z.string(), expiresAt: z.string() });
export const ApprovalResult = z.object({
  person: PersonView,
  enrollment: EnrollmentLinkView,
});

export const ExpertiseInput = z
  .object({
    areas: z.array(line(80)).max(30),
    languages: z.array(z.enum(["en", "es", "pt", "fr", "nl", "ht", "gn"])).max(7),
  })
  .strict();

export const DirectoryQuery = z
  .object({
    q: line(100).optional(),
    area: line(80).optional(),
    language: z
      .string()
      .regex(/^[a-z]{2}$/)
      .optional(),
    memberState: StateCode.optional(),
    program: ProgramCode.optional(),
    limit: queryInt(1, 100, 25),
  })
  .strict();
export const DirectoryEntry = z.object({
  id: Uuid,
  fullName: z.string(),
  memberState: z.string().nullable(),
  matrixUserId: z.string().nullable(),
  programs: z.array(z.string()),
  areas: z.array(z.string()),
  languages: z.array(z.string()),
});

export const QueuedNomination = ListedPerson.extend({
  canApprove: z.boolean(),
  /** Who may approve: an administrator only (staff), or an officer of each program or an administrator. */
  approvalRule: z.enum(["admin", "officer-or-admin"]),
  nominatorName: z.string().nullable(),
  /** The nominator's note (the reason given with the nomination). */
  note: z.string().nullable(),
});
export const ExpertiseView = z.object({ areas: z.array(z.string()), languages: z.array(z.string()) });
export const IdParams = z.object({ id: Uuid }).strict();
