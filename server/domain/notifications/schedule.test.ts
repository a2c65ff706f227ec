import { describe, expect, it } from "vitest";
import { nextReminderAt } from "./schedule.js";

const H = 3600_000;
const all = (published: Date, deadline: Date, every: number) => {
  const out: number[] = [];
  for (let t = nextReminderAt(published, deadline, every, published); t; t = nextReminderAt(published, deadline, every, t))
    out.push((t.getTime() - published.getTime()) / H);
  return out;
};

describe("the reminder schedule", () => {
  it("reminds every interval, then hourly in the last day, the last an hour before the deadline", () => {
    const p = new Date("2026-12-01T00:00:00Z");
    const d = new Date(p.getTime() + 72 * H);
    // 24 h after publication, then 48 h (the deadline less 24 h) … 71 h
    expect(all(p, d, 24)).toEqual([24, ...Array.from({ length: 24 }, (_, i) => 48 + i)]);
    expect(all(p, d, 12).slice(0, 4)).toEqual([12, 24, 36, 48]);
  });
  it("is hourly from the start when the deadline is within a day, and over after it", () => {
    const p = new Date("2026-12-01T00:00:00Z");
    expect(all(p, new Date(p.getTime() + 3 * H), 24)).toEqual([1, 2]);
    expect(nextReminderAt(p, new Date(p.getTime() + 3 * H), 24, new Date(p.getTime() + 5 * H))).toBeNull();
  });
  it("resumes at the next slot after a late run", () => {
    const p = new Date("2026-12-01T00:00:00Z");
    const d = new Date(p.getTime() + 96 * H);
    expect(nextReminderAt(p, d, 24, new Date(p.getTime() + 30 * H))?.getTime()).toBe(p.getTime() + 48 * H);
    expect(nextReminderAt(p, d, 24, new Date(p.getTime() + 72.5 * H))?.getTime()).toBe(p.getTime() + 73 * H);
  });
});
