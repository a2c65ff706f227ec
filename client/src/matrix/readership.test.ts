import { describe, expect, it } from "vitest";
import { readership } from "./readership.js";

const ack = (sender: string, state: string) => ({ sender, state, name: null, at: new Date(0), eventId: `$${sender}` });

describe("readership per member state", () => {
  it("counts people in the room, those who can read (cross-signed device or acknowledged) and those who acknowledged", () => {
    const people = new Map([
      ["CL", ["@cl1:x", "@cl2:x"]],
      ["JM", ["@jm:x"]],
      ["BR", ["@br:x"]],
    ]);
    const r = readership(people, new Set(["@cl1:x", "@cl2:x"]), [ack("@cl1:x", "CL"), ack("@jm:x", "JM")]);
    expect(r.get("CL")).toEqual({ inRoom: 2, canRead: 2, acknowledged: 1, nobodyCanRead: false });
    // Jamaica's focal point acknowledged from a device this officer has not seen yet: the ack proves reading.
    expect(r.get("JM")).toEqual({ inRoom: 1, canRead: 1, acknowledged: 1, nobodyCanRead: false });
    // Brazil's only person has no cross-signed device: shown as unable to read, not as pending.
    expect(r.get("BR")).toEqual({ inRoom: 1, canRead: 0, acknowledged: 0, nobodyCanRead: true });
  });
});
