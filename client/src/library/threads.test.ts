import { describe, expect, it } from "vitest";
import { incidentThread } from "./incident.js";
import { requestsForEvent } from "./expertise.js";
import type { AnyItem, Item } from "./items.js";
import { EXAMPLES } from "#shared/content/examples.js";
import type { TrustVerdict } from "#shared/matrix/trust.js";

const ROOM = "!net:localhost";
const verified = (state: string | null, role: "focal_point" | "secretariat_officer" | "national_coordinator" = "focal_point"): TrustVerdict => ({
  level: "verified",
  memberState: state,
  programs: ["tourism"],
  roles: [{ role, program: role === "national_coordinator" ? null : "tourism" }],
  label: "",
});
const unverified: TrustVerdict = { level: "unverified", reason: "no credential" };
const item = <K extends AnyItem["kind"]>(
  kind: K,
  eventId: string,
  sender: string,
  ts: number,
  content: Item<K>["content"],
  trust = verified("CL"),
  roomId = ROOM,
) => ({ kind, eventId, sender, ts, content, trust, roomId }) as unknown as AnyItem;

describe("incident thread", () => {
  const root = item("incident", "$inc", "@ana:l", 100, EXAMPLES.incident) as Item<"incident">;
  const upd = (id: string, sender: string, ts: number, status: "ongoing" | "contained" | "closed", trust = verified("JM"), roomId = ROOM) =>
    item("incident.update", id, sender, ts, { ...EXAMPLES["incident.update"], incidentEventId: "$inc", status }, trust, roomId);

  it("orders updates and takes the current status from the latest counted one", () => {
    const t = incidentThread(root, [
      upd("$b", "@jan:l", 300, "closed"),
      upd("$a", "@ana:l", 200, "contained"),
      upd("$x", "@jan:l", 400, "ongoing", verified("JM"), "!other:l"),
    ]);
    expect(t.updates.map((u) => u.eventId)).toEqual(["$a", "$b"]);
    expect(t).toMatchObject({ status: "closed", since: 300 });
  });

  it("shows an unverified sender's update but does not let it change the status", () => {
    const t = incidentThread(root, [upd("$a", "@ana:l", 200, "contained", unverified), upd("$b", "@eve:l", 300, "closed", unverified)]);
    expect(t.updates.map((u) => [u.eventId, u.counts])).toEqual([
      ["$a", true],
      ["$b", false],
    ]);
    expect(t).toMatchObject({ status: "contained", since: 200 });
    expect(incidentThread(root, [])).toMatchObject({ status: "ongoing", since: 100 });
  });
});

describe("expertise requests of an event", () => {
  const request = EXAMPLES["expertise.request"];
  const now = new Date(Date.parse(request.deadline) - 1000);
  const req = (id: string, eventId = request.eventId, deadline = request.deadline) =>
    item("expertise.request", id, "@host:l", 100, { ...request, eventId, deadline }, verified(request.hostState));
  const offer = (id: string, requestEventId: string, ts: number) =>
    item("expertise.offer", id, "@peer:l", ts, { ...EXAMPLES["expertise.offer"], requestEventId });
  const status = (id: string, requestEventId: string, sender: string, trust: TrustVerdict, s: "matched" | "closed" | "open") =>
    item("expertise.status", id, sender, 500, { ...EXAMPLES["expertise.status"], requestEventId, status: s }, trust);
  const me = { userId: "@peer:l", officer: false, coordinatorOf: [] };

  it("keeps this event's requests, with their offers and derived status", () => {
    const items = [
      req("$r1"),
      req("$r2", "00000000-0000-4000-8000-000000000000"),
      offer("$o2", "$r1", 300),
      offer("$o1", "$r1", 200),
      offer("$o3", "$r2", 200),
    ];
    const views = requestsForEvent(request.eventId, items, now, me);
    expect(views.map((v) => v.request.eventId)).toEqual(["$r1"]);
    expect(views[0]!.offers.map((o) => o.eventId)).toEqual(["$o1", "$o2"]);
    expect(views[0]!.status).toMatchObject({ status: "open", offers: 2 });
    expect(views[0]!.mayChangeStatus).toBe(false);
    expect(requestsForEvent(request.eventId, items, now, { ...me, userId: "@host:l" })[0]!.mayChangeStatus).toBe(true);
  });

  it("lets a verified officer or the host's coordinator change the status, not a peer", () => {
    const byPeer = requestsForEvent(request.eventId, [req("$r1"), status("$s1", "$r1", "@peer:l", verified("JM"), "closed")], now, me);
    expect(byPeer[0]!.status.status).toBe("open");
    const byOfficer = requestsForEvent(
      request.eventId,
      [req("$r1"), status("$s1", "$r1", "@off:l", verified(null, "secretariat_officer"), "matched")],
      now,
      me,
    );
    expect(byOfficer[0]!.status.status).toBe("matched");
    const byCoordinator = requestsForEvent(
      request.eventId,
      [req("$r1"), status("$s1", "$r1", "@co:l", verified(request.hostState, "national_coordinator"), "closed")],
      now,
      me,
    );
    expect(byCoordinator[0]!.status.status).toBe("closed");
    const otherCoordinator = requestsForEvent(
      request.eventId,
      [req("$r1"), status("$s1", "$r1", "@co:l", verified("ZZ", "national_coordinator"), "closed")],
      now,
      me,
    );
    expect(otherCoordinator[0]!.status.status).toBe("open");
  });

  it("closes a request at its deadline", () => {
    expect(requestsForEvent(request.eventId, [req("$r1")], new Date(Date.parse(request.deadline) + 1), me)[0]!.status).toMatchObject({
      status: "closed",
      reason: "deadline",
    });
  });
});
