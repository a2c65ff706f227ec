import { describe, expect, it } from "vitest";
import { expectedStates } from "./expected-states.js";

const ALL = ["AR", "BR", "CA", "CL", "JM", "MX", "US"];
const participating = new Map([
  ["tourism", ["CL", "JM"]],
  ["maritime", ["BR", "CL", "MX"]],
  ["wmd", []],
]);
const base = { memberStates: ALL, participating };

describe("the states an advisory expects", () => {
  it("a program's advisory in its own room expects the program's participating states", () => {
    expect(expectedStates({ ...base, roomKey: "advisories:tourism", programs: ["tourism"] })).toEqual({ scope: "program", states: ["CL", "JM"] });
  });
  it("an advisory in the hemisphere room expects every member state, even for one program", () => {
    expect(expectedStates({ ...base, roomKey: "advisories:all", programs: ["tourism"] })).toEqual({ scope: "hemisphere", states: ALL });
  });
  it("an advisory concerning several programs expects every member state", () => {
    expect(expectedStates({ ...base, roomKey: "advisories:tourism", programs: ["tourism", "maritime"] })).toEqual({ scope: "hemisphere", states: ALL });
  });
  it("a program listed twice is still one program", () => {
    expect(expectedStates({ ...base, roomKey: "advisories:maritime", programs: ["maritime", "maritime"] }).states).toEqual(["BR", "CL", "MX"]);
  });
  it("a program with no participating state expects none (the caller adds states with people in the room)", () => {
    expect(expectedStates({ ...base, roomKey: "advisories:wmd", programs: ["wmd"] })).toEqual({ scope: "program", states: [] });
  });
  it("a program the registry does not know narrows nothing", () => {
    expect(expectedStates({ ...base, roomKey: "advisories:new", programs: ["new"] })).toEqual({ scope: "hemisphere", states: ALL });
  });
  it("a participating state the member-state list does not know is dropped, and the list is sorted once each", () => {
    const odd = new Map([["tourism", ["JM", "ZZ", "CL", "JM"]]]);
    expect(expectedStates({ memberStates: ALL, participating: odd, roomKey: "advisories:tourism", programs: ["tourism"] }).states).toEqual(["CL", "JM"]);
  });
  it("without a room key (not found yet), one program still narrows", () => {
    expect(expectedStates({ ...base, roomKey: null, programs: ["tourism"] }).states).toEqual(["CL", "JM"]);
  });
});
