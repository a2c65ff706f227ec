import { describe, it, expect } from "vitest";
import { computeCoverage } from "./coverage.js";

const deadline = "2025-07-10T18:00:00Z";
const at = (iso: string) => new Date(iso);

describe("acknowledgement coverage", () => {
  it("classifies each expected state before the deadline", () => {
    const r = computeCoverage({
      advisory: { ackDeadline: deadline },
      expectedStates: ["AR", "BR", "CL"],
      acks: [
        { state: "CL", at: at("2025-07-09T10:00:00Z") },
        { state: "CL", at: at("2025-07-09T08:00:00Z") }, // an alternate acknowledged earlier
        { state: "AR", at: at("2025-07-10T18:00:00Z") }, // exactly at the deadline: on time
      ],
      now: at("2025-07-10T12:00:00Z"),
    });
    expect(r.states).toEqual([
      { state: "AR", status: "acknowledged", firstAckAt: at("2025-07-10T18:00:00Z"), late: false },
      { state: "BR", status: "pending" },
      { state: "CL", status: "acknowledged", firstAckAt: at("2025-07-09T08:00:00Z"), late: false },
    ]);
    expect(r).toMatchObject({ acknowledged: 2, late: 0, pending: 1, overdue: 0 });
    expect(r.ratio).toBeCloseTo(2 / 3);
  });

  it("marks states without an ack overdue after the deadline, and late acks as acknowledged-late", () => {
    const r = computeCoverage({
      advisory: { ackDeadline: deadline },
      expectedStates: ["AR", "BR", "CL", "MX"],
      acks: [
        { state: "AR", at: at("2025-07-10T17:59:59Z") },
        { state: "BR", at: at("2025-07-11T09:00:00Z") },
        { state: "BR", at: at("2025-07-12T09:00:00Z") },
        { state: "US", at: at("2025-07-09T09:00:00Z") }, // not expected
        { state: "CL", at: new Date(Number.NaN) }, // unreadable time: ignored
      ],
      now: at("2025-07-12T12:00:00Z"),
    });
    expect(r.states.map((s) => [s.state, s.status, s.status === "acknowledged" ? s.late : null])).toEqual([
      ["AR", "acknowledged", false],
      ["BR", "acknowledged", true],
      ["CL", "overdue", null],
      ["MX", "overdue", null],
    ]);
    expect(r).toMatchObject({ acknowledged: 2, late: 1, pending: 0, overdue: 2, ratio: 0.5, unexpectedStates: ["US"] });
  });

  it("is never overdue without a deadline, and handles no expected states", () => {
    const r = computeCoverage({ advisory: {}, expectedStates: ["AR", "AR"], acks: [], now: at("2030-01-01T00:00:00Z") });
    expect(r.states).toEqual([{ state: "AR", status: "pending" }]);
    expect(computeCoverage({ advisory: { ackDeadline: deadline }, expectedStates: [], acks: [], now: at("2030-01-01T00:00:00Z") }).ratio).toBe(1);
  });

  it("a state with nobody in the room to acknowledge is no-focal-point, never pending or overdue, unless it acknowledged", () => {
    const input = {
      advisory: { ackDeadline: deadline },
      expectedStates: ["AR", "BR", "CL", "JM"],
      acks: [{ state: "JM", at: at("2025-07-09T10:00:00Z") }], // JM's focal point acknowledged, then left the room
      withFocalPoints: new Set(["CL"]),
    };
    const before = computeCoverage({ ...input, now: at("2025-07-09T12:00:00Z") });
    expect(before.states.map((s) => [s.state, s.status])).toEqual([
      ["AR", "no-focal-point"],
      ["BR", "no-focal-point"],
      ["CL", "pending"],
      ["JM", "acknowledged"],
    ]);
    expect(before).toMatchObject({ acknowledged: 1, pending: 1, overdue: 0, noFocalPoint: 2 });
    expect(before.ratio).toBeCloseTo(1 / 4);
    const after = computeCoverage({ ...input, now: at("2025-07-11T00:00:00Z") });
    expect(after).toMatchObject({ acknowledged: 1, pending: 0, overdue: 1, noFocalPoint: 2 });
  });
});
