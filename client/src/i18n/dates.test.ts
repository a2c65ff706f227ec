import { describe, expect, it } from "vitest";
import { formatDateText, formatDateTimeText, formatTimeText, parseDateText, parseDateTimeText, parseTimeText } from "./dates.js";

describe("dates typed in the interface's language", () => {
  it("writes the day in each language's order and clock", () => {
    expect(formatDateText("2026-12-03", "en")).toBe("12/03/2026");
    for (const l of ["es", "fr", "pt"]) expect(formatDateText("2026-12-03", l)).toBe("03/12/2026");
    expect(formatTimeText("14:30", "en")).toBe("2:30 PM");
    expect(formatTimeText("00:05", "en")).toBe("12:05 AM");
    for (const l of ["es", "fr", "pt"]) expect(formatTimeText("14:30", l)).toBe("14:30");
    expect(formatDateTimeText("2026-12-03T14:30", "es")).toBe("03/12/2026 14:30");
  });

  it("reads back what it writes, and what people type", () => {
    for (const l of ["en", "es", "fr", "pt"]) {
      expect(parseDateText(formatDateText("2026-02-28", l), l)).toBe("2026-02-28");
      expect(parseDateTimeText(formatDateTimeText("2026-12-03T09:05", l), l)).toBe("2026-12-03T09:05");
      expect(parseDateText("2026-12-03", l)).toBe("2026-12-03");
      expect(parseDateTimeText("2026-12-03T14:30", l)).toBe("2026-12-03T14:30");
    }
    expect(parseDateText("3/12/2026", "es")).toBe("2026-12-03");
    expect(parseDateText("3.12.26", "fr")).toBe("2026-12-03");
    expect(parseDateText("3/12/2026", "en")).toBe("2026-03-12");
    expect(parseTimeText("14h30")).toBe("14:30");
    expect(parseTimeText("2:30 p. m.")).toBe("14:30");
    expect(parseTimeText("12 am")).toBe("00:00");
    expect(parseDateTimeText("12/31/2026, 2:30 PM", "en")).toBe("2026-12-31T14:30");
  });

  it("refuses what is not a day or a time", () => {
    expect(parseDateText("31/02/2026", "es")).toBeNull();
    expect(parseDateText("13/13/2026", "en")).toBeNull();
    expect(parseDateText("tomorrow", "en")).toBeNull();
    expect(parseDateText("1/2", "es")).toBeNull();
    expect(parseTimeText("25:00")).toBeNull();
    expect(parseTimeText("13:00 pm")).toBeNull();
    expect(parseTimeText("14")).toBeNull();
    expect(parseDateTimeText("03/12/2026", "es")).toBeNull();
  });
});
