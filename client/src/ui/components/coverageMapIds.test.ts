import { describe, expect, it } from "vitest";
import countries50m from "world-atlas/countries-50m.json" with { type: "json" };
import { ISO_NUMERIC } from "./coverageMapIds.js";

describe("the map's member-state ids", () => {
  it("name each of the 35 OAS member states once, each a country of Natural Earth's shapes", () => {
    const ids = Object.values(ISO_NUMERIC);
    expect(ids).toHaveLength(35);
    expect(new Set(ids).size).toBe(35);
    const atlas = new Set(countries50m.objects.countries.geometries.map((g) => g.id));
    expect(ids.filter((id) => !atlas.has(id))).toEqual([]);
    expect(ISO_NUMERIC.CL).toBe("152");
    expect(ISO_NUMERIC.JM).toBe("388");
  });
});
