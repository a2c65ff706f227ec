import type { z } from "zod";
import { tlpLabel, isTlp, isWithinCeiling, type Tlp } from "#shared/content/tlp.js";

/** A field error as an i18n key under `compose.err` plus its values; the UI translates it. */
export interface FieldError {
  key: ErrKey;
  values?: Record<string, string | number>;
}
export type FieldErrors = Partial<Record<string, FieldError>>;

type ErrKey =
  | "required"
  | "tooLong"
  | "tooShort"
  | "tooMany"
  | "chooseOne"
  | "choose"
  | "date"
  | "format"
  | "characters"
  | "duplicate"
  | "endBeforeStart"
  | "ackDeadlineMissing"
  | "ackDeadlineOrder"
  | "filename"
  | "invalid"
  | "aboveCeiling"
  | "fileMissing"
  | "fileTooLarge"
  | "versionLanguage"
  | "versionsTooLong";

// The shared schemas speak English to developers; these are the custom messages a composer can
// meet, turned into keys the four locales translate. Anything else reads as "not valid".
const CUSTOM: ReadonlyArray<[RegExp, ErrKey]> = [
  [/must not be blank/, "required"],
  [/control characters/, "characters"],
  [/must not repeat an entry/, "duplicate"],
  [/cannot end before it starts|must not be before startsOn/, "endBeforeStart"],
  [/requires acknowledgement needs a deadline/, "ackDeadlineMissing"],
  [/deadline must be after/, "ackDeadlineOrder"],
  [/file name without/, "filename"],
  [/each language has one version/, "versionLanguage"],
  [/all versions together must not exceed/, "versionsTooLong"],
];

type Issue = z.core.$ZodIssue;

function issueError(issue: Issue): FieldError {
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "array") return Number(issue.minimum) <= 1 ? { key: "chooseOne" } : { key: "tooShort", values: { min: Number(issue.minimum) } };
      if (issue.origin === "string") return Number(issue.minimum) <= 1 ? { key: "required" } : { key: "tooShort", values: { min: Number(issue.minimum) } };
      return { key: "choose" };
    case "too_big":
      if (issue.origin === "array") return { key: "tooMany", values: { max: Number(issue.maximum) } };
      if (issue.origin === "string") return { key: "tooLong", values: { max: Number(issue.maximum) } };
      return { key: "invalid" };
    case "invalid_format":
      return issue.format === "datetime" || issue.format === "date" ? { key: "date" } : { key: "format" };
    case "invalid_value":
      return { key: "choose" };
    case "invalid_type":
      return { key: "required" };
    case "custom":
      return { key: CUSTOM.find(([re]) => re.test(issue.message))?.[1] ?? "invalid" };
    default:
      return { key: "invalid" };
  }
}

/**
 * zod issues → one error per form field (the first one wins: it is usually the most basic).
 * `fieldOf` maps a content path to the form field showing it (e.g. ["where","text"] → "where").
 */
export function fieldErrors(issues: ReadonlyArray<Issue>, fieldOf: (path: ReadonlyArray<PropertyKey>) => string = (p) => String(p[0] ?? "form")): FieldErrors {
  const out: FieldErrors = {};
  for (const i of issues) {
    const field = fieldOf(i.path);
    if (!out[field]) out[field] = issueError(i);
  }
  return out;
}

export function ceilingError(tlp: string, ceiling: Tlp | null): FieldError | undefined {
  if (!ceiling || !isTlp(tlp)) return undefined;
  return isWithinCeiling(tlp, ceiling) ? undefined : { key: "aboveCeiling", values: { ceiling: tlpLabel(ceiling) } };
}
