import { describe, it, expect } from "vitest";
import { summarizeDelivery, withheldByReason } from "./delivery.js";

const dev = (deviceId: string, signedByOwner = true) => ({ deviceId, signedByOwner });

describe("summarizeDelivery", () => {
  it("counts people and cross-signed devices, leaving the sender out", () => {
    const r = summarizeDelivery(
      [
        { userId: "@me:x", devices: [dev("A"), dev("B")] },
        { userId: "@ana:x", devices: [dev("1"), dev("2")] },
        { userId: "@jan:x", devices: [dev("3")] },
      ],
      "@me:x",
    );
    expect(r).toEqual({ people: 2, devices: 3, away: [], withheld: [], unreached: [] });
  });

  it("withholds from devices their owner has not cross-signed, and names people with no device", () => {
    const r = summarizeDelivery(
      [
        { userId: "@ana:x", devices: [dev("1"), dev("2", false)] },
        { userId: "@bea:x", devices: [dev("3", false)] },
        { userId: "@new:x", devices: [] },
      ],
      "@me:x",
    );
    expect(r.people).toBe(1);
    expect(r.devices).toBe(1);
    expect(r.withheld).toEqual([
      { userId: "@ana:x", deviceId: "2", reason: "not-cross-signed" },
      { userId: "@bea:x", deviceId: "3", reason: "not-cross-signed" },
      { userId: "@new:x", deviceId: null, reason: "no-device" },
    ]);
    // Ana still reads on her signed device; Bea and the newcomer cannot read at all.
    expect(r.unreached).toEqual(["@bea:x", "@new:x"]);
    expect(withheldByReason(r)).toEqual({ "not-cross-signed": 2, "no-device": 1 });
  });

  it("an empty room reaches nobody and withholds nothing", () => {
    expect(summarizeDelivery([], "@me:x")).toEqual({ people: 0, devices: 0, away: [], withheld: [], unreached: [] });
  });

  it("a dehydrated device is not counted as a device people read on; a person reached only through it is away", () => {
    const away = { deviceId: "D", signedByOwner: true, dehydrated: true };
    const r = summarizeDelivery(
      [
        { userId: "@ana:x", devices: [dev("1"), { ...away, deviceId: "D1" }] },
        { userId: "@bea:x", devices: [{ ...away, deviceId: "D2" }] },
      ],
      "@me:x",
    );
    expect(r).toEqual({ people: 2, devices: 1, away: ["@bea:x"], withheld: [], unreached: [] });
  });
});
