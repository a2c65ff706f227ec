import { z } from "zod";
import type { ProblemType } from "./problems.js";
import { Reason } from "./common.js";
import {
  CLI_CLIENT_HEADER,
  EnrollCompleteInput,
  EnrollCompleteResult,
  EnrollStartInput,
  EnrollStartResult,
  LoginInput,
  LoginResult,
  SessionView,
  TotpBeginInput,
  TotpBeginResult,
  TotpConfirmInput,
  TotpDisableInput,
  TotpStatus,
} from "./auth.js";
import {
  ApprovalResult,
  DirectoryEntry,
  DirectoryQuery,
  EnrollmentLinkView,
  ExpertiseInput,
  ExpertiseView,
  IdParams,
  NominationInput,
  NominationResult,
  PeopleQuery,
  PersonDetail,
  PersonView,
  ListedPerson,
  QueuedNomination,
} from "./people.js";
import {
  AuditEntryView,
  AuditQuery,
  AuditVerifyView,
  HomeserverInput,
  HomeserverStatusInput,
  HomeserverView,
  MajorEventInput,
  MajorEventView,
  MemberStateView,
  ProgramView,
} from "./registry.js";
import { CredentialParams, MasterKeyInput, MasterKeyResult, SecretariatKeyView, SignedCredential, SignedRevocationList } from "./credentials.js";
import { CountersignInput, CountersignResult, ReserveInput, ReserveResult } from "./advisories.js";
import { MatrixSessionResult } from "./matrix.js";
import {
  AcknowledgeView,
  AdvisoryParams,
  DeviceParams,
  NotificationPreferences,
  PushSubscriptionInput,
  QueuedView,
  ReminderTimeline,
  RemindNowInput,
  UrgentContentInput,
  VapidKeyView,
} from "./notifications.js";
import { HealthDetails, HealthReport } from "./health.js";
import { ConversationView, StartConversationInput } from "./conversations.js";

/**
 * The control plane's operations, once: method, path, input and response schemas, and the problem
 * types each may answer with beyond those every operation can (validation, and for session routes
 * unauthenticated/forbidden; for bodies the parser's). The server's routes (server/http/routes),
 * the OpenAPI document (server/http/openapi.ts) and the one typed client (shared/api/client.ts)
 * are made from this table.
 */
export interface Operation {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string; // express style: /people/:id
  summary: string;
  tag: string;
  access: "public" | "session";
  /** Public and session-blind: no session lookup at all (health must answer while the database is down). */
  anonymous?: boolean;
  body?: z.ZodType;
  query?: z.ZodType;
  params?: z.ZodType;
  response?: z.ZodType;
  successStatus?: number;
  /** Other statuses answered with the success schema (not a problem): health's 503, a referred nomination's 202. */
  sameBodyStatuses?: readonly number[];
  /** Answered for a session whose person must still set up a second factor (everything else: totp-setup-required). */
  beforeSecondFactor?: true;
  problems: readonly ProblemType[];
}

const operation = <const O extends Operation>(o: O) => o;

const decision = (action: "reject" | "suspend" | "reinstate" | "revoke", summary: string) =>
  operation({
    method: "post",
    path: `/people/:id/${action}`,
    tag: "vetting",
    access: "session",
    summary,
    params: IdParams,
    body: Reason,
    response: PersonView,
    problems: ["not-found", "invalid-transition"],
  });

