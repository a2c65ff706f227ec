import { describe, expect, it } from "vitest";
import type { Item } from "../../matrix/items.js";
import type { TrustVerdict } from "#shared/matrix/trust.js";
import { discussable, isReply, replyCount, talksHere, threadsOf } from "./threads.js";

const verified: TrustVerdict = { level: "verified", memberState: "CL", programs: [], roles: [], label: "" };
const base = { roomId: "!r:x", sender: "@a:x", encrypted: true, trust: verified };
const alert = { ...base, eventId: "$alert", ts: 1, content: { status: "valid", kind: "alert", content: { title: "Drones" } } } as unknown as Item;
const text = (id: string, ts: number, threadRoot?: string): Item =>
  ({ ...base, eventId: id, ts, text: `m${id}`, content: { status: "ignored", reason: "plain message" }, ...(threadRoot ? { threadRoot } : {}) }) as Item;
const update = { ...base, eventId: "$u", ts: 5, threadRoot: "$inc", content: { status: "valid", kind: "incident.update", content: {} } } as unknown as Item;

describe("threads under alerts and incidents", () => {
  it("gathers each root's text replies in order, and counts the incident's updates apart", () => {
    const t = threadsOf([alert, text("$1", 2, "$alert"), text("$plain", 3), text("$2", 4, "$alert"), update, text("$3", 6, "$inc")]);
    expect(t.get("$alert")?.replies.map((r) => r.eventId)).toEqual(["$1", "$2"]);
    expect(t.get("$inc")).toMatchObject({ others: 1, replies: [{ eventId: "$3" }] });
    expect(isReply(text("$1", 2, "$alert"))).toBe(true);
    expect(isReply(text("$plain", 3))).toBe(false);
    expect(isReply(update)).toBe(false); // an update stays in the timeline
  });

  it("counts replies from what the homeserver bundled when it knows of more than this device holds", () => {
    expect(replyCount({ ...alert, serverReplies: 7 }, { replies: [text("$1", 2, "$alert")], others: 0 })).toBe(7);
    expect(replyCount({ ...alert, serverReplies: 3 }, { replies: [text("$1", 2, "$inc")], others: 2 })).toBe(1);
    expect(replyCount(alert, { replies: [text("$1", 2), text("$2", 3)], others: 0 })).toBe(2);
  });

  it("discusses alerts and incidents only, never what arrived unencrypted; talks in networks and cells", () => {
    expect(discussable(alert)).toBe("Drones");
    expect(discussable({ ...alert, trust: { level: "unencrypted", reason: "x" } })).toBeNull();
    expect(discussable(text("$1", 1))).toBeNull();
    expect([talksHere("network:tourism"), talksHere("cell:abc"), talksHere("advisories:all"), talksHere("space"), talksHere(null)]).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});
