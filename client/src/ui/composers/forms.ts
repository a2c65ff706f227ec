// Form values (what the inputs hold: strings) → Enlace content, checked by the shared zod schemas.
// Pure, so the mapping and its field errors are unit-tested without a browser.
import type { z } from "zod";
import { AlertContent } from "#shared/content/alert.js";
import { IncidentContent } from "#shared/content/incident.js";
import { IncidentUpdateContent } from "#shared/content/incident-update.js";
import { ExpertiseRequestContent, VenueType } from "#shared/content/expertise-request.js";
import { ExpertiseOfferContent } from "#shared/content/expertise-offer.js";
import { ExpertiseStatusContent } from "#shared/content/expertise-status.js";
import { UnsignedAdvisory } from "#shared/content/advisory.js";
import { DocumentContent, MAX_DOCUMENT_BYTES } from "#shared/content/document.js";
import type { FileRef, Language } from "#shared/content/fields.js";
import { TLP_LEVELS, isWithinCeiling, type Tlp } from "#shared/content/tlp.js";
import type { MajorEvent } from "../../api/types.js";
import { ceilingError, fieldErrors, type FieldErrors } from "./issues.js";

export type Checked<T> = { ok: true; content: T } | { ok: false; errors: FieldErrors };

/** Composers normalise CRLF to LF (the schemas refuse CR) and trim the ends; empty means absent. */
export const cleanText = (s: string): string => s.replace(/\r\n?/g, "\n").trim();
const optional = (s: string): string | undefined => (cleanText(s) === "" ? undefined : cleanText(s));

