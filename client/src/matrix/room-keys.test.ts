import { describe, expect, it } from "vitest";
import { groupRooms, parseRoomKey } from "./room-keys.js";

describe("managed room keys", () => {
  it("parses the registry's keys", () => {
    expect(parseRoomKey("advisories:all")).toEqual({ kind: "advisories", program: null, hemisphere: true });
    expect(parseRoomKey("network:tourism")).toEqual({ kind: "network", program: "tourism", hemisphere: false });
    expect(parseRoomKey("cell:4b2d5c1e-0000-4000-8000-000000000000").kind).toBe("cell");
    expect(parseRoomKey("space").kind).toBe("other");
    expect(parseRoomKey(null).kind).toBe("other");
  });

  it("groups hemisphere first, then programs (advisories before network), then planning cells", () => {
    const r = (key: string | null, name = key ?? "?") => ({ roomId: `!${name}`, key, name });
    const groups = groupRooms([
      r("network:tourism"),
      r("cell:b", "Planning cell — Z"),
      r("advisories:tourism"),
      r("advisories:all"),
      r("advisories:crowded-spaces"),
      r("cell:a", "Planning cell — A"),
      r(null, "stray"),
    ]);
    expect(groups.map((g) => [g.group, g.group === "program" ? g.program : null, g.rooms.map((x) => x.name)])).toEqual([
      ["hemisphere", null, ["advisories:all"]],
      ["program", "crowded-spaces", ["advisories:crowded-spaces"]],
      ["program", "tourism", ["advisories:tourism", "network:tourism"]],
      ["cells", null, ["Planning cell — A", "Planning cell — Z"]],
      ["other", null, ["stray"]],
    ]);
  });
});
