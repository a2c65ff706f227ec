import { describe, expect, it } from "vitest";
import Papa from "papaparse";
import { auditCsv, entryVerified } from "./auditCsv.js";
import type { AuditEntry } from "../../api/types.js";

const entry = (seq: number, over: Partial<AuditEntry> = {}): AuditEntry => ({
  seq,
  at: "2026-12-01T10:00:00.000Z",
  actor: "a1",
  actorName: "Olga Officer",
  action: "person.suspended",
  subject: "p1",
  subjectName: "Ana Pérez",
  details: { reason: "left the ministry", from: "active" },
  hash: `h${seq}`,
  checkpointSignature: null,
  ...over,
});

describe("audit CSV", () => {
  const ok = { ok: true, entries: 3, headSeq: 3, lastCheckpoint: 2, firstBroken: null };
  const broken = { ok: false, entries: 3, headSeq: 3, lastCheckpoint: 0, firstBroken: { seq: 2, problem: "hash mismatch" } };

  it("marks each entry by the chain's verdict: everything before the first broken entry verifies", () => {
    expect([1, 2, 3].map((s) => entryVerified(s, ok))).toEqual(["verified", "verified", "verified"]);
    expect([1, 2, 3].map((s) => entryVerified(s, broken))).toEqual(["verified", "not verified", "not verified"]);
    expect(entryVerified(4, ok)).toBe("not verified"); // written after the verification ran
  });

  it("round-trips names, reasons with commas and quotes, and details; escapes formulas", () => {
    const csv = auditCsv([entry(1), entry(2, { subjectName: '=HYPERLINK("http://x")', details: { reason: 'said "no", twice' } })], broken);
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true }).data;
    expect(parsed[0]).toMatchObject({ seq: "1", actor_name: "Olga Officer", subject_name: "Ana Pérez", reason: "left the ministry", verification: "verified" });
    expect(parsed[1].reason).toBe('said "no", twice');
    expect(parsed[1].subject_name.startsWith("'=")).toBe(true);
    expect(parsed[1].verification).toBe("not verified");
    expect(JSON.parse(parsed[0].details)).toEqual({ reason: "left the ministry", from: "active" });
  });
});
