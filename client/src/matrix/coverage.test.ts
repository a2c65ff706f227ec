import { describe, expect, it } from "vitest";
import { EXAMPLE_UNSIGNED_ADVISORY } from "#shared/content/examples.js";
import type { TrustVerdict } from "#shared/matrix/trust.js";
import { advisoryCoverage } from "./coverage.js";
import type { AdvisoryItem } from "./counts.js";
import type { Item } from "./items.js";

const of = (state: string, name?: string): TrustVerdict => ({
  level: "verified",
  ...(name ? { name } : {}),
  memberState: state,
  programs: ["tourism"],
  roles: [{ role: "focal_point", program: "tourism" }],
  label: "",
});
const advisory = {
  eventId: "$adv",
  roomId: "!r",
  sender: "@o:x",
  ts: 1,
  encrypted: true,
  trust: { level: "verified", memberState: null, programs: [], roles: [], label: "" },
  content: { status: "valid", kind: "advisory", content: { ...EXAMPLE_UNSIGNED_ADVISORY, ackDeadline: "2025-07-10T18:00:00Z", signature: {} } },
} as unknown as AdvisoryItem;
const ack = (sender: string, trust: TrustVerdict, at: string, target = "$adv"): Item => ({
  eventId: `$a${sender}${at}`,
  roomId: "!r",
  sender,
  ts: Date.parse(at),
  encrypted: false,
  trust,
  content: { status: "valid", kind: "ack", content: { "m.relates_to": { rel_type: "org.oas.enlace.ack", event_id: target } } },
});

describe("coverage of an advisory", () => {
  it("counts verified acks by member state, ignores unverified ones and acks of other advisories", () => {
    const items = [
      advisory,
      ack("@cl:x", of("CL"), "2025-07-09T10:00:00Z"),
      ack("@cl2:x", of("CL"), "2025-07-09T09:00:00Z"),
      ack("@jm:x", { level: "unverified", reason: "no credential" }, "2025-07-09T10:00:00Z"),
      ack("@br:x", of("BR"), "2025-07-09T10:00:00Z", "$other"),
    ];
    const before = advisoryCoverage(advisory, items, ["BR", "CL", "JM"], new Date("2025-07-09T12:00:00Z"));
    expect(before.states.map((s) => [s.state, s.status])).toEqual([
      ["BR", "pending"],
      ["CL", "acknowledged"],
      ["JM", "pending"],
    ]);
    expect(before.states.find((s) => s.state === "CL")).toMatchObject({ firstAckAt: new Date("2025-07-09T09:00:00Z"), late: false });
    expect(before.notCounted).toEqual([{ sender: "@jm:x", eventId: "$a@jm:x2025-07-09T10:00:00Z", reason: "no credential" }]);
    const after = advisoryCoverage(advisory, items, ["BR", "CL", "JM"], new Date("2025-07-11T00:00:00Z"));
    expect(after.overdue).toBe(2);
  });

  it("names who acknowledged for each state from their credential, each person once, earliest first", () => {
    const items = [
      advisory,
      ack("@cl:x", of("CL", "Ana Pérez"), "2025-07-09T10:00:00Z"),
      ack("@cl2:x", of("CL"), "2025-07-09T09:00:00Z"),
      // Ana's second acknowledgement (another device) does not list her twice, nor move her time.
      ack("@cl:x", of("CL", "Ana Pérez"), "2025-07-09T11:00:00Z"),
      // An ack that does not count names nobody; a state outside the expected ones is not listed.
      ack("@jm:x", { level: "unverified", reason: "no credential" }, "2025-07-09T10:00:00Z"),
      ack("@mx:x", of("MX", "Mateo"), "2025-07-09T10:00:00Z"),
    ];
    const r = advisoryCoverage(advisory, items, ["CL", "JM"], new Date("2025-07-09T12:00:00Z"));
    expect([...r.acknowledgedBy]).toEqual([
      [
        "CL",
        [
          { userId: "@cl2:x", name: null, at: new Date("2025-07-09T09:00:00Z") },
          { userId: "@cl:x", name: "Ana Pérez", at: new Date("2025-07-09T10:00:00Z") },
        ],
      ],
    ]);
  });

  it("an unsigned, forged or unencrypted-judged ack of a state never covers it, and is listed as not counting", () => {
    const items = [
      advisory,
      ack("@cl:x", { level: "unverified", reason: "acknowledgement not signed by the acknowledging device: it does not count" }, "2025-07-09T10:00:00Z"),
      ack("@cl:x", { level: "unverified", reason: "the acknowledgement's device signature is not valid for this advisory" }, "2025-07-09T10:01:00Z"),
      ack("@cl:x", { level: "unencrypted", reason: "sent without encryption: cannot be verified" }, "2025-07-09T10:02:00Z"),
      ack("@sec:x", { level: "verified", memberState: null, programs: [], roles: [], label: "" }, "2025-07-09T10:03:00Z"),
    ];
    const r = advisoryCoverage(advisory, items, ["CL"], new Date("2025-07-09T12:00:00Z"));
    expect(r.states).toEqual([{ state: "CL", status: "pending" }]);
    expect(r.acknowledged).toBe(0);
    expect(r.notCounted.map((n) => n.reason)).toEqual([
      "acknowledgement not signed by the acknowledging device: it does not count",
      "the acknowledgement's device signature is not valid for this advisory",
      "sent without encryption: cannot be verified",
      "the sender represents no member state",
    ]);
  });
});
