import { describe, expect, it } from "vitest";
import { filterStates } from "./state-filter.js";

const CODES = ["JM", "MX", "PE", "DO", "US", "CL"];
const names = (lng: string) => {
  const d = new Intl.DisplayNames([lng], { type: "region" });
  return (code: string) => d.of(code) ?? code;
};

describe("filterStates", () => {
  it("finds a state by part of its name, ignoring case", () => {
    expect(filterStates(CODES, names("en"), "jam", "en")).toEqual(["JM"]);
    expect(filterStates(CODES, names("en"), "REP", "en")).toEqual(["DO"]);
  });
  it("ignores accents both ways", () => {
    expect(filterStates(CODES, names("es"), "mexico", "es")).toEqual(["MX"]);
    expect(filterStates(CODES, names("es"), "perú", "es")).toEqual(["PE"]);
    expect(filterStates(CODES, names("es"), "republica domin", "es")).toEqual(["DO"]);
  });
  it("finds a state by its exact ISO code", () => {
    expect(filterStates(CODES, names("en"), "cl", "en")).toEqual(["CL"]);
  });
  it("returns every state, sorted by name in the language, for an empty filter", () => {
    expect(filterStates(CODES, names("en"), "  ", "en")).toEqual(["CL", "DO", "JM", "MX", "PE", "US"]);
    expect(filterStates(CODES, names("es"), "", "es")).toEqual(["CL", "US", "JM", "MX", "PE", "DO"]);
  });
  it("finds nothing for a text no name contains", () => {
    expect(filterStates(CODES, names("en"), "atlantis", "en")).toEqual([]);
  });
});
