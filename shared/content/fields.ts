import { z } from "zod";
import { MAX_DOCUMENT_BYTES } from "./errors.js";

/*
 * Bounded building blocks for every content schema. Incoming content comes from other members'
 * clients, which we do not trust to be well-behaved: every string and array has a maximum, and
 * text refuses characters that can hide or spoof what a reader sees. Nothing here transforms
 * (no trim, no case folding): a schema only says yes or no, so what was signed or sent is
 * exactly what is parsed, and advisory signatures stay verifiable.
 */

// C0 controls except TAB and LF (CR is refused too: composers normalise CRLF to LF), DEL, C1.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point (to refuse them)
const CONTROL_MULTILINE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above
const CONTROL_LINE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
// Bidirectional overrides/isolates: the "Trojan Source" trick, e.g. a filename shown as *.pdf.
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
// A lone surrogate cannot be encoded as UTF-8 and breaks canonical JSON and signatures.
const LONE_SURROGATE = /\p{Cs}/u;
const NOT_BLANK = /\S/;

const cleanLine = (s: string) => !CONTROL_LINE.test(s) && !BIDI_CONTROL.test(s) && !LONE_SURROGATE.test(s);
const cleanText = (s: string) => !CONTROL_MULTILINE.test(s) && !BIDI_CONTROL.test(s) && !LONE_SURROGATE.test(s);

/** One line of text, 1..max UTF-16 units, not blank, no control or bidi-override characters. */
export const line = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((s) => s.length > max || cleanLine(s), "must be a single line without control characters")
    .refine((s) => NOT_BLANK.test(s), "must not be blank");

/** Multi-line text (LF and TAB allowed), 1..max UTF-16 units, not blank. */
export const text = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((s) => s.length > max || cleanText(s), "must not contain control characters other than line breaks and tabs")
    .refine((s) => NOT_BLANK.test(s), "must not be blank");

/** A bounded list whose items are all different (state codes, program codes, topics). */
export const uniqueList = <T extends z.ZodType<string>>(item: T, min: number, max: number) =>
  z
    .array(item)
    .min(min)
    .max(max)
    .refine((a) => a.length > max || new Set(a).size === a.length, "must not repeat an entry");

/** ISO 3166-1 alpha-2, upper case. Not limited to OAS members: an alert may concern others. */
export const StateCode = z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code such as CL");
export const ProgramCode = z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, "must be a program code such as tourism");
/** RFC 3339 UTC timestamp with Z (zod's default: no offsets), so values compare as instants. */
export const IsoDateTime = z.iso.datetime();
export const IsoDate = z.iso.date();
export const Uuid = z.uuid();
/** OAS official languages: the ones the client UI offers. */
export const Language = z.enum(["en", "es", "pt", "fr"]);
export type Language = z.infer<typeof Language>;

/**
 * A Matrix event ID: `$` + url-safe base64 in room versions 4+, `$opaque:server` before.
 * Printable ASCII only, so it can never carry markup or spaces into a fallback.
 */
export const EventId = z
  .string()
  .max(255)
  .regex(/^\$[\x21-\x7E]{1,254}$/, "must be a Matrix event ID");

const MxcUrl = z
  .string()
  .max(512)
  .regex(/^mxc:\/\/[A-Za-z0-9.\-:[\]]{1,255}\/[A-Za-z0-9_-]{1,255}$/, "must be an mxc:// URL");

/** Where: free text, optionally with WGS84 coordinates (both or neither). */
export const Location = z
  .strictObject({
    text: line(300),
    lat: z.number().min(-90).max(90).optional(),
    lon: z.number().min(-180).max(180).optional(),
  })
  .refine((l) => (l.lat === undefined) === (l.lon === undefined), "lat and lon go together");
export type Location = z.infer<typeof Location>;

/**
 * The Matrix encrypted-attachment object (client-server spec "Sending encrypted attachments";
 * what matrix-encrypt-attachment produces, plus the `url` of the uploaded ciphertext).
 */
export const EncryptedFile = z.strictObject({
  url: MxcUrl,
  key: z.strictObject({
    kty: z.literal("oct"),
    alg: z.literal("A256CTR"),
    k: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "must be a 256-bit key in unpadded base64url"),
    key_ops: z
      .array(z.enum(["encrypt", "decrypt"]))
      .min(1)
      .max(2)
      .refine((o) => o.includes("decrypt"), "must include decrypt"),
    ext: z.literal(true),
  }),
  iv: z.string().regex(/^[A-Za-z0-9+/]{22}(==)?$/, "must be a 128-bit IV in base64"),
  hashes: z.strictObject({ sha256: z.string().regex(/^[A-Za-z0-9+/]{43}=?$/, "must be a SHA-256 in base64") }),
  v: z.literal("v2"),
});
export type EncryptedFile = z.infer<typeof EncryptedFile>;

export const MimeType = z
  .string()
  .max(127)
  .regex(/^[A-Za-z0-9!#$&^_.+-]+\/[A-Za-z0-9!#$&^_.+-]+$/, "must be a MIME type such as application/pdf");
/** A file name, not a path: no separators, nothing that can spoof its extension. */
export const FileName = line(255).refine((s) => !/[/\\]/.test(s) && s !== "." && s !== "..", "must be a file name without / or \\");
export const FileSize = z.int().min(0).max(MAX_DOCUMENT_BYTES, `must be at most ${MAX_DOCUMENT_BYTES} bytes (50 MiB)`);

/** An encrypted file uploaded with the event (alert attachments). */
export const FileRef = z.strictObject({ file: EncryptedFile, filename: FileName, mimetype: MimeType, size: FileSize });
export type FileRef = z.infer<typeof FileRef>;

/** `version: 1` on every payload: a newer client bumps it and older ones say so (parse.ts). */
export const V1 = z.literal(1);
