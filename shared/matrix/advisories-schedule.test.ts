import { describe, expect, it } from "vitest";
import { ackScheduleOf } from "./advisories.js";

describe("what the control plane learns to remind states", () => {
  it("the deadline of an advisory that requires acknowledgement, and nothing else", () => {
    expect(ackScheduleOf({ requiresAck: true, ackDeadline: "2030-07-10T18:00:00Z" })).toEqual({ ackDeadline: "2030-07-10T18:00:00Z" });
    expect(ackScheduleOf({ requiresAck: false, ackDeadline: "2030-07-10T18:00:00Z" })).toEqual({});
    expect(ackScheduleOf({ requiresAck: false })).toEqual({});
  });
});
