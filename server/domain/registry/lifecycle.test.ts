import { describe, it, expect } from "vitest";
import { nextStatus, addMonths, type VettingAction } from "./lifecycle.js";
import type { VettingStatus } from "#shared/api/common.js";

const STATUSES: VettingStatus[] = ["nominated", "approved", "active", "suspended", "revoked", "rejected"];
const ACTIONS: VettingAction[] = ["approve", "reject", "activate", "suspend", "reinstate", "revoke", "expire"];

// The whole table, written out: every (status, action) pair not listed here must be refused.
const ALLOWED: Record<string, VettingStatus> = {
  "nominated/approve": "approved",
  "nominated/reject": "rejected",
  "nominated/revoke": "revoked",
  "approved/activate": "active",
  "approved/revoke": "revoked",
  "active/suspend": "suspended",
  "active/expire": "suspended",
  "active/revoke": "revoked",
  "suspended/reinstate": "active",
  "suspended/revoke": "revoked",
};

describe("vetting lifecycle", () => {
  for (const from of STATUSES) {
    for (const action of ACTIONS) {
      const expected = ALLOWED[`${from}/${action}`] ?? null;
      it(`${action} from ${from} → ${expected ?? "refused"}`, () => {
        expect(nextStatus(from, action)).toBe(expected);
      });
    }
  }

  it("revoked and rejected are final: no action leads anywhere from them", () => {
    for (const from of ["revoked", "rejected"] as VettingStatus[]) {
      expect(ACTIONS.map((a) => nextStatus(from, a)).filter((s) => s !== null)).toEqual([]);
    }
  });

  it("addMonths works in UTC and does not change its argument", () => {
    const d = new Date("2026-01-31T12:00:00Z");
    expect(addMonths(d, 12).toISOString()).toBe("2027-01-31T12:00:00.000Z");
    expect(d.toISOString()).toBe("2026-01-31T12:00:00.000Z");
  });
});
