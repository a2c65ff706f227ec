import Papa from "papaparse";
import type { Acknowledger, AdvisoryCoverage } from "../../matrix/coverage.js";
import type { StateReadership } from "../../matrix/readership.js";
import type { ReminderTimeline } from "../../api/types.js";

type Reminders = ReminderTimeline["states"][number]["reminders"];

/** What the coverage view says of a state: its coverage status, or `unreadable` when its people are in the room but none can read. */
type DisplayStatus = AdvisoryCoverage["states"][number]["status"] | "unreadable";

export interface CoverageRow {
  state: string;
  status: DisplayStatus;
  late: boolean;
  acknowledgedAt: Date | null;
  /** Who acknowledged for the state (registry names from their credentials), earliest first. */
  acknowledgedBy: Acknowledger[];
  readership: StateReadership | undefined;
  /** Null when the reader may not see reminders (only the program's officers may). */
  reminders: Reminders | null;
}

/** The coverage table's rows, one per expected state, in the report's order. Pure. */
export function coverageRows(
  report: AdvisoryCoverage,
  readers: ReadonlyMap<string, StateReadership> | null,
  reminders: ReadonlyMap<string, Reminders> | null,
): CoverageRow[] {
  return report.states.map((s) => {
    const r = readers?.get(s.state);
    // A state whose people cannot read the advisory is blocked, not waiting: say so.
    const status: DisplayStatus = s.status !== "acknowledged" && r?.nobodyCanRead ? "unreadable" : s.status;
    return {
      state: s.state,
      status,
      late: s.status === "acknowledged" && s.late,
      acknowledgedAt: s.status === "acknowledged" ? s.firstAckAt : null,
      acknowledgedBy: report.acknowledgedBy.get(s.state) ?? [],
      readership: r,
      reminders: reminders ? (reminders.get(s.state) ?? []) : null,
    };
  });
}

/**
 * The coverage as CSV for the Secretariat's reports: stable codes (ISO state code, status, ISO
 * times), not the reader's language, so reports from different desks add up. Formula-looking
 * cells are escaped, as in the audit export. `acknowledged_by` lists each person as their registry
 * name (the account id when their credential carries none) and ISO time, separated by "; ".
 */
export function coverageCsv(rows: readonly CoverageRow[]): string {
  const out = rows.map((r) => ({
    state: r.state,
    status: r.status === "acknowledged" && r.late ? "acknowledged-late" : r.status,
    acknowledged_at: r.acknowledgedAt?.toISOString() ?? "",
    acknowledged_by: r.acknowledgedBy.map((p) => `${p.name ?? p.userId} (${p.at.toISOString()})`).join("; "),
    in_room: r.readership?.inRoom ?? 0,
    can_read: r.readership?.canRead ?? 0,
    acknowledged: r.readership?.acknowledged ?? 0,
    reminders_sent: r.reminders ? r.reminders.filter((m) => m.status === "sent").length : "",
  }));
  return Papa.unparse(out, {
    escapeFormulae: true,
    newline: "\r\n",
    columns: ["state", "status", "acknowledged_at", "acknowledged_by", "in_room", "can_read", "acknowledged", "reminders_sent"],
  });
}
