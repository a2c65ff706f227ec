// Every error a person can get reads in their language: the control plane's problem types, the
// client's own (no answer, a gateway's page), secure messaging's session failures, failed sends and
// messages that cannot be decrypted yet. For each: a non-empty message in en, es, fr and pt; in es,
// fr and pt not a copy of the English; and what the client shows is that message, never the
// server's English title or detail nor an exception's English text.
import { describe, expect, it } from "vitest";
import type { TFunction } from "i18next";
import { DecryptionFailureCode } from "matrix-js-sdk/lib/crypto-api/index.js";
import { createI18n, LANGUAGES } from "./index.js";
import { en } from "./locales/en/index.js";
import { es } from "./locales/es/index.js";
import { fr } from "./locales/fr/index.js";
import { pt } from "./locales/pt/index.js";
import { CLIENT_PROBLEMS, PROBLEM_BASE, PROBLEM_TYPES, PROBLEMS } from "#shared/api/problems.js";
import { ApiError } from "../api/errors.js";
import { errorText } from "../ui/components/ErrorMessage.js";
import { failureText } from "../ui/composers/useSender.js";
import { sendFailure } from "../ui/composers/sendError.js";
import { classifySessionError, type SessionFailure } from "#shared/matrix/session-errors.js";
import { decryptionState, type DecryptionState } from "#shared/matrix/decryption-state.js";
import type { MatrixErrorReason } from "../matrix/MatrixClientContext.js";
import type { SignedOutReason } from "../app/session.js";
import { TlpCeilingError } from "#shared/content/tlp.js";
import { ContentTooLargeError, DocumentTooLargeError, InvalidContentError } from "#shared/content/errors.js";
import { NotAnEnlaceRoomError } from "#shared/matrix/send.js";
import { UnknownMajorEventError } from "#shared/matrix/registry.js";

const LOCALES = { en, es, fr, pt } as const;
const OTHERS = ["es", "fr", "pt"] as const;

/** The message at a dotted key ("errors.forbidden", "decryption.state.withheld"), or undefined. */
function at(messages: object, key: string): unknown {
  // Keys contain dots only between levels; problem types contain dashes, never dots.
  return key.split(".").reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), messages);
}

/** A non-empty message in every locale, and in es, fr and pt not the English one. */
function expectTranslated(key: string) {
  const english = at(en, key);
  expect(typeof english === "string" && english.trim().length > 0, `en: ${key}`).toBe(true);
  for (const lng of OTHERS) {
    const m = at(LOCALES[lng], key);
    expect(typeof m === "string" && m.trim().length > 0, `${lng}: ${key}`).toBe(true);
    expect(m, `${lng}: ${key} is the English text`).not.toBe(english);
  }
}

// Typed as records so that a new reason, state or failure kind fails the typecheck until it is listed here.
const MATRIX_ERRORS: Record<MatrixErrorReason, string> = {
  "no-homeserver": "matrix.error.no-homeserver",
  "foreign-account": "matrix.error.foreign-account",
  "other-tab": "matrix.error.other-tab",
  failed: "matrix.error.failed",
};
/** What MatrixClientContext/MatrixGate show for each kind of session failure (token-gone: a new login, silently). */
const SESSION_FAILURES: Record<SessionFailure["kind"], string[]> = {
  "token-gone": [],
  "rate-limited": ["matrix.reconnectingRateLimited"],
  transient: ["matrix.reconnectingOffline"],
  fatal: Object.values(MATRIX_ERRORS),
};
/** What the sign-in screen says about why the person is signed out ("none": nothing). */
const SIGNED_OUT: Record<SignedOutReason, string[]> = {
  none: [],
  "signed-out": ["signIn.signedOut"],
  "session-ended": ["signIn.sessionEnded"],
  unreachable: ["errors.network"],
};
const DECRYPTION_STATES = Object.keys({
  "waiting-for-key": 0,
  "before-joined": 0,
  "before-device": 0,
  "backup-locked": 0,
  withheld: 0,
  "this-device-unverified": 0,
  "sender-device-unverified": 0,
  "sender-identity-changed": 0,
  unknown: 0,
} satisfies Record<DecryptionState, 0>) as DecryptionState[];

/** One failure of each kind a send can end in (shared/content, shared/matrix, the homeserver). */
const SEND_ERRORS: unknown[] = [
  new TlpCeilingError("RED", "AMBER"),
  new DocumentTooLargeError(60 * 1024 * 1024),
  new InvalidContentError("alert", [{ path: ["title"], message: "Required" }]),
  new ContentTooLargeError(70_000, 65_536),
  new NotAnEnlaceRoomError("!room:hs.test"),
  new UnknownMajorEventError("not in the registry"),
  Object.assign(new Error("M_TOO_LARGE: upload too large"), { httpStatus: 413, errcode: "M_TOO_LARGE" }),
  Object.assign(new Error("M_FORBIDDEN: not allowed to send"), { httpStatus: 403, errcode: "M_FORBIDDEN" }),
  new TypeError("Failed to fetch"),
];

const problem = (type: string) =>
  new ApiError(PROBLEM_BASE + type, PROBLEMS[type as keyof typeof PROBLEMS]?.status ?? 0, "English title of the problem", "An English detail sentence.");

