/**
 * Every problem type the control plane answers with (RFC 9457 problem+json), with its HTTP status
 * and a short English title. The server's AppError takes its type from this list (a typo fails the
 * typecheck), the OpenAPI document and the bad-input tests read it, and the web client has a
 * translated message for each (client/src/i18n/locales, errors.*): the client never shows the
 * English title or a prose `detail`.
 */
export const PROBLEMS = {
  // Requests the HTTP layer cannot read
  "validation-failed": { status: 400, title: "The request is not valid" },
  "malformed-json": { status: 400, title: "Malformed JSON" },
  "bad-request": { status: 400, title: "Bad request" },
  "payload-too-large": { status: 413, title: "Request body too large" },
  "unsupported-media-type": { status: 415, title: "Unsupported media type" },
  "unsupported-encoding": { status: 415, title: "Unsupported encoding" },
  "headers-too-large": { status: 431, title: "Request headers too large" },
  "not-found": { status: 404, title: "Not found" },
  internal: { status: 500, title: "Internal error" },
  // Sign-in and sessions
  unauthenticated: { status: 401, title: "Authentication required" },
  "invalid-credentials": { status: 401, title: "Sign-in failed" },
  "too-many-attempts": { status: 429, title: "Too many attempts" },
  "server-busy": { status: 503, title: "Server busy" },
  "cli-token-refused": { status: 403, title: "Token not available to browsers" },
  forbidden: { status: 403, title: "Forbidden" },
  // Enrollment
  "enrollment-link-invalid": { status: 410, title: "Enrollment link not valid" },
  "enrollment-not-started": { status: 409, title: "Enrollment not started" },
  "totp-required": { status: 400, title: "Second factor required" },
  "totp-incorrect": { status: 400, title: "Second factor code not correct" },
  // The account page: changing one's own second factor
  "reauthentication-failed": { status: 403, title: "Password or code not correct" },
  "totp-change-not-started": { status: 409, title: "No new authenticator secret to confirm" },
  "totp-setup-required": { status: 403, title: "Set up a second factor first" },
  "totp-mandatory": { status: 409, title: "A second factor is required for this account" },
  // Registry and vetting
  "invalid-transition": { status: 409, title: "Invalid vetting transition" },
  "duplicate-nomination": { status: 409, title: "Conflict" },
  "duplicate-homeserver": { status: 409, title: "Conflict" },
  "not-awaiting-enrollment": { status: 409, title: "Conflict" },
  // Advisories and credentials
  "advisory-number-used": { status: 409, title: "Conflict" },
  "no-matrix-account": { status: 409, title: "Conflict" },
  // Direct conversations: the other person is not vetted (active, with a Matrix account), or is oneself
  "conversation-not-allowed": { status: 422, title: "No direct conversation with this person" },
  // Notifications
  "advisory-acknowledged": { status: 409, title: "Conflict" },
  "urgent-rate-limited": { status: 429, title: "Too many urgent notifications" },
  // Matrix accounts
  // 503 when it cannot be reached, 502 when it refused the request
  "homeserver-unavailable": { status: 503, title: "Homeserver unavailable", otherStatuses: [502] },
  "matrix-id-not-allowed": { status: 422, title: "Matrix ID not allowed" },
  "matrix-id-reserved": { status: 422, title: "Matrix ID reserved" },
  "matrix-id-taken": { status: 409, title: "Matrix ID taken" },
  "no-local-matrix-account": { status: 409, title: "Conflict" },
  "matrix-id-exhausted": { status: 409, title: "Conflict" },
} as const satisfies Record<string, { status: number; title: string; otherStatuses?: readonly number[] }>;

export type ProblemType = keyof typeof PROBLEMS;
export const PROBLEM_TYPES = Object.keys(PROBLEMS) as ProblemType[];

/** The stable URI prefix of every problem type (`type` is this plus the key). */
export const PROBLEM_BASE = "https://enlace.oas.org/problems/";

/** The statuses a problem type is answered with: its own, and the few others it has. */
export const statusesOf = (type: ProblemType): readonly number[] => {
  const p: { status: number; otherStatuses?: readonly number[] } = PROBLEMS[type];
  return [p.status, ...(p.otherStatuses ?? [])];
};

export const isProblemType = (s: string): s is ProblemType => Object.hasOwn(PROBLEMS, s);

/**
 * What a client can run into without the control plane answering a problem: no answer at all
 * (`network`), a gateway's or proxy's page instead of the control plane's JSON (`bad-gateway`), or
 * an answer it cannot read (`unexpected`). The client translates these like the server's types.
 */
export const CLIENT_PROBLEMS = ["network", "bad-gateway", "unexpected"] as const;
export type ClientProblemType = (typeof CLIENT_PROBLEMS)[number];
