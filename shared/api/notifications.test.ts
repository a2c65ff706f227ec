import { describe, expect, it } from "vitest";
import { UrgentContentInput } from "./notifications.js";

describe("urgent content report", () => {
  it("accepts room IDs of room version 12 (no server part) and of older versions", () => {
    for (const roomId of ["!Yc5lOx8fHVCCdx1hF6rRxZ4FbdmOyzmLkSLJKCRMx3o", "!abc:example.org", "!abc:localhost:8448"]) {
      expect(UrgentContentInput.safeParse({ roomId, eventId: "$abc", severity: "critical" }).success).toBe(true);
    }
    expect(UrgentContentInput.safeParse({ roomId: "#alias:example.org", eventId: "$abc", severity: "critical" }).success).toBe(false);
  });
});
