import { describe, expect, it } from "vitest";
import { deviceToReuse, forgetDevice, readDevice, writeDevice } from "./device-record.js";

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

describe("the device this browser keeps", () => {
  it("is reused only by the person who set it up", () => {
    const s = memory();
    expect(deviceToReuse(s, "p1")).toBeNull();
    writeDevice(s, { personId: "p1", userId: "@a:x", deviceId: "DEV" });
    expect(deviceToReuse(s, "p1")).toEqual({ personId: "p1", userId: "@a:x", deviceId: "DEV" });
    expect(deviceToReuse(s, "p2")).toBeNull();
    forgetDevice(s);
    expect(readDevice(s)).toBeNull();
  });

  it("ignores garbage and missing storage", () => {
    const s = memory();
    s.setItem("enlace.matrix.device", "{not json");
    expect(readDevice(s)).toBeNull();
    s.setItem("enlace.matrix.device", JSON.stringify({ personId: "p1", deviceId: 3 }));
    expect(readDevice(s)).toBeNull();
    expect(readDevice(null)).toBeNull();
    expect(() => writeDevice(null, { personId: "p", userId: "u", deviceId: "d" })).not.toThrow();
  });
});
