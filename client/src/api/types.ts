// Names the screens use for the control plane's request and response types, all taken from the
// shared zod schemas of shared/api (the calls themselves are typed by its operation table).
import type { z } from "zod";
import type { SessionView, LoginInput, EnrollStartResult, EnrollCompleteInput } from "#shared/api/auth.js";
import type {
  PersonView,
  ListedPerson as ListedPersonSchema,
  NominationInput,
  PeopleQuery,
  ExpertiseInput,
  DirectoryQuery,
  EnrollmentLinkView,
  QueuedNomination as QueuedNominationView,
} from "#shared/api/people.js";
import type { ProgramView, MemberStateView, MajorEventInput, MajorEventView, AuditEntryView, AuditQuery, AuditVerifyView } from "#shared/api/registry.js";
import type { VettingStatus } from "#shared/api/common.js";
import type {
  NotificationPreferences,
  PushSubscriptionInput,
  ReminderTimeline as ReminderTimelineView,
  UrgentContentInput,
} from "#shared/api/notifications.js";

export type Session = z.infer<typeof SessionView>;
export type LoginRequest = z.input<typeof LoginInput>;
export type EnrollStart = z.infer<typeof EnrollStartResult>;
export type EnrollCompleteRequest = z.input<typeof EnrollCompleteInput>;
export type Person = z.infer<typeof PersonView>;
/** A person in a list, with what the signed-in person may do to them (decided by the server's policy). */
export type ListedPerson = z.infer<typeof ListedPersonSchema>;
export type Nomination = z.input<typeof NominationInput>;
// Query filters as values (numbers stay numbers); they travel as their decimal text.
export type PeopleFilter = Partial<z.output<typeof PeopleQuery>>;
export type Expertise = z.infer<typeof ExpertiseInput>;
export type DirectoryFilter = Partial<z.output<typeof DirectoryQuery>>;
export type Program = z.infer<typeof ProgramView>;
export type MemberState = z.infer<typeof MemberStateView>;
export type MajorEvent = z.infer<typeof MajorEventView>;
/** What registering or editing a major event sends (every field). */
export type EventBody = z.input<typeof MajorEventInput>;
export type AuditEntry = z.infer<typeof AuditEntryView>;
export type AuditVerdict = z.infer<typeof AuditVerifyView>;
export type AuditFilter = Partial<z.output<typeof AuditQuery>>;
export type Status = VettingStatus;
export type RoleGrant = Session["person"]["roles"][number];
export type NotificationPrefs = z.infer<typeof NotificationPreferences>;
export type PushSubscriptionBody = z.input<typeof PushSubscriptionInput>;
export type UrgentReport = z.input<typeof UrgentContentInput>;
export type ReminderTimeline = z.infer<typeof ReminderTimelineView>;

/** GET /api/vetting/nominations: a nomination and whether the caller may approve it (four eyes). */
export type QueuedNomination = z.infer<typeof QueuedNominationView>;
export type EnrollmentLink = z.infer<typeof EnrollmentLinkView>;
export type Decision = "reject" | "suspend" | "reinstate" | "revoke";