describe("every error a person can get has a message in their language", () => {
  const ts = Object.fromEntries(LANGUAGES.map((l) => [l, createI18n(l).t])) as Record<(typeof LANGUAGES)[number], TFunction>;

  it("each problem type of shared/api/problems.ts, the client's own and the fallback", () => {
    for (const type of [...PROBLEM_TYPES, ...CLIENT_PROBLEMS, "unknown"]) expectTranslated(`errors.${type}`);
  });

  it("the client shows the problem's message, never its English title or detail", () => {
    for (const type of [...PROBLEM_TYPES, ...CLIENT_PROBLEMS]) {
      const err = type === "network" ? new ApiError(`${PROBLEM_BASE}network`, 0, "Network error", "fetch failed") : problem(type);
      for (const lng of LANGUAGES) {
        const text = errorText(ts[lng], err);
        expect(text, `${lng}: ${type}`).not.toMatch(/English title|English detail|fetch failed|^errors\./);
        expect(text.length, `${lng}: ${type}`).toBeGreaterThan(0);
      }
    }
  });

  it("secure messaging's session failures and the sign-in screen's notices", () => {
    const keys = [...Object.values(SESSION_FAILURES).flat(), ...Object.values(SIGNED_OUT).flat(), "matrix.connecting", "matrix.reconnectNow"];
    for (const key of keys) expectTranslated(key);
    // The classification these messages follow: a lost connection, a rate limit, a refusal.
    expect(classifySessionError(new TypeError("Failed to fetch")).kind).toBe("transient");
    expect(classifySessionError({ errcode: "M_LIMIT_EXCEEDED", httpStatus: 429 }).kind).toBe("rate-limited");
    expect(classifySessionError({ errcode: "M_FORBIDDEN", httpStatus: 403 }).kind).toBe("fatal");
  });

  it("failed sends: the composer's text is translated, never the exception's English message", () => {
    for (const err of SEND_ERRORS) {
      const f = sendFailure(err);
      if ("key" in f) expectTranslated(`compose.err.${f.key}`);
      for (const lng of LANGUAGES) {
        const text = failureText(ts[lng], sendFailure(err, lng));
        expect(text, `${lng}: ${(err as Error).message}`).not.toContain((err as Error).message);
        expect(text, `${lng}: ${(err as Error).message}`).not.toMatch(/^compose\.err\./);
      }
    }
    // A control-plane problem during a send (an advisory's number) reads like any other problem.
    expect(failureText(ts.es, sendFailure(problem("advisory-number-used")))).toBe(es.errors["advisory-number-used"]);
  });

  it("every decryption state, for every code the SDK can report", () => {
    for (const state of DECRYPTION_STATES) expectTranslated(`decryption.state.${state}`);
    for (const key of ["decryption.kind", "decryption.retrying", "decryption.technical", "decryption.notTheSender"]) expectTranslated(key);
    for (const code of [...Object.values(DecryptionFailureCode), null, "SOMETHING_NEW"]) {
      const { state } = decryptionState(code);
      expect(DECRYPTION_STATES, String(code)).toContain(state);
      for (const lng of LANGUAGES) expect(ts[lng](`decryption.state.${state}`, { sender: "@ana:hs.test" })).not.toMatch(/^decryption\./);
    }
  });
});

/**
 * Strings that rightly read the same as in English: the product's name, placeholders only, and
 * words the language shares with English (checked by a reader of each language). Any other copy of
 * the English text is a translation someone forgot.
 */
const SAME_AS_ENGLISH: Record<(typeof OTHERS)[number], string[]> = {
  es: [
    "app.name",
    "cards.advisory.original",
    "notify.fallback.title",
    "compose.credibility.5",
    "expertise.venueType.arena",
    "venue.arena",
    "reminders.kinds.manual",
  ],
  fr: [
    "app.name",
    "cards.advisory.original",
    "notify.fallback.title",
    "app.menu",
    "home.urgent_one",
    "cards.kind.message",
    "talk.message.label",
    "cards.advisory.signature",
    "cards.document.date",
    "compose.document.date",
    "library.date",
    "cards.expertise.dates",
    "events.dates",
    "people.actions",
    "audit.action",
    "compose.credibility.5",
    "library.results_one",
    "library.results_other",
    "incident.title",
    "content.severity.info",
    "content.category.drone",
    "content.category.cyber",
    "content.category.surveillance",
    "content.category.radicalisation",
    "notify.link",
    "notify.title",
    "conversations.title",
    "nav.conversations",
  ],
  pt: [
    "app.name",
    "cards.advisory.original",
    "notify.fallback.title",
    "app.menu",
    "expertise.venueType.arena",
    "venue.arena",
    "expertise.venueType.shopping_center",
    "content.category.drone",
    "reminders.kinds.manual",
  ],
};

describe("every locale has the same keys in every namespace", () => {
  const keysOf = (o: object, p = ""): string[] =>
    Object.entries(o)
      .flatMap(([k, v]) => (typeof v === "string" ? [p + k] : keysOf(v, `${p}${k}.`)))
      .sort();

  it("no string is a forgotten copy of the English, beyond the few words the languages share", () => {
    for (const lng of OTHERS) {
      // Strings with words in them: "{{name}}: {{status}}." reads the same in every language.
      const copy = (k: string) => /[A-Za-z]{3}/.test((at(en, k) as string).replace(/{{\w+}}/g, "")) && at(LOCALES[lng], k) === at(en, k);
      expect(keysOf(en).filter(copy), lng).toEqual(SAME_AS_ENGLISH[lng].filter(copy).sort());
    }
  });

  it("namespace by namespace, so a difference names the namespace", () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(pt).sort()).toEqual(Object.keys(en).sort());
    for (const ns of Object.keys(en) as (keyof typeof en)[]) {
      for (const lng of OTHERS) expect(keysOf(LOCALES[lng][ns]), `${lng}: ${ns}`).toEqual(keysOf(en[ns]));
    }
  });
});
