import { describe, it, expect, beforeAll } from "vitest";
import { SCHEMAS, type ContentByKind } from "./schemas.js";
import { CONTENT_KINDS } from "./types.js";
import { AlertContent } from "./alert.js";
import { AdvisoryContent, UnsignedAdvisory } from "./advisory.js";
import { DocumentContent } from "./document.js";
import { ExpertiseRequestContent } from "./expertise-request.js";
import { AckContent } from "./ack.js";
import { DocumentTooLargeError, MAX_DOCUMENT_BYTES, assertDocumentSize } from "./errors.js";
import { EXAMPLES, EXAMPLE_UNSIGNED_ADVISORY } from "./examples.js";
import { allExamples } from "./test-fixtures.js";

let examples: ContentByKind;
beforeAll(async () => {
  examples = (await allExamples()).examples;
});

const alert = (patch: Record<string, unknown>) => AlertContent.safeParse({ ...EXAMPLES.alert, ...patch });

describe("content schemas", () => {
  it("accept every example", () => {
    for (const kind of CONTENT_KINDS) {
      const r = SCHEMAS[kind].safeParse(examples[kind]);
      expect(r.success, `${kind}: ${JSON.stringify(r.error?.issues)}`).toBe(true);
    }
  });

  it("require version 1 and a TLP on every payload that carries content", () => {
    for (const kind of CONTENT_KINDS.filter((k) => k !== "ack" && k !== "room.tlp")) {
      const { version: _v, ...noVersion } = examples[kind] as unknown as Record<string, unknown>;
      expect(SCHEMAS[kind].safeParse(noVersion).success, kind).toBe(false);
      expect(SCHEMAS[kind].safeParse({ ...examples[kind], version: 2 }).success, kind).toBe(false);
      expect(SCHEMAS[kind].safeParse({ ...examples[kind], tlp: "amber" }).success, kind).toBe(false);
    }
  });

  it("refuse unknown keys, including __proto__ from JSON", () => {
    expect(alert({ extra: 1 }).success).toBe(false);
    const polluted = JSON.parse(JSON.stringify(EXAMPLES.alert).replace(/^\{/, '{"__proto__":{"admin":true},'));
    expect(AlertContent.safeParse(polluted).success).toBe(false);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it("bound strings and arrays", () => {
    expect(alert({ title: "x".repeat(200) }).success).toBe(true);
    expect(alert({ title: "x".repeat(201) }).success).toBe(false);
    expect(alert({ summary: "y".repeat(4001) }).success).toBe(false);
    expect(alert({ summary: "y".repeat(10 * 1024 * 1024) }).success).toBe(false);
    expect(alert({ affectedStates: Array.from({ length: 41 }, (_, i) => String.fromCharCode(65 + (i % 26), 65 + Math.floor(i / 26))) }).success).toBe(false);
    expect(alert({ affectedStates: [] }).success).toBe(false);
    expect(alert({ attachments: Array(11).fill(EXAMPLES.alert.attachments![0]) }).success).toBe(false);
  });

  it("refuse control, bidi-override and lone-surrogate characters; allow LF and TAB only in multi-line text", () => {
    expect(alert({ summary: "line 1\nline 2\ttabbed" }).success).toBe(true);
    expect(alert({ title: "two\nlines" }).success).toBe(false);
    expect(alert({ title: "nul\u0000byte" }).success).toBe(false);
    expect(alert({ summary: "nul\u0000byte" }).success).toBe(false);
    expect(alert({ summary: "carriage\r\nreturn" }).success).toBe(false);
    expect(alert({ summary: "bell\u0007" }).success).toBe(false);
    expect(alert({ summary: "c1\u0085" }).success).toBe(false);
    expect(alert({ title: "line\u2028separator" }).success).toBe(false);
    expect(alert({ title: "invoice\u202Efdp.exe" }).success).toBe(false);
    expect(alert({ summary: "lone \uD800 surrogate" }).success).toBe(false);
    expect(alert({ title: "emoji 🚨 and accents: Bogotá, São Paulo, Montréal" }).success).toBe(true);
    expect(alert({ title: "   " }).success).toBe(false);
  });

  it("check codes and values: states, Admiralty, coordinates, timestamps", () => {
    expect(alert({ affectedStates: ["cl"] }).success).toBe(false);
    expect(alert({ affectedStates: ["CL", "CL"] }).success).toBe(false);
    expect(alert({ sourceReliability: "G" }).success).toBe(false);
    expect(alert({ informationCredibility: 7 }).success).toBe(false);
    expect(alert({ informationCredibility: 2.5 }).success).toBe(false);
    expect(alert({ severity: "severe" }).success).toBe(false);
    expect(alert({ location: { text: "x", lat: 10 } }).success).toBe(false);
    expect(alert({ location: { text: "x", lat: 91, lon: 0 } }).success).toBe(false);
    expect(alert({ location: { text: "x" } }).success).toBe(true);
    expect(alert({ validUntil: "2025-07-15" }).success).toBe(false);
    expect(alert({ validUntil: "2025-07-15T00:00:00+02:00" }).success).toBe(false);
    expect(alert({ validUntil: "2025-07-15T00:00:00.123Z" }).success).toBe(true);
  });

  it("check the advisory deadline rule", () => {
    const { ackDeadline: _d, ...noDeadline } = EXAMPLE_UNSIGNED_ADVISORY;
    expect(UnsignedAdvisory.safeParse(noDeadline).success).toBe(false);
    expect(UnsignedAdvisory.safeParse({ ...noDeadline, requiresAck: false }).success).toBe(true);
    expect(UnsignedAdvisory.safeParse({ ...EXAMPLE_UNSIGNED_ADVISORY, requiresAck: false }).success).toBe(false);
    expect(UnsignedAdvisory.safeParse({ ...EXAMPLE_UNSIGNED_ADVISORY, ackDeadline: EXAMPLE_UNSIGNED_ADVISORY.issuedAt }).success).toBe(false);
    expect(UnsignedAdvisory.safeParse({ ...EXAMPLE_UNSIGNED_ADVISORY, number: 0 }).success).toBe(false);
    expect(AdvisoryContent.safeParse(EXAMPLE_UNSIGNED_ADVISORY).success).toBe(false); // no signature block
    expect(AdvisoryContent.safeParse({ ...examples.advisory, signature: { ...examples.advisory.signature, signature: "short" } }).success).toBe(false);
  });

  it("check the Matrix encrypted-file object and file metadata", () => {
    const doc = (patch: Record<string, unknown>) => DocumentContent.safeParse({ ...EXAMPLES.document, ...patch });
    const file = EXAMPLES.document.file;
    expect(doc({ file: { ...file, url: "https://evil.example/x" } }).success).toBe(false);
    expect(doc({ file: { ...file, v: "v1" } }).success).toBe(false);
    expect(doc({ file: { ...file, key: { ...file.key, alg: "A128CTR" } } }).success).toBe(false);
    expect(doc({ file: { ...file, key: { ...file.key, key_ops: ["encrypt"] } } }).success).toBe(false);
    expect(doc({ file: { ...file, hashes: {} } }).success).toBe(false);
    expect(doc({ filename: "../../etc/passwd" }).success).toBe(false);
    expect(doc({ mimetype: "pdf" }).success).toBe(false);
    expect(doc({ size: MAX_DOCUMENT_BYTES }).success).toBe(true);
    expect(doc({ size: MAX_DOCUMENT_BYTES + 1 }).success).toBe(false);
    expect(doc({ language: "de" }).success).toBe(false);
  });

  it("has a document size limit with a typed error", () => {
    expect(MAX_DOCUMENT_BYTES).toBe(50 * 1024 * 1024);
    expect(() => assertDocumentSize(MAX_DOCUMENT_BYTES)).not.toThrow();
    expect(() => assertDocumentSize(MAX_DOCUMENT_BYTES + 1)).toThrow(DocumentTooLargeError);
    expect(() => assertDocumentSize(MAX_DOCUMENT_BYTES + 1)).toThrow(/50\.0 MiB/);
  });

  it("check expertise request dates and the ack's single reference", () => {
    expect(ExpertiseRequestContent.safeParse({ ...EXAMPLES["expertise.request"], endDate: "2027-07-01" }).success).toBe(false);
    expect(ExpertiseRequestContent.safeParse({ ...EXAMPLES["expertise.request"], eventId: "not-a-uuid" }).success).toBe(false);
    expect(AckContent.safeParse({ ...EXAMPLES.ack, body: "ack, and here is a secret" }).success).toBe(false);
    expect(AckContent.safeParse({ "m.relates_to": { ...EXAMPLES.ack["m.relates_to"], comment: "x" } }).success).toBe(false);
    expect(AckContent.safeParse({ "m.relates_to": { rel_type: "m.reference", event_id: "$x" } }).success).toBe(false);
    expect(AckContent.safeParse({ "m.relates_to": { rel_type: "org.oas.enlace.ack", event_id: "no-dollar" } }).success).toBe(false);
  });
});
