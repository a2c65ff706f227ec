import { describe, expect, it } from "vitest";
import { parseHash, hrefOf } from "./router.js";

describe("hash routes", () => {
  it("parses the routes and round-trips them", () => {
    expect(parseHash("")).toEqual({ name: "home" });
    expect(parseHash("#/")).toEqual({ name: "home" });
    expect(parseHash("#/people")).toEqual({ name: "people" });
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