/** "a, b ,, c" → ["a", "b", "c"]; duplicates are kept so the schema can name them. */
export const splitList = (s: string): string[] =>
  s
    .split(/[,;\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

/** A local `datetime-local` value ("2027-03-01T18:30") → RFC 3339 UTC, or the raw text when not a date. */
export function localToIso(v: string): string {
  if (!v) return "";
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? v : d.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** The levels a TLP selector offers: none above the room's ceiling. */
export const tlpChoices = (ceiling: Tlp | null): Tlp[] => TLP_LEVELS.filter((l) => !ceiling || isWithinCeiling(l, ceiling));

/** GREEN when the room allows it: a sender raises the marking consciously. */
export const defaultTlp = (ceiling: Tlp | null, preferred: Tlp = "GREEN"): Tlp => (!ceiling || isWithinCeiling(preferred, ceiling) ? preferred : ceiling);

function check<S extends z.ZodType>(
  schema: S,
  content: unknown,
  tlp: string,
  ceiling: Tlp | null,
  fieldOf?: (p: ReadonlyArray<PropertyKey>) => string,
): Checked<z.infer<S>> {
  const r = schema.safeParse(content);
  const errors: FieldErrors = r.success ? {} : fieldErrors(r.error.issues, fieldOf);
  const above = ceilingError(tlp, ceiling);
  if (above) errors.tlp = above;
  return Object.keys(errors).length === 0 && r.success ? { ok: true, content: r.data } : { ok: false, errors };
}

// ---- alert ----
export interface AlertForm {
  tlp: string;
  title: string;
  summary: string;
  severity: string;
  category: string;
  affectedStates: string[];
  location: string;
  validUntil: string;
  sourceReliability: string;
  informationCredibility: string;
}
export const emptyAlert = (ceiling: Tlp | null, myState: string | null): AlertForm => ({
  tlp: defaultTlp(ceiling, "AMBER"),
  title: "",
  summary: "",
  severity: "medium",
  category: "",
  affectedStates: myState ? [myState] : [],
  location: "",
  validUntil: "",
  sourceReliability: "",
  informationCredibility: "",
});
export function alertContent(f: AlertForm, ceiling: Tlp | null, attachments: FileRef[] = []): Checked<AlertContent> {
  const location = optional(f.location);
  const content = {
    version: 1,
    tlp: f.tlp,
    title: cleanText(f.title),
    summary: cleanText(f.summary),
    severity: f.severity,
    category: f.category || undefined,
    affectedStates: f.affectedStates,
    ...(location ? { location: { text: location } } : {}),
    validUntil: localToIso(f.validUntil),
    sourceReliability: f.sourceReliability || undefined,
    informationCredibility: f.informationCredibility ? Number(f.informationCredibility) : undefined,
    ...(attachments.length ? { attachments } : {}),
  };
  return check(AlertContent, content, f.tlp, ceiling);
}

// ---- incident and its updates ----
export interface IncidentForm {
  tlp: string;
  title: string;
  what: string;
  where: string;
  when: string;
  status: string;
}
export const emptyIncident = (ceiling: Tlp | null): IncidentForm => ({ tlp: defaultTlp(ceiling), title: "", what: "", where: "", when: "", status: "ongoing" });
export function incidentContent(f: IncidentForm, ceiling: Tlp | null): Checked<IncidentContent> {
  const content = {
    version: 1,
    tlp: f.tlp,
    title: cleanText(f.title),
    what: cleanText(f.what),
    where: { text: cleanText(f.where) },
    when: localToIso(f.when),
    status: f.status,
  };
  return check(IncidentContent, content, f.tlp, ceiling);
}

export interface UpdateForm {
  tlp: string;
  status: string;
  text: string;
}
export function incidentUpdateContent(f: UpdateForm, incidentEventId: string, ceiling: Tlp | null): Checked<IncidentUpdateContent> {
  return check(IncidentUpdateContent, { version: 1, tlp: f.tlp, incidentEventId, status: f.status, text: cleanText(f.text) }, f.tlp, ceiling);
}

// ---- lessons-learned document ----
export interface DocumentForm {
  tlp: string;
  title: string;
  event: string;
  eventId: string;
  date: string;
  topics: string;
  language: string;
  summary: string;
}
export const emptyDocument = (ceiling: Tlp | null, language: string): DocumentForm => ({
  tlp: defaultTlp(ceiling),
  title: "",
  event: "",
  eventId: "",
  date: "",
  topics: "",
  language,
  summary: "",
});
export type DocumentMetaContent = Omit<DocumentContent, "file" | "mimetype" | "size" | "filename" | "version">;
export interface PickedFile {
  name: string;
  size: number;
  type: string;
}

/** Metadata checked against the document schema with the picked file's own facts (and a stand-in key). */
export function documentMeta(f: DocumentForm, file: PickedFile | null, ceiling: Tlp | null): Checked<DocumentMetaContent> {
  const meta = {
    tlp: f.tlp,
    title: cleanText(f.title),
    event: cleanText(f.event),
    ...(f.eventId ? { eventId: f.eventId } : {}),
    date: f.date,
    topics: splitList(f.topics),
    language: f.language,
    summary: cleanText(f.summary),
  };
  const probe = { version: 1, ...meta, file: STAND_IN_FILE, mimetype: mimeOf(file), size: file?.size ?? 0, filename: file?.name ?? "file" };
  const r = check(DocumentContent, probe, f.tlp, ceiling, (p) => (["file", "mimetype", "size", "filename"].includes(String(p[0])) ? "file" : String(p[0])));
  if (!file) return { ok: false, errors: { ...(r.ok ? {} : r.errors), file: { key: "fileMissing" } } };
  if (file.size > MAX_DOCUMENT_BYTES) return { ok: false, errors: { ...(r.ok ? {} : r.errors), file: { key: "fileTooLarge", values: { max: "50 MiB" } } } };
  return r.ok ? { ok: true, content: meta as DocumentMetaContent } : r;
}

/** Browsers leave `type` empty for unknown extensions. */
export const mimeOf = (file: PickedFile | null): string =>
  file?.type && /^[\w!#$&^.+-]+\/[\w!#$&^.+-]+$/.test(file.type) ? file.type : "application/octet-stream";

const STAND_IN_FILE = {
  url: "mxc://localhost/standin",
  key: { kty: "oct", alg: "A256CTR", k: "A".repeat(43), key_ops: ["encrypt", "decrypt"], ext: true },
  iv: "A".repeat(22),
  hashes: { sha256: "A".repeat(43) },
  v: "v2",
};

// ---- expertise request, offer and status ----
/** The registry's venue vocabulary ("open-air") → the content's ("open_air"). */
export function venueOf(registryVenue: string): VenueType {
  const direct = registryVenue.replace(/-/g, "_");
  if (VenueType.safeParse(direct).success) return direct as VenueType;
  return registryVenue === "multiple" ? "mixed" : "other";
}

export interface RequestForm {
  tlp: string;
  eventId: string;
  areasNeeded: string;
  form: string;
  deadline: string;
  details: string;
}
export const emptyRequest = (ceiling: Tlp | null, eventId = ""): RequestForm => ({
  tlp: defaultTlp(ceiling),
  eventId,
  areasNeeded: "",
  form: "either",
  deadline: "",
  details: "",
});
export function expertiseRequestContent(f: RequestForm, events: readonly MajorEvent[], ceiling: Tlp | null): Checked<ExpertiseRequestContent> {
  const e = events.find((x) => x.id === f.eventId);
  const details = optional(f.details);
  const content = {
    version: 1,
    tlp: f.tlp,
    eventId: e?.id ?? "",
    eventName: e?.name ?? "",
    hostState: e?.hostState ?? "",
    startDate: e?.startsOn.slice(0, 10) ?? "",
    endDate: e?.endsOn.slice(0, 10) ?? "",
    venueType: e ? venueOf(e.venueType) : "",
    areasNeeded: splitList(f.areasNeeded),
    form: f.form,
    deadline: localToIso(f.deadline),
    status: "open",
    ...(details ? { details } : {}),
  };
  // Every registry-derived field is shown as the event choice.
  const registry = new Set(["eventId", "eventName", "hostState", "startDate", "endDate", "venueType"]);
  return check(ExpertiseRequestContent, content, f.tlp, ceiling, (p) => (registry.has(String(p[0])) ? "eventId" : String(p[0])));
}

export interface OfferForm {
  tlp: string;
  areas: string;
  form: string;
  availability: string;
  note: string;
}
export function expertiseOfferContent(f: OfferForm, requestEventId: string, ceiling: Tlp | null): Checked<ExpertiseOfferContent> {
  const note = optional(f.note);
  const content = {
    version: 1,
    tlp: f.tlp,
    requestEventId,
    areas: splitList(f.areas),
    form: f.form,
    availability: cleanText(f.availability),
    ...(note ? { note } : {}),
  };
  return check(ExpertiseOfferContent, content, f.tlp, ceiling);
}

export function expertiseStatusContent(tlp: Tlp, requestEventId: string, status: string, note: string, ceiling: Tlp | null): Checked<ExpertiseStatusContent> {
  const n = optional(note);
  return check(ExpertiseStatusContent, { version: 1, tlp, requestEventId, status, ...(n ? { note: n } : {}) }, tlp, ceiling);
}

// ---- advisory (Secretariat) ----
/** A version in another language, as the composer holds it. */
export interface AdvisoryVersionForm {
  language: Language;
  title: string;
  body: string;
}
export interface AdvisoryForm {
  tlp: string;
  programCode: string;
  /** The language of the title and body: the original version. */
  language: Language;
  title: string;
  body: string;
  translations: AdvisoryVersionForm[];
  programs: string[];
  requiresAck: boolean;
  ackDeadline: string;
}
export type AdvisoryDraftContent = Omit<UnsignedAdvisory, "number" | "issuedAt" | "version">;
export const emptyAdvisory = (ceiling: Tlp | null, programCode: string, language: Language = "en"): AdvisoryForm => ({
  tlp: defaultTlp(ceiling, "AMBER"),
  programCode,
  language,
  title: "",
  body: "",
  translations: [],
  programs: programCode ? [programCode] : [],
  requiresAck: true,
  ackDeadline: "",
});

/** ["translations", 1, "title"] → "translations.1.title": each version's inputs show their own errors. */
const advisoryField = (p: ReadonlyArray<PropertyKey>): string =>
  p[0] === "translations" && typeof p[1] === "number" ? `translations.${p[1]}.${String(p[2] ?? "title")}` : String(p[0] ?? "form");

/**
 * Checked as it will be signed (with this moment as issuedAt and a stand-in number) before a
 * number is reserved, so a mistake never burns one of the program's advisory numbers.
 */
export function advisoryDraft(f: AdvisoryForm, ceiling: Tlp | null, now = new Date()): Checked<AdvisoryDraftContent> {
  const draft = {
    tlp: f.tlp,
    programCode: f.programCode,
    title: cleanText(f.title),
    body: cleanText(f.body),
    language: f.language,
    ...(f.translations.length
      ? { translations: f.translations.map((v) => ({ language: v.language, title: cleanText(v.title), body: cleanText(v.body) })) }
      : {}),
    programs: f.programs,
    requiresAck: f.requiresAck,
    ...(f.requiresAck ? { ackDeadline: localToIso(f.ackDeadline) || undefined } : {}),
  };
  const r = check(UnsignedAdvisory, { version: 1, ...draft, number: 1, issuedAt: now.toISOString() }, f.tlp, ceiling, advisoryField);
  return r.ok ? { ok: true, content: draft as AdvisoryDraftContent } : r;
}
