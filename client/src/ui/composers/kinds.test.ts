import { describe, expect, it } from "vitest";
import { advisoryPrograms, cellEventOf, kindsFor } from "./kinds.js";

describe("composer kinds per room", () => {
  const focal = { officerPrograms: [] };
  const officer = { officerPrograms: ["tourism"] };
  it("offers peer content in network rooms and planning cells", () => {
    expect(kindsFor("network:tourism", focal)).toEqual(["alert", "incident", "document", "request"]);
    expect(kindsFor("cell:6f1c1f0e-2a4b-4c4e-9a55-0d6e1d2b3c4d", focal)).toEqual(["alert", "incident", "document", "request"]);
    expect(cellEventOf("cell:abc")).toBe("abc");
    expect(kindsFor("space", officer)).toEqual([]);
    expect(kindsFor("dm:6f1c1f0e-2a4b-4c4e-9a55-0d6e1d2b3c4d", officer)).toEqual([]);
  });
  it("offers advisories only to officers of the room's program", () => {
    expect(kindsFor("advisories:tourism", focal)).toEqual([]);
    expect(kindsFor("advisories:tourism", officer)).toEqual(["advisory"]);
    expect(kindsFor("advisories:cyber", officer)).toEqual([]);
    expect(advisoryPrograms("advisories:all", { officerPrograms: ["tourism", "cyber"] })).toEqual(["tourism", "cyber"]);
  });
});
