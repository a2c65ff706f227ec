import { describe, expect, it } from "vitest";
import { forgetDevice, readDevice, recordKey, writeDevice } from "./device-record.js";

function memory(): Storage {
  const m = new Map<string, string>();
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
    clear: () => m.clear(),
    key: () => null,
    get length() {
      return m.size;
    },
  };
}

const device = { homeserverUrl: "https://hs.example", userId: "@a:x", deviceId: "DEV", accessToken: "syt_token" };

describe("the device this browser keeps", () => {
  it("is kept per person: one person's record never answers for another's", () => {
    const s = memory();
    expect(readDevice(s, "p1")).toBeNull();
    writeDevice(s, { personId: "p1", ...device });
    writeDevice(s, { personId: "p2", ...device, userId: "@b:x", deviceId: "DEV2" });
    expect(readDevice(s, "p1")).toEqual({ personId: "p1", ...device });
    expect(readDevice(s, "p2")?.deviceId).toBe("DEV2");
    forgetDevice(s, "p1");
    expect(readDevice(s, "p1")).toBeNull();
    expect(readDevice(s, "p2")?.deviceId).toBe("DEV2");
  });

  it("ignores damaged or partial records (then a sign-in follows) and works without storage", () => {
    const s = memory();
    s.setItem(recordKey("p1"), "{not json");
    expect(readDevice(s, "p1")).toBeNull();
    s.setItem(recordKey("p1"), JSON.stringify({ personId: "p1", userId: "@a:x", deviceId: "DEV" }));
    expect(readDevice(s, "p1")).toBeNull();
    s.setItem(recordKey("p1"), JSON.stringify({ ...device, personId: "p2" }));
    expect(readDevice(s, "p1")).toBeNull();
    expect(readDevice(null, "p1")).toBeNull();
    expect(() => writeDevice(null, { personId: "p", ...device })).not.toThrow();
  });
});
