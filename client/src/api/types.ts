// The control plane's request and response types, taken from the shared zod schemas (types only:
// the schemas themselves stay out of the browser bundle; the server validates every request).
import type { z } from "zod";
import type { SessionView, LoginInput, EnrollStartResult, EnrollCompleteInput } from "#shared/api/auth.js";
import type {
  PersonView,
  NominationInput,
  NominationResult,
  PeopleQuery,
  ApprovalResult,
  ExpertiseInput,
  DirectoryQuery,
  DirectoryEntry,
  PersonDetail,
} from "#shared/api/people.js";
import type { ProgramView, MemberStateView, MajorEventView, AuditEntryView, AuditQuery, AuditVerifyView } from "#shared/api/registry.js";
import type { VettingStatus } from "#shared/api/common.js";

export type Session = z.infer<typeof SessionView>;
export type LoginRequest = z.input<typeof LoginInput>;
export type EnrollStart = z.infer<typeof EnrollStartResult>;
export type EnrollCompleteRequest = z.input<typeof EnrollCompleteInput>;
export type Person = z.infer<typeof PersonView>;
export type PersonWithHistory = z.infer<typeof PersonDetail>;
export type Nomination = z.input<typeof NominationInput>;
/** A new nominee, or a referral: the address is in the registry where the caller may not see it (nothing created, nothing revealed). */
export type NominationOutcome = z.infer<typeof NominationResult>;
// Query filters as values (numbers stay numbers); they travel as their decimal text.
export type PeopleFilter = Partial<z.output<typeof PeopleQuery>>;
export type Approval = z.infer<typeof ApprovalResult>;
export type Expertise = z.infer<typeof ExpertiseInput>;
export type DirectoryFilter = Partial<z.output<typeof DirectoryQuery>>;
export type DirectoryPerson = z.infer<typeof DirectoryEntry>;
export type Program = z.infer<typeof ProgramView>;
export type MemberState = z.infer<typeof MemberStateView>;
export type MajorEvent = z.infer<typeof MajorEventView>;
export type AuditEntry = z.infer<typeof AuditEntryView>;
export type AuditFilter = Partial<z.output<typeof AuditQuery>>;
export type AuditVerification = z.infer<typeof AuditVerifyView>;
export type Status = VettingStatus;
export type RoleGrant = Session["person"]["roles"][number];

/** GET /api/vetting/nominations: a nomination and whether the caller may approve it (four eyes). */
export type QueuedNomination = Person & { canApprove: boolean };
export type EnrollmentLink = Approval["enrollment"];
export type Decision = "reject" | "suspend" | "reinstate" | "revoke";
