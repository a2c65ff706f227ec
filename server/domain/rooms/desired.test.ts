import { describe, it, expect } from "vitest";
import { desiredRooms, type RegistrySnapshot } from "./desired.js";

const snap = (over: Partial<RegistrySnapshot> = {}): RegistrySnapshot => ({
  secretariatServer: "hs.oas.test",
  botUserId: "@enlace-bot:hs.oas.test",
  today: "2027-04-01",
  homeservers: ["matrix.gob.cl"],
  conversations: [],
  programs: [
    { code: "tourism", name: "Tourism Security" },
    { code: "crowded-spaces", name: "Crowded Spaces" },
  ],
  events: [
    { id: "e1", name: "Cup", hostState: "JM", endsOn: "2027-05-01", supportingStates: ["CL"] },
    { id: "e0", name: "Old Summit", hostState: "BR", endsOn: "2027-01-01", supportingStates: [] },
  ],
  people: [
    { id: "o", matrixUserId: "@officer:hs.oas.test", memberState: null, roles: [{ role: "secretariat_officer", memberState: null, program: "tourism" }] },
    {
      id: "a",
      matrixUserId: "@ana:matrix.gob.cl",
      memberState: "CL",
      roles: [
        { role: "focal_point", memberState: "CL", program: "tourism" },
        { role: "focal_point", memberState: "CL", program: "crowded-spaces" },
      ],
    },
    { id: "j", matrixUserId: "@jan:hs.oas.test", memberState: "JM", roles: [{ role: "alternate", memberState: "JM", program: "tourism" }] },
    { id: "x", matrixUserId: "@rogue:unregistered.test", memberState: "AR", roles: [{ role: "focal_point", memberState: "AR", program: "tourism" }] },
    { id: "d", matrixUserId: "@admin:hs.oas.test", memberState: null, roles: [{ role: "secretariat_admin", memberState: null, program: null }] },
  ],
  ...over,
});

const byKey = (s: RegistrySnapshot) => new Map(desiredRooms(s).map((r) => [r.key, r]));

describe("desired rooms", () => {
  it("has the Space, hemisphere advisories, two rooms per program and a cell per event", () => {
    expect([...byKey(snap()).keys()].sort()).toEqual([
      "advisories:all",
      "advisories:crowded-spaces",
      "advisories:tourism",
      "cell:e0",
      "cell:e1",
      "network:crowded-spaces",
      "network:tourism",
      "space",
    ]);
  });

  it("puts exactly the program's people in its rooms, officers at 50 and the bot at 100", () => {
    const r = byKey(snap()).get("network:tourism")!;
    expect(Object.fromEntries(r.members)).toEqual({
      "@enlace-bot:hs.oas.test": 100,
      "@officer:hs.oas.test": 50,
      "@ana:matrix.gob.cl": 0,
      "@jan:hs.oas.test": 0,
    });
    // The bot creates every room (version 12): creators are not listed in power levels.
    expect((r.powerLevels as any).users).toEqual({ "@officer:hs.oas.test": 50 });
    expect([...byKey(snap()).get("network:crowded-spaces")!.members.keys()].sort()).toEqual(["@ana:matrix.gob.cl", "@enlace-bot:hs.oas.test"]);
  });

  it("lets only officers post in advisories rooms while anyone may acknowledge", () => {
    const pl = byKey(snap()).get("advisories:tourism")!.powerLevels as any;
    expect(pl.events_default).toBe(50);
    expect(pl.events["org.oas.enlace.ack"]).toBe(0);
    expect(pl.invite).toBe(100);
    expect((byKey(snap()).get("network:tourism")!.powerLevels as any).events_default).toBe(0);
  });

  it("admits only registered homeservers, and nobody from elsewhere", () => {
    const r = byKey(snap()).get("advisories:all")!;
    expect(r.serverAcl.allow).toEqual(["hs.oas.test", "matrix.gob.cl"]);
    expect(r.members.has("@rogue:unregistered.test")).toBe(false);
    expect(r.members.has("@admin:hs.oas.test")).toBe(false); // administrators manage, they do not read
  });

  it("builds planning cells from host and supporting states, and archives them after the event", () => {
    const rooms = byKey(snap());
    expect([...rooms.get("cell:e1")!.members.keys()].sort()).toEqual(["@ana:matrix.gob.cl", "@enlace-bot:hs.oas.test"]);
    expect(rooms.get("cell:e1")!.archived).toBe(false);
    expect(rooms.get("cell:e0")!.archived).toBe(true);
    expect((rooms.get("cell:e0")!.powerLevels as any).events_default).toBe(100);
  });

  it("gives a direct conversation exactly its two active people, who cannot invite, kick or change the room", () => {
    const rooms = byKey(snap({ conversations: [{ id: "c1", people: ["a", "j"] }] }));
    const dm = rooms.get("dm:c1")!;
    expect(dm.kind).toBe("direct");
    expect(Object.fromEntries(dm.members)).toEqual({ "@enlace-bot:hs.oas.test": 100, "@ana:matrix.gob.cl": 0, "@jan:hs.oas.test": 0 });
    const pl = dm.powerLevels as any;
    expect([pl.users, pl.events_default, pl.invite, pl.kick, pl.state_default]).toEqual([{}, 0, 100, 50, 100]);
    expect(dm.historyVisibility).toBe("invited");
    // One of the pair no longer active (not in the snapshot): the room stays, with the other alone.
    const later = byKey(snap({ people: snap().people.filter((p) => p.id !== "j"), conversations: [{ id: "c1", people: ["a", "j"] }] }));
    expect([...later.get("dm:c1")!.members.keys()].sort()).toEqual(["@ana:matrix.gob.cl", "@enlace-bot:hs.oas.test"]);
    // A pair member on an unregistered homeserver is not brought in.
    const rogue = byKey(snap({ conversations: [{ id: "c2", people: ["a", "x"] }] }));
    expect(rogue.get("dm:c2")!.members.has("@rogue:unregistered.test")).toBe(false);
  });

  it("is deterministic", () => {
    expect(JSON.stringify(desiredRooms(snap()).map((r) => [r.key, [...r.members], r.powerLevels]))).toBe(
      JSON.stringify(desiredRooms(snap()).map((r) => [r.key, [...r.members], r.powerLevels])),
    );
  });
});
