import { describe, expect, it } from "vitest";
import { badgeCount, shouldChime, tabTitle, totals } from "./attention.js";

describe("tab title and badge", () => {
  it("adds the rooms' counts", () => {
    expect(
      totals([
        { unread: 2, urgent: 1 },
        { unread: 1, urgent: 0 },
        { unread: 0, urgent: 1 },
      ]),
    ).toEqual({ unread: 3, urgent: 2 });
    expect(totals([])).toEqual({ unread: 0, urgent: 0 });
  });

  it("shows unread in parentheses and ! while something is urgent", () => {
    expect(tabTitle("Enlace", { unread: 0, urgent: 0 })).toBe("Enlace");
    expect(tabTitle("Enlace", { unread: 3, urgent: 0 })).toBe("(3) Enlace");
    expect(tabTitle("Enlace", { unread: 3, urgent: 1 })).toBe("(3) ! Enlace");
    // An advisory read but not yet acknowledged: urgent without unread.
    expect(tabTitle("Enlace", { unread: 0, urgent: 1 })).toBe("! Enlace");
    expect(tabTitle("Enlace", { unread: 250, urgent: 0 })).toBe("(99+) Enlace");
  });

  it("badges the larger count, never the sum (urgent alerts are also unread)", () => {
    expect(badgeCount({ unread: 3, urgent: 1 })).toBe(3);
    expect(badgeCount({ unread: 0, urgent: 2 })).toBe(2);
    expect(badgeCount({ unread: 0, urgent: 0 })).toBe(0);
  });

  it("chimes only when urgent content grows after the first look", () => {
    expect(shouldChime(null, { unread: 5, urgent: 3 })).toBe(false);
    expect(shouldChime({ unread: 1, urgent: 0 }, { unread: 2, urgent: 1 })).toBe(true);
    expect(shouldChime({ unread: 2, urgent: 1 }, { unread: 3, urgent: 1 })).toBe(false);
    expect(shouldChime({ unread: 2, urgent: 2 }, { unread: 1, urgent: 1 })).toBe(false);
  });
});
