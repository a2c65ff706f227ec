import { describe, expect, it } from "vitest";
import Papa from "papaparse";
import { computeCoverage } from "#shared/content/coverage.js";
import { coverageCsv, coverageRows } from "./coverageRows.js";

const report = {
  ...computeCoverage({
    advisory: { ackDeadline: "2025-07-10T18:00:00Z" },
    expectedStates: ["BR", "CL", "JM", "TT"],
    acks: [{ state: "CL", at: new Date("2025-07-11T09:00:00Z") }],
    now: new Date("2025-07-11T12:00:00Z"),
    withFocalPoints: new Set(["BR", "CL", "JM"]),
  }),
  notCounted: [],
  acknowledgedBy: new Map([
    [
      "CL",
      [
        { userId: "@ana:cl", name: "Ana Pérez", at: new Date("2025-07-11T09:00:00Z") },
        // A credential from before names: the account id stands in.
        { userId: "@old:cl", name: null, at: new Date("2025-07-11T10:00:00Z") },
      ],
    ],
  ]),
};
const readers = new Map([
  ["BR", { inRoom: 2, canRead: 1, acknowledged: 0, nobodyCanRead: false }],
  ["CL", { inRoom: 1, canRead: 1, acknowledged: 1, nobodyCanRead: false }],
  ["JM", { inRoom: 1, canRead: 0, acknowledged: 0, nobodyCanRead: true }],
]);
const sent = { at: "2025-07-10T06:00:00Z", kind: "scheduled", audience: "focal-points", status: "sent" } as const;
const reminders = new Map([
  ["BR", [sent, { ...sent, kind: "manual" as const }, { ...sent, kind: "deadline" as const, audience: "coordinator" as const, status: "pending" as const }]],
]);

describe("coverage rows and CSV", () => {
  it("gives each expected state its status, unreadable and no-focal-point included", () => {
    const rows = coverageRows(report, readers, reminders);
    expect(rows.map((r) => [r.state, r.status, r.late])).toEqual([
      ["BR", "overdue", false],
      ["CL", "acknowledged", true],
      ["JM", "unreadable", false],
      ["TT", "no-focal-point", false],
    ]);
    expect(rows[3]?.reminders).toEqual([]);
    expect(rows.map((r) => r.acknowledgedBy.map((p) => p.userId))).toEqual([[], ["@ana:cl", "@old:cl"], [], []]);
    expect(coverageRows(report, readers, null)[0]?.reminders).toBeNull();
  });

  it("exports one row per state in stable codes, counting only reminders sent", () => {
    const csv = coverageCsv(coverageRows(report, readers, reminders));
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true }).data;
    expect(parsed).toEqual([
      { state: "BR", status: "overdue", acknowledged_at: "", acknowledged_by: "", in_room: "2", can_read: "1", acknowledged: "0", reminders_sent: "2" },
      {
        state: "CL",
        status: "acknowledged-late",
        acknowledged_at: "2025-07-11T09:00:00.000Z",
        acknowledged_by: "Ana Pérez (2025-07-11T09:00:00.000Z); @old:cl (2025-07-11T10:00:00.000Z)",
        in_room: "1",
        can_read: "1",
        acknowledged: "1",
        reminders_sent: "0",
      },
      { state: "JM", status: "unreadable", acknowledged_at: "", acknowledged_by: "", in_room: "1", can_read: "0", acknowledged: "0", reminders_sent: "0" },
      { state: "TT", status: "no-focal-point", acknowledged_at: "", acknowledged_by: "", in_room: "0", can_read: "0", acknowledged: "0", reminders_sent: "0" },
    ]);
    // A name that reads as a spreadsheet formula is escaped, not run.
    const [hostile] = coverageRows(
      { ...report, acknowledgedBy: new Map([["BR", [{ userId: "@eve:br", name: "=HYPERLINK(1)", at: new Date("2025-07-11T11:00:00Z") }]]]) },
      readers,
      null,
    );
    expect(Papa.parse<Record<string, string>>(coverageCsv([hostile!]), { header: true }).data[0]?.acknowledged_by).toBe(
      "'=HYPERLINK(1) (2025-07-11T11:00:00.000Z)",
    );
    // Without the reminders (not an officer), the column is empty rather than a false 0.
    expect(coverageCsv(coverageRows(report, readers, null)).split("\r\n")[1]).toBe("BR,overdue,,,2,1,0,");
  });
});
