import { describe, expect, it } from "vitest";
import { EXAMPLES, EXAMPLE_UNSIGNED_ADVISORY } from "#shared/content/examples.js";
import type { AdvisoryContent } from "#shared/content/advisory.js";
import type { TrustVerdict } from "#shared/matrix/trust.js";
import { acknowledgedBy, alertsBySeverity, awaitingMyAck, roomCounts } from "./counts.js";
import type { Item } from "./items.js";

const ME = "@me:x",
  PEER = "@peer:x",
  OFFICER = "@officer:x";
const verified: TrustVerdict = { level: "verified", memberState: "CL", programs: ["tourism"], roles: [], label: "" };
let seq = 0;
const base = (sender: string, ts: number) => ({ eventId: `$e${seq++}`, roomId: "!r:x", sender, ts, encrypted: true, trust: verified });
const alert = (sender: string, ts: number, severity: "info" | "low" | "medium" | "high" | "critical"): Item => ({
  ...base(sender, ts),
  content: { status: "valid", kind: "alert", content: { ...EXAMPLES.alert, severity } },
});
const advisory = (ts: number, o: Partial<AdvisoryContent> = {}, trust: TrustVerdict = verified): Item => ({
  ...base(OFFICER, ts),
  trust,
  content: { status: "valid", kind: "advisory", content: { ...EXAMPLE_UNSIGNED_ADVISORY, signature: {} as never, ...o } as AdvisoryContent },
});
const ack = (sender: string, ts: number, target: string): Item => ({
  ...base(sender, ts),
  encrypted: false,
  content: { status: "valid", kind: "ack", content: { "m.relates_to": { rel_type: "org.oas.enlace.ack", event_id: target } } },
});
const invalid = (sender: string, ts: number): Item => ({ ...base(sender, ts), content: { status: "invalid", reason: "bad" } });

const now = new Date("2025-07-09T00:00:00Z");

describe("room counts", () => {
  it("unread counts messages from others after my read marker, never acks or my own", () => {
    const items = [alert(PEER, 10, "low"), alert(PEER, 20, "info"), alert(ME, 30, "low"), invalid(PEER, 40), ack(PEER, 50, "$x")];
    expect(roomCounts(items, { userId: ME, readUpTo: 0, acknowledges: true, now }).unread).toBe(3);
    expect(roomCounts(items, { userId: ME, readUpTo: 10, acknowledges: true, now }).unread).toBe(2);
    expect(roomCounts(items, { userId: ME, readUpTo: 40, acknowledges: true, now }).unread).toBe(0);
  });

  it("urgent: unread high and critical alerts, and advisories awaiting my acknowledgement", () => {
    const a1 = advisory(5);
    const a2 = advisory(6);
    const items = [
      alert(PEER, 10, "critical"),
      alert(PEER, 11, "high"),
      alert(PEER, 12, "medium"),
      alert(PEER, 1, "critical"),
      a1,
      a2,
      ack(ME, 20, a1.eventId),
    ];
    // The critical alert at ts 1 is read already; a1 is acknowledged; a2 waits.
    expect(roomCounts(items, { userId: ME, readUpTo: 9, acknowledges: true, now })).toEqual({ unread: 3, urgent: 3 });
    // The Secretariat does not acknowledge: its urgent count is alerts only.
    expect(roomCounts(items, { userId: ME, readUpTo: 9, acknowledges: false, now }).urgent).toBe(2);
  });

  it("an advisory acknowledged by someone else still waits for mine", () => {
    const a = advisory(5);
    expect(awaitingMyAck([a, ack(PEER, 6, a.eventId)], ME, now).map((x) => x.item.eventId)).toEqual([a.eventId]);
    expect(acknowledgedBy([a, ack(PEER, 6, a.eventId)], PEER)).toEqual(new Set([a.eventId]));
  });

  it("my own ack that does not count (unsigned by an older client, or forged under my name) leaves the advisory waiting", () => {
    const a = advisory(5);
    const unsigned: Item = {
      ...ack(ME, 6, a.eventId),
      trust: { level: "unverified", reason: "acknowledgement not signed by the acknowledging device: it does not count" },
    };
    expect(acknowledgedBy([a, unsigned], ME)).toEqual(new Set());
    expect(awaitingMyAck([a, unsigned], ME, now).map((x) => x.item.eventId)).toEqual([a.eventId]);
  });
});

describe("advisories awaiting my acknowledgement", () => {
  it("lists verified advisories that require it, earliest deadline first, with overdue flagged", () => {
    const late = advisory(1, { ackDeadline: "2025-07-12T00:00:00Z" });
    const soon = advisory(2, { ackDeadline: "2025-07-08T13:00:00Z" });
    const noAck = advisory(3, { requiresAck: false, ackDeadline: undefined });
    // Read from key backup: the device is unconfirmed, the Secretariat's countersignature still holds.
    const fromBackup = advisory(4, { ackDeadline: "2025-07-20T00:00:00Z" }, { level: "unverified", reason: "read with a key restored from backup" });
    const list = awaitingMyAck([late, soon, noAck, fromBackup], ME, now);
    expect(list.map((x) => [x.item.eventId, x.overdue])).toEqual([
      [soon.eventId, true],
      [late.eventId, false],
      [fromBackup.eventId, false],
    ]);
  });
});

describe("recent alerts by severity", () => {
  it("orders most severe first, then newest", () => {
    const items = [alert(PEER, 1, "low"), alert(PEER, 2, "critical"), alert(PEER, 3, "high"), alert(PEER, 4, "critical"), invalid(PEER, 5)];
    expect(alertsBySeverity(items).map((i) => [i.ts, (i.content as any).content.severity])).toEqual([
      [4, "critical"],
      [2, "critical"],
      [3, "high"],
      [1, "low"],
    ]);
    expect(alertsBySeverity(items, 2)).toHaveLength(2);
  });
});
