import Papa from "papaparse";
import type { AuditEntry, AuditVerdict } from "../../api/types.js";

/**
 * Each entry's verification result, from the chain's verdict: entries before the first broken one
 * verify; the broken one and everything after it do not (the chain cannot vouch for them).
 */
export function entryVerified(seq: number, v: AuditVerdict): "verified" | "not verified" {
  if (v.ok) return seq <= v.headSeq ? "verified" : "not verified";
  const broken = v.firstBroken?.seq ?? 0;
  return seq < broken ? "verified" : "not verified";
}

/**
 * The audit log as CSV for reports: one row per entry with names, the reason given, the details,
 * the entry's hash and checkpoint signature, and its verification result. Cells that a spreadsheet
 * would run as a formula (=, +, -, @) are escaped: names and reasons are typed by people.
 */
export function auditCsv(entries: AuditEntry[], verdict: AuditVerdict): string {
  const rows = entries.map((e) => ({
    seq: e.seq,
    at: e.at,
    actor: e.actor,
    actor_name: e.actorName ?? "",
    action: e.action,
    subject: e.subject ?? "",
    subject_name: e.subjectName ?? "",
    reason: typeof e.details.reason === "string" ? e.details.reason : "",
    details: JSON.stringify(e.details),
    hash: e.hash,
    checkpoint_signature: e.checkpointSignature ?? "",
    verification: entryVerified(e.seq, verdict),
  }));
  return Papa.unparse(rows, { escapeFormulae: true, newline: "\r\n" });
}
