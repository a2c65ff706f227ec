// The web app's control-plane module: the one typed client of shared/api with what the screens
// need on top (connectivity and session-ended events, named calls). Sessions ride on the httpOnly
// cookie the server sets (path /api, SameSite=Strict), so no token is ever readable by scripts in the page.
import { ApiError, createClient } from "#shared/api/client.js";
import { OPERATIONS, type OperationId } from "#shared/api/operations.js";
import type { AckSchedule } from "#shared/matrix/control-plane.js";
import type {
  Decision,
  DirectoryFilter,
  PeopleFilter,
  AuditFilter,
  LoginRequest,
  EnrollCompleteRequest,
  Nomination,
  Expertise,
  NotificationPrefs,
  PushSubscriptionBody,
  UrgentReport,
  EventBody,
} from "./types.js";

export interface ApiOptions {
  baseUrl?: string; // "" = same origin (the control plane serves the app)
  fetch?: typeof fetch;
  timeoutMs?: number;
}

type Listener<T> = (value: T) => void;

function listeners<T>() {
  const set = new Set<Listener<T>>();
  return {
    add(l: Listener<T>) {
      set.add(l);
      return () => {
        set.delete(l);
      };
    },
    emit(v: T) {
      for (const l of set) l(v);
    },
  };
}

export function createApi(opts: ApiOptions = {}) {
  const sessionEnded = listeners<ApiError>();
  const connectivity = listeners<boolean>();
  let online = true;
  const setOnline = (v: boolean) => {
    if (v !== online) {
      online = v;
      connectivity.emit(v);
    }
  };
  const { call } = createClient({
    ...opts,
    timeoutMs: opts.timeoutMs ?? 15_000, // a screen waits 15 s at most, then says the connection is lost
    onReachable: (reachable) => setOnline(reachable),
    // On an authenticated call a 401 means the session is gone (expired, signed out elsewhere, suspended, revoked).
    onProblem: (err, id: OperationId) => {
      if (err.status === 401 && OPERATIONS[id].access === "session") sessionEnded.emit(err);
    },
  });

  return {
    /** Called with the problem whenever an authenticated call answers 401. */
    onSessionEnded: sessionEnded.add,
    /** Called with false when the control plane stops answering, true when it answers again. */
    onConnectivity: connectivity.add,
    isOnline: () => online,

    health: () =>
      call("health").catch((e: unknown) => {
        // A degraded but answering control plane is still reachable.
        if (e instanceof ApiError && !e.isNetwork && e.kind !== "bad-gateway") {
          setOnline(true);
          return { status: "degraded" as const };
        }
        throw e;
      }),

    // The session arrives only as the HttpOnly cookie: no token in the body for browsers.
    login: (input: LoginRequest) => call("login", { body: input }),
    logout: () => call("logout"),
    session: () => call("getSession"),
    enrollStart: (token: string) => call("enrollStart", { body: { token } }),
    enrollComplete: (input: EnrollCompleteRequest) => call("enrollComplete", { body: input }),
    totpStatus: () => call("totpStatus"),
    totpBegin: (input: { password: string; totp?: string }) => call("totpBegin", { body: input }),
    totpConfirm: (totp: string) => call("totpConfirm", { body: { totp } }),
    totpDisable: (input: { password: string; totp: string }) => call("totpDisable", { body: input }),

    programs: () => call("listPrograms"),
    memberStates: () => call("listMemberStates"),
    majorEvents: () => call("listEvents"),
    majorEvent: (id: string) => call("getEvent", { params: { id } }),
    createMajorEvent: (body: EventBody) => call("createEvent", { body }),
    updateMajorEvent: (id: string, body: EventBody) => call("updateEvent", { params: { id }, body }),

    nominate: (input: Nomination) => call("nominate", { body: input }),
    people: (filter: PeopleFilter = {}) => call("listPeople", { query: filter }),
    person: (id: string) => call("getPerson", { params: { id } }),
    nominationQueue: () => call("nominationQueue"),
    revettingQueue: () => call("revettingQueue"),
    approve: (id: string, reason: string) => call("approvePerson", { params: { id }, body: { reason } }),
    decide: (id: string, decision: Decision, reason: string) => call(`${decision}Person`, { params: { id }, body: { reason } }),
    reissueEnrollmentLink: (id: string) => call("reissueEnrollmentLink", { params: { id } }),

    directory: (filter: DirectoryFilter = {}) => call("searchDirectory", { query: filter }),
    setMyExpertise: (input: Expertise) => call("setMyExpertise", { body: input }),
    // Direct conversations: the registry records the pair, the reconciler makes the encrypted room.
    startConversation: (withPersonId: string) => call("startConversation", { body: { with: withPersonId } }),
    conversations: () => call("listConversations"),

    // Advisory numbering and countersigning: the control plane sees only the digest, never the text.
    reserveAdvisoryNumber: (programCode: string) => call("reserveAdvisoryNumber", { body: { programCode } }),
    countersignAdvisory: (programCode: string, number: number, digest: string, schedule: AckSchedule = {}) =>
      call("countersignAdvisory", { body: { programCode, number, digest, ...schedule } }),

    // Matrix sign-in: a short-lived, single-use grant for the homeserver's login, and this person's
    // cross-signing master key for their Secretariat-signed credential.
    matrixSession: () => call("createMatrixSession"),
    /** The key to pin when a kept Matrix device resumes without a new grant (which carries it too). */
    secretariatKey: () => call("getSecretariatKey"),
    /** The signed revocation list (readers verify it against the pinned key). */
    revocations: () => call("getRevocations"),
    registerMasterKey: (masterKey: string) => call("registerMasterKey", { body: { masterKey } }),

    // Notifications: Web Push per Matrix device, the person's preferences, and the sender's "urgent
    // content in room R, event E" (ids only: the control plane never sees the alert itself).
    vapidKey: () => call("getVapidKey"),
    subscribePush: (deviceId: string, subscription: PushSubscriptionBody) => call("putPushSubscription", { params: { deviceId }, body: subscription }),
    unsubscribePush: (deviceId: string) => call("deletePushSubscription", { params: { deviceId } }),
    notificationPreferences: () => call("getNotificationPreferences"),
    setNotificationPreferences: (prefs: NotificationPrefs) => call("putNotificationPreferences", { body: prefs }),
    reportUrgent: (input: UrgentReport) => call("reportUrgentContent", { body: input }),
    /** Beside the ack event in the room: the control plane stops this state's reminders. */
    acknowledgeAdvisory: (program: string, number: number) => call("acknowledgeAdvisory", { params: { program, number: String(number) } }),
    /** The coverage view's reminder timeline (the program's officers; 403 to anyone else). */
    reminderTimeline: (program: string, number: number) => call("getReminderTimeline", { params: { program, number: String(number) } }),
    /** "Remind now": the state's focal points are told at once (202, how many people). */
    remindNow: (program: string, number: number, memberState: string) =>
      call("remindNow", { params: { program, number: String(number) }, body: { memberState } }),

    audit: (filter: AuditFilter = {}) => call("listAudit", { query: filter }),
    verifyAudit: () => call("verifyAudit"),
  };
}

export type Api = ReturnType<typeof createApi>;
