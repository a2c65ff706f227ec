// The web app's control-plane module: the one typed client of shared/api with what the screens
// need on top (connectivity and session-ended events, named calls). Sessions ride on the httpOnly
// cookie the server sets (path /api, SameSite=Strict), so no token is ever readable by scripts in the page.
import { ApiError, createClient } from "#shared/api/client.js";
import { OPERATIONS, type OperationId } from "#shared/api/operations.js";
import type { Decision, DirectoryFilter, PeopleFilter, AuditFilter, LoginRequest, EnrollCompleteRequest, Nomination, Expertise } from "./types.js";

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

    programs: () => call("listPrograms"),
    memberStates: () => call("listMemberStates"),
    majorEvents: () => call("listEvents"),
    majorEvent: (id: string) => call("getEvent", { params: { id } }),

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

    // Advisory numbering and countersigning: the control plane sees only the digest, never the text.
    reserveAdvisoryNumber: (programCode: string) => call("reserveAdvisoryNumber", { body: { programCode } }),
    countersignAdvisory: (programCode: string, number: number, digest: string) => call("countersignAdvisory", { body: { programCode, number, digest } }),

    // Matrix sign-in: a short-lived, single-use grant for the homeserver's login, and this person's
    // cross-signing master key for their Secretariat-signed credential.
    matrixSession: () => call("createMatrixSession"),
    /** The signed revocation list (readers verify it against the pinned key). */
    revocations: () => call("getRevocations"),
    registerMasterKey: (masterKey: string) => call("registerMasterKey", { body: { masterKey } }),

    audit: (filter: AuditFilter = {}) => call("listAudit", { query: filter }),
    verifyAudit: () => call("verifyAudit"),
  };
}

export type Api = ReturnType<typeof createApi>;
