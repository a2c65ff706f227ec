import { describe, expect, it } from "vitest";
import { quietUntil } from "./quiet-hours.js";

describe("quiet hours", () => {
  const night = { start: "22:00", end: "07:00", timeZone: "America/Santiago" };
  it("holds across midnight in the person's time zone and says when they end", () => {
    // 2026-12-03 03:30 UTC is 00:30 in Santiago (UTC-3 in December)
    expect(quietUntil(night, new Date("2026-12-03T03:30:00Z"))?.toISOString()).toBe("2026-12-03T10:00:00.000Z");
    expect(quietUntil(night, new Date("2026-12-03T01:00:00Z"))?.toISOString()).toBe("2026-12-03T10:00:00.000Z"); // 22:00 local
  });
  it("is off outside them, at their end, and without them", () => {
    expect(quietUntil(night, new Date("2026-12-03T10:00:00Z"))).toBeNull(); // 07:00 local
    expect(quietUntil(night, new Date("2026-12-03T15:00:00Z"))).toBeNull();
    expect(quietUntil(null, new Date())).toBeNull();
    expect(quietUntil({ start: "09:00", end: "09:00", timeZone: "UTC" }, new Date())).toBeNull();
  });
  it("works within one day too", () => {
    const lunch = { start: "12:00", end: "13:00", timeZone: "UTC" };
    expect(quietUntil(lunch, new Date("2026-12-03T12:15:20Z"))?.toISOString()).toBe("2026-12-03T13:00:00.000Z");
  });
});