export const OPERATIONS = {
  health: operation({
    method: "get",
    path: "/health",
    tag: "health",
    access: "public",
    anonymous: true,
    summary:
      'Health for anyone, status words only: 200 with status "ok"; 503 with status "degraded" (same body) whenever the database, Synapse, the reconciler or the revocation-list refresh is down or cannot be asked. Details: /health/details (administrators)',
    response: HealthReport,
    sameBodyStatuses: [503],
    problems: [],
  }),
  healthDetails: operation({
    method: "get",
    path: "/health/details",
    tag: "health",
    access: "session",
    summary: "Homeserver and reconciler health with error details (Secretariat administrators)",
    response: HealthDetails,
    problems: [],
  }),

  login: operation({
    method: "post",
    path: "/auth/login",
    tag: "auth",
    access: "public",
    summary: `Sign in with email, password and (for accounts with a second factor) a TOTP code, all in one request. The token is in the body only for ${CLI_CLIENT_HEADER}: cli`,
    body: LoginInput,
    response: LoginResult,
    problems: ["invalid-credentials", "cli-token-refused", "too-many-attempts", "server-busy"],
  }),
  logout: operation({
    method: "post",
    path: "/auth/logout",
    tag: "auth",
    access: "session",
    summary: "End this session",
    beforeSecondFactor: true,
    successStatus: 204,
    problems: [],
  }),
  getSession: operation({
    method: "get",
    path: "/auth/session",
    tag: "auth",
    access: "session",
    summary: "Who am I",
    beforeSecondFactor: true,
    response: SessionView,
    problems: [],
  }),
  enrollStart: operation({
    method: "post",
    path: "/auth/enroll/start",
    tag: "auth",
    access: "public",
    summary: "Open an enrollment link: who it is for, and a TOTP secret to scan",
    body: EnrollStartInput,
    response: EnrollStartResult,
    problems: ["enrollment-link-invalid", "too-many-attempts"],
  }),
  enrollComplete: operation({
    method: "post",
    path: "/auth/enroll/complete",
    tag: "auth",
    access: "public",
    summary: `Set a password (and second factor), activate the account and sign in. The token is in the body only for ${CLI_CLIENT_HEADER}: cli`,
    body: EnrollCompleteInput,
    response: EnrollCompleteResult,
    problems: ["cli-token-refused", "enrollment-not-started", "enrollment-link-invalid", "totp-required", "totp-incorrect", "too-many-attempts", "server-busy"],
  }),

  totpStatus: operation({
    beforeSecondFactor: true,
    method: "get",
    path: "/account/totp",
    tag: "account",
    access: "session",
    summary: "Whether one's own second factor is on, and whether ENLACE_TOTP_REQUIRED_FOR makes it mandatory",
    response: TotpStatus,
    problems: [],
  }),
  totpBegin: operation({
    beforeSecondFactor: true,
    method: "post",
    path: "/account/totp/begin",
    tag: "account",
    access: "session",
    summary: "Re-authenticate (password, and the current code when a second factor is on) and get a new secret to scan; it is used only once confirmed",
    body: TotpBeginInput,
    response: TotpBeginResult,
    problems: ["reauthentication-failed", "too-many-attempts", "server-busy"],
  }),
  totpConfirm: operation({
    beforeSecondFactor: true,
    method: "post",
    path: "/account/totp/confirm",
    tag: "account",
    access: "session",
    summary: "Confirm the new secret with a code from it: it replaces the one in use (audited as auth.totp.changed)",
    body: TotpConfirmInput,
    response: TotpStatus,
    problems: ["totp-change-not-started", "totp-incorrect"],
  }),
  totpDisable: operation({
    method: "post",
    path: "/account/totp/disable",
    tag: "account",
    access: "session",
    summary: "Turn one's second factor off (password and current code), only where the policy does not require it",
    body: TotpDisableInput,
    response: TotpStatus,
    problems: ["totp-mandatory", "reauthentication-failed", "too-many-attempts", "server-busy"],
  }),

  nominate: operation({
    method: "post",
    path: "/nominations",
    tag: "vetting",
    access: "session",
    summary:
      "Nominate a person (coordinators for their state; Secretariat for its programs). An address already in the registry that the caller may not see is referred to the Secretariat (202)",
    body: NominationInput,
    response: NominationResult,
    successStatus: 201,
    sameBodyStatuses: [202],
    problems: ["duplicate-nomination", "matrix-id-taken", "matrix-id-not-allowed", "matrix-id-reserved", "homeserver-unavailable"],
  }),
  listPeople: operation({
    method: "get",
    path: "/people",
    tag: "vetting",
    access: "session",
    summary: "People you may see, filtered, each with what you may do to them",
    query: PeopleQuery,
    response: z.array(ListedPerson),
    problems: [],
  }),
  getPerson: operation({
    method: "get",
    path: "/people/:id",
    tag: "vetting",
    access: "session",
    summary: "One person with their vetting history",
    params: IdParams,
    response: PersonDetail,
    problems: ["not-found"],
  }),
  approvePerson: operation({
    method: "post",
    path: "/people/:id/approve",
    tag: "vetting",
    access: "session",
    summary: "Approve a nomination (four eyes) and issue a single-use enrollment link",
    params: IdParams,
    body: Reason,
    response: ApprovalResult,
    problems: ["not-found", "invalid-transition"],
  }),
  rejectPerson: decision("reject", "Reject a nomination"),
  suspendPerson: decision("suspend", "Suspend an active person: sessions end, rooms are left"),
  reinstatePerson: decision("reinstate", "Reinstate a suspended person (renews lapsed vetting)"),
  revokePerson: decision("revoke", "Revoke a person for good"),
  reissueEnrollmentLink: operation({
    method: "post",
    path: "/people/:id/enrollment-link",
    tag: "vetting",
    access: "session",
    summary: "Issue a new enrollment link (the previous one stops working)",
    params: IdParams,
    response: EnrollmentLinkView,
    problems: ["not-found", "not-awaiting-enrollment"],
  }),
  nominationQueue: operation({
    method: "get",
    path: "/vetting/nominations",
    tag: "vetting",
    access: "session",
    summary: "Nominations awaiting a decision",
    response: z.array(QueuedNomination),
    problems: [],
  }),
  revettingQueue: operation({
    method: "get",
    path: "/vetting/revetting",
    tag: "vetting",
    access: "session",
    summary: "People whose vetting lapsed or lapses within 30 days",
    response: z.array(ListedPerson),
    problems: [],
  }),
  setMyExpertise: operation({
    method: "put",
    path: "/me/expertise",
    tag: "directory",
    access: "session",
    summary: "Set your areas of expertise and languages",
    body: ExpertiseInput,
    response: ExpertiseView,
    problems: [],
  }),
  searchDirectory: operation({
    method: "get",
    path: "/directory",
    tag: "directory",
    access: "session",
    summary: "Search the expertise directory of active people",
    query: DirectoryQuery,
    response: z.array(DirectoryEntry),
    problems: [],
  }),

  listMemberStates: operation({
    method: "get",
    path: "/member-states",
    tag: "registry",
    access: "session",
    summary: "The OAS member states",
    response: z.array(MemberStateView),
    problems: [],
  }),
  listPrograms: operation({
    method: "get",
    path: "/programs",
    tag: "registry",
    access: "session",
    summary: "The CICTE programs",
    response: z.array(ProgramView),
    problems: [],
  }),
  listHomeservers: operation({
    method: "get",
    path: "/homeservers",
    tag: "registry",
    access: "session",
    summary: "Registered homeservers (administrators)",
    response: z.array(HomeserverView),
    problems: [],
  }),
  registerHomeserver: operation({
    method: "post",
    path: "/homeservers",
    tag: "registry",
    access: "session",
    summary: "Register a member state's homeserver",
    body: HomeserverInput,
    response: HomeserverView,
    successStatus: 201,
    problems: ["duplicate-homeserver"],
  }),
  setHomeserverStatus: operation({
    method: "patch",
    path: "/homeservers/:id",
    tag: "registry",
    access: "session",
    summary: "Suspend or re-activate a homeserver",
    params: IdParams,
    body: HomeserverStatusInput,
    response: HomeserverView,
    problems: ["not-found"],
  }),
  listEvents: operation({
    method: "get",
    path: "/events",
    tag: "events",
    access: "session",
    summary: "Major events",
    response: z.array(MajorEventView),
    problems: [],
  }),
  getEvent: operation({
    method: "get",
    path: "/events/:id",
    tag: "events",
    access: "session",
    summary: "One major event",
    params: IdParams,
    response: MajorEventView,
    problems: ["not-found"],
  }),
  createEvent: operation({
    method: "post",
    path: "/events",
    tag: "events",
    access: "session",
    summary: "Register a major event (Secretariat or the host state's coordinator)",
    body: MajorEventInput,
    response: MajorEventView,
    successStatus: 201,
    problems: [],
  }),
  updateEvent: operation({
    method: "put",
    path: "/events/:id",
    tag: "events",
    access: "session",
    summary:
      "Edit a major event: every field is replaced (the Secretariat; the host state's coordinator, for an event staying in their state). Its planning cell follows: name, host and supporting states",
    params: IdParams,
    body: MajorEventInput,
    response: MajorEventView,
    problems: ["not-found"],
  }),
  listAudit: operation({
    method: "get",
    path: "/audit",
    tag: "audit",
    access: "session",
    summary: "Audit log entries (administrators)",
    query: AuditQuery,
    response: z.array(AuditEntryView),
    problems: [],
  }),
  verifyAudit: operation({
    method: "get",
    path: "/audit/verify",
    tag: "audit",
    access: "session",
    summary: "Verify the audit chain and signatures (administrators)",
    response: AuditVerifyView,
    problems: [],
  }),

  getSecretariatKey: operation({
    method: "get",
    path: "/credentials/secretariat-key",
    tag: "credentials",
    access: "session",
    summary: "The Secretariat's public signing key (clients pin it)",
    response: SecretariatKeyView,
    problems: [],
  }),
  getCredential: operation({
    method: "get",
    path: "/credentials/:userId",
    tag: "credentials",
    access: "session",
    summary: "The Secretariat-signed credential of an active member",
    params: CredentialParams,
    response: SignedCredential,
    problems: ["not-found"],
  }),
  getRevocations: operation({
    method: "get",
    path: "/revocations",
    tag: "credentials",
    access: "session",
    summary: "The signed, numbered list of suspended and revoked people",
    response: SignedRevocationList,
    problems: [],
  }),
  registerMasterKey: operation({
    method: "put",
    path: "/me/master-key",
    tag: "credentials",
    access: "session",
    summary: "Register your cross-signing master key so it enters your credential",
    body: MasterKeyInput,
    response: MasterKeyResult,
    problems: ["no-matrix-account", "homeserver-unavailable"],
  }),

  reserveAdvisoryNumber: operation({
    method: "post",
    path: "/advisories/numbers",
    tag: "advisories",
    access: "session",
    summary: "Reserve the next advisory number of a program (its Secretariat officers)",
    body: ReserveInput,
    response: ReserveResult,
    successStatus: 201,
    problems: [],
  }),
  countersignAdvisory: operation({
    method: "post",
    path: "/advisories/countersign",
    tag: "advisories",
    access: "session",
    summary: "Countersign an advisory's digest with the Secretariat key (the text never reaches the server)",
    body: CountersignInput,
    response: CountersignResult,
    problems: ["not-found", "advisory-number-used"],
  }),

  acknowledgeAdvisory: operation({
    method: "post",
    path: "/advisories/:program/:number/acknowledgements",
    tag: "advisories",
    access: "session",
    summary: "Tell the control plane that your state acknowledged an advisory (the client sends this beside the ack event in the room): its reminders stop",
    params: AdvisoryParams,
    response: AcknowledgeView,
    problems: ["not-found"],
  }),
  getReminderTimeline: operation({
    method: "get",
    path: "/advisories/:program/:number/reminders",
    tag: "notifications",
    access: "session",
    summary: "Each expected state's acknowledgement and the reminders sent and scheduled (the program's Secretariat officers)",
    params: AdvisoryParams,
    response: ReminderTimeline,
    problems: ["not-found"],
  }),
  remindNow: operation({
    method: "post",
    path: "/advisories/:program/:number/reminders",
    tag: "notifications",
    access: "session",
    summary: "Remind a state's focal points now (the program's Secretariat officers)",
    params: AdvisoryParams,
    body: RemindNowInput,
    response: QueuedView,
    successStatus: 202,
    problems: ["not-found", "advisory-acknowledged"],
  }),
  getVapidKey: operation({
    method: "get",
    path: "/notifications/vapid-key",
    tag: "notifications",
    access: "session",
    summary: "The VAPID public key a device subscribes to Web Push with (applicationServerKey)",
    response: VapidKeyView,
    problems: [],
  }),
  putPushSubscription: operation({
    method: "put",
    path: "/me/devices/:deviceId/push-subscription",
    tag: "notifications",
    access: "session",
    summary: "Subscribe this device (its Matrix device ID) to Web Push, replacing its previous subscription",
    params: DeviceParams,
    body: PushSubscriptionInput,
    successStatus: 204,
    problems: [],
  }),
  deletePushSubscription: operation({
    method: "delete",
    path: "/me/devices/:deviceId/push-subscription",
    tag: "notifications",
    access: "session",
    summary: "Stop Web Push to this device (also done on sign-out and revocation)",
    params: DeviceParams,
    successStatus: 204,
    problems: [],
  }),
  getNotificationPreferences: operation({
    method: "get",
    path: "/me/notification-preferences",
    tag: "notifications",
    access: "session",
    summary: "Your channels, quiet hours and language for notifications",
    response: NotificationPreferences,
    problems: [],
  }),
  putNotificationPreferences: operation({
    method: "put",
    path: "/me/notification-preferences",
    tag: "notifications",
    access: "session",
    summary: "Set your channels, quiet hours (critical alerts and deadlines override them) and language",
    body: NotificationPreferences,
    response: NotificationPreferences,
    problems: [],
  }),
  reportUrgentContent: operation({
    method: "post",
    path: "/notifications/urgent",
    tag: "notifications",
    access: "session",
    summary:
      "Urgent content in room R, event E (high and critical alerts): the room's other members are told, without content. Members of R only (others: forbidden, as for a room that does not exist); rate-limited",
    body: UrgentContentInput,
    response: QueuedView,
    successStatus: 202,
    problems: ["urgent-rate-limited"],
  }),

  startConversation: operation({
    method: "post",
    path: "/conversations",
    tag: "conversations",
    access: "session",
    summary:
      "Start the direct encrypted conversation with another vetted person (idempotent: the same pair has one conversation, whoever starts it; 201 when new, 200 when it existed). Both must be active with a Matrix account; the reconciler makes the room",
    body: StartConversationInput,
    response: ConversationView,
    successStatus: 201,
    sameBodyStatuses: [200],
    problems: ["conversation-not-allowed", "no-matrix-account"],
  }),
  listConversations: operation({
    method: "get",
    path: "/conversations",
    tag: "conversations",
    access: "session",
    summary: "One's direct conversations, newest first, with the other person's registry name and the room once made",
    response: z.array(ConversationView),
    problems: [],
  }),

  createMatrixSession: operation({
    method: "post",
    path: "/matrix/session",
    tag: "matrix",
    access: "session",
    summary: "A short-lived, single-use grant to sign in to the homeserver (login type org.oas.enlace.login.grant)",
    response: MatrixSessionResult,
    problems: ["no-local-matrix-account", "matrix-id-exhausted", "matrix-id-taken", "matrix-id-not-allowed", "matrix-id-reserved", "homeserver-unavailable"],
  }),
} as const satisfies Record<string, Operation>;

export type Operations = typeof OPERATIONS;
export type OperationId = keyof Operations;

// What travels: inputs as the schema accepts them, responses as the schema produces them.
type InputOf<S> = S extends z.ZodType ? z.input<S> : undefined;
type OutputOf<S> = S extends z.ZodType ? z.output<S> : undefined;
export type BodyOf<K extends OperationId> = InputOf<Operations[K] extends { body: infer S } ? S : undefined>;
export type ParamsOf<K extends OperationId> = InputOf<Operations[K] extends { params: infer S } ? S : undefined>;
/** Query filters as values (numbers stay numbers); they travel as their decimal text. */
export type QueryOf<K extends OperationId> = Operations[K] extends { query: infer S extends z.ZodType } ? Partial<z.output<S>> : undefined;
export type ResponseOf<K extends OperationId> = OutputOf<Operations[K] extends { response: infer S } ? S : undefined>;
