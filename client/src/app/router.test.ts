import { describe, expect, it } from "vitest";
import { parseHash, hrefOf } from "./router.js";

describe("hash routes", () => {
  it("parses the routes and round-trips them", () => {
    expect(parseHash("")).toEqual({ name: "home" });
    expect(parseHash("#/")).toEqual({ name: "home" });
    expect(parseHash("#/people")).toEqual({ name: "people" });
    expect(parseHash("#/notifications")).toEqual({ name: "notifications" });
    expect(parseHash("#/audit/")).toEqual({ name: "audit" });
    const token = "abcdefghijklmnopqrstuvwxyz0123456789_-AB";
    expect(parseHash(`#/enroll/${token}`)).toEqual({ name: "enroll", token });
    expect(hrefOf({ name: "enroll", token })).toBe(`#/enroll/${token}`);
    expect(hrefOf({ name: "people" })).toBe("#/people");
  });

  it("anything else is not found", () => {
    expect(parseHash("#/enroll")).toEqual({ name: "not-found" });
    expect(parseHash("#/people/extra")).toEqual({ name: "not-found" });
    expect(parseHash("#/nope")).toEqual({ name: "not-found" });
  });
});

describe("messaging routes", () => {
  it("round-trips room, coverage, incident and expertise routes with Matrix ids", () => {
    const routes = [
      { name: "room", roomId: "!abc:enlace.test" },
      { name: "coverage", roomId: "!abc:enlace.test", eventId: "$ev/ent+id" },
      { name: "incident", roomId: "!abc:enlace.test", eventId: "$x" },
      { name: "event-expertise", eventId: "4b2d5c1e-0000-4000-8000-000000000000" },
      { name: "library" },
      { name: "setup" },
      { name: "restore" },
    ] as const;
    for (const r of routes) expect(parseHash(hrefOf(r))).toEqual(r);
    expect(hrefOf({ name: "room", roomId: "!abc:enlace.test" })).toBe("#/room/!abc%3Aenlace.test");
  });

  it("refuses malformed messaging routes", () => {
    expect(parseHash("#/room")).toEqual({ name: "not-found" });
    expect(parseHash("#/room/%E0%A4%A")).toEqual({ name: "not-found" });
    expect(parseHash("#/coverage/!a:b")).toEqual({ name: "not-found" });
    expect(parseHash("#/events/x/other")).toEqual({ name: "not-found" });
  });
});
