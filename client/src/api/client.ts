// The only module that talks to the control plane. Sessions ride on the httpOnly cookie the server
// sets (path /api, SameSite=Strict), so no token is ever readable by scripts in the page.
import { ApiError, networkError, problemFrom } from "./errors.js";
import type {
  Session,
  LoginRequest,
  EnrollStart,
  EnrollCompleteRequest,
  Person,
  PersonWithHistory,
  Nomination,
  PeopleFilter,
  Approval,
  Expertise,
  DirectoryFilter,
  DirectoryPerson,
  Program,
  MemberState,
  MajorEvent,
  AuditEntry,
  AuditFilter,
  AuditVerification,
  QueuedNomination,
  EnrollmentLink,
  Decision,
  NominationOutcome,
} from "./types.js";
import type { MatrixSessionGrant } from "#shared/matrix/control-plane.js";

export interface ApiOptions {
  baseUrl?: string; // "" = same origin (the control plane serves the app)
  fetch?: typeof fetch;
  timeoutMs?: number;
}

type Listener<T> = (value: T) => void;
type Query = Record<string, string | number | undefined>;
interface Call {
  body?: unknown;
  query?: Query;
  public?: boolean;
}

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

function queryString(q: Query | undefined) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q ?? {})) if (v !== undefined && v !== "") p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : "";
}

export function createApi(opts: ApiOptions = {}) {
  const baseUrl = opts.baseUrl ?? "";
  const doFetch = opts.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const sessionEnded = listeners<ApiError>();
  const connectivity = listeners<boolean>();
  let online = true;
  const setOnline = (v: boolean) => {
    if (v !== online) {
      online = v;
      connectivity.emit(v);
    }
  };

  async function request<T>(method: string, path: string, call: Call = {}): Promise<T> {
    let res: Response;
    try {
      res = await doFetch(`${baseUrl}/api${path}${queryString(call.query)}`, {
        method,
        credentials: "same-origin",
        headers: call.body === undefined ? { accept: "application/json" } : { accept: "application/json", "content-type": "application/json" },
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (e) {
      // fetch rejects only when no HTTP answer arrived: offline, refused, DNS, timeout.
      setOnline(false);
      throw networkError(e instanceof Error ? e.message : String(e));
    }
    // A gateway answering for an unreachable control plane is a lost connection too.
    setOnline(!(res.status === 502 || res.status === 503 || res.status === 504) || path === "/health");
    if (!res.ok) {
      const err = await problemFrom(res);
      // On an authenticated call a 401 means the session is gone (expired, signed out elsewhere, suspended, revoked).
      if (res.status === 401 && !call.public) sessionEnded.emit(err);
      throw err;
    }
    if (res.status === 204) return undefined as T;
    return (await res.json()) as T;
  }

  const get = <T>(path: string, query?: Query) => request<T>("GET", path, { query });
  const post = <T>(path: string, body?: unknown) => request<T>("POST", path, { body: body ?? {} });

  return {
    /** Called with the problem whenever an authenticated call answers 401. */
    onSessionEnded: sessionEnded.add,
    /** Called with false when the control plane stops answering, true when it answers again. */
    onConnectivity: connectivity.add,
    isOnline: () => online,

    health: () =>
      request<{ status: string }>("GET", "/health", { public: true }).catch((e: unknown) => {
        // A degraded but answering control plane is still reachable.
        if (e instanceof ApiError && !e.isNetwork) {
          setOnline(true);
          return { status: "degraded" };
        }
        throw e;
      }),

    // The session arrives only as the HttpOnly cookie: no token in the body for browsers.
    login: (input: LoginRequest) => request<Session>("POST", "/auth/login", { body: input, public: true }),
    logout: () => request<void>("POST", "/auth/logout"),
    session: () => get<Session>("/auth/session"),
    enrollStart: (token: string) => request<EnrollStart>("POST", "/auth/enroll/start", { body: { token }, public: true }),
    enrollComplete: (input: EnrollCompleteRequest) => request<{ expiresAt: string }>("POST", "/auth/enroll/complete", { body: input, public: true }),

    programs: () => get<Program[]>("/programs"),
    memberStates: () => get<MemberState[]>("/member-states"),
    majorEvents: () => get<MajorEvent[]>("/events"),
    majorEvent: (id: string) => get<MajorEvent>(`/events/${encodeURIComponent(id)}`),

    nominate: (input: Nomination) => post<NominationOutcome>("/nominations", input),
    people: (filter: PeopleFilter = {}) => get<Person[]>("/people", filter as Query),
    person: (id: string) => get<PersonWithHistory>(`/people/${encodeURIComponent(id)}`),
    nominationQueue: () => get<QueuedNomination[]>("/vetting/nominations"),
    revettingQueue: () => get<Person[]>("/vetting/revetting"),
    approve: (id: string, reason: string) => post<Approval>(`/people/${encodeURIComponent(id)}/approve`, { reason }),
    decide: (id: string, decision: Decision, reason: string) => post<Person>(`/people/${encodeURIComponent(id)}/${decision}`, { reason }),
    reissueEnrollmentLink: (id: string) => post<EnrollmentLink>(`/people/${encodeURIComponent(id)}/enrollment-link`),

    directory: (filter: DirectoryFilter = {}) => get<DirectoryPerson[]>("/directory", filter as Query),
    setMyExpertise: (input: Expertise) => request<Expertise>("PUT", "/me/expertise", { body: input }),

    // Advisory numbering and countersigning: the control plane sees only the digest, never the text.
    reserveAdvisoryNumber: (programCode: string) => post<{ programCode: string; number: number }>("/advisories/numbers", { programCode }),
    countersignAdvisory: (programCode: string, number: number, digest: string) =>
      post<{ alg: "ed25519"; keyId: string; publicKey: string; signature: string }>("/advisories/countersign", { programCode, number, digest }),

    // Matrix sign-in: a short-lived, single-use grant for the homeserver's login, and this person's
    // cross-signing master key for their Secretariat-signed credential.
    matrixSession: () => post<MatrixSessionGrant>("/matrix/session"),
    /** The signed revocation list (as unknown JSON: readers verify it against the pinned key). */
    revocations: () => get<unknown>("/revocations"),
    registerMasterKey: (masterKey: string) => request<{ userId: string; masterKey: string }>("PUT", "/me/master-key", { body: { masterKey } }),

    audit: (filter: AuditFilter = {}) => get<AuditEntry[]>("/audit", filter as Query),
    verifyAudit: () => get<AuditVerification>("/audit/verify"),
  };
}

export type Api = ReturnType<typeof createApi>;
