import { describe, expect, it } from "vitest";
import { checkEvent, emptyEventForm, eventFormOf, isoDay } from "./eventForm.js";

const good = {
  name: "Copa América 2027",
  hostState: "PE",
  startsOn: "2027-6-1",
  endsOn: "2027-07-10",
  venueType: "stadium",
  supportingStates: ["CL", "PE", "AR"],
};

describe("the major-event form", () => {
  it("turns what was typed into the API's body (padded dates, supporters sorted, the host not its own supporter)", () => {
    expect(checkEvent(good)).toEqual({
      ok: true,
      body: { name: "Copa América 2027", hostState: "PE", startsOn: "2027-06-01", endsOn: "2027-07-10", venueType: "stadium", supportingStates: ["AR", "CL"] },
    });
  });
  it("says what is missing, in the composers' wording", () => {
    const r = checkEvent(emptyEventForm());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual({
      name: { key: "required" },
      hostState: { key: "choose" },
      startsOn: { key: "required" },
      endsOn: { key: "required" },
      venueType: { key: "choose" },
    });
  });
  it("refuses a date that is not on the calendar, and an end before the start", () => {
    const r = checkEvent({ ...good, startsOn: "2027-2-30" });
    expect(!r.ok && r.errors.startsOn).toEqual({ key: "date" });
    const order = checkEvent({ ...good, endsOn: "2027-05-31" });
    expect(!order.ok && order.errors.endsOn).toEqual({ key: "endBeforeStart" });
  });
  it("reads partial and odd dates", () => {
    expect(isoDay("")).toBe("");
    expect(isoDay("--")).toBe("");
    expect(isoDay("2028-2-29")).toBe("2028-02-29");
    expect(isoDay("2027-2-29")).toBe("invalid");
    expect(isoDay("2027--3")).toBe("2027--3");
    expect(isoDay("27-1-1")).toBe("27-1-1");
  });
  it("starts an edit from the event as registered", () => {
    const e = {
      id: "x",
      name: "Cup",
      hostState: "CL",
      startsOn: "2027-01-01",
      endsOn: "2027-01-02",
      venueType: "arena",
      supportingStates: ["CL", "AR"],
      createdAt: "",
      mayDo: [],
    };
    expect(eventFormOf(e)).toEqual({
      name: "Cup",
      hostState: "CL",
      startsOn: "2027-01-01",
      endsOn: "2027-01-02",
      venueType: "arena",
      supportingStates: ["AR"],
    });
  });
});
