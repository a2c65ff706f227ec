import { describe, it, expect } from "vitest";
import { TLP_LEVELS, Tlp, TlpCeilingError, assertWithinCeiling, compareTlp, isTlp, isWithinCeiling, mostRestrictive, tlpLabel } from "./tlp.js";

describe("TLP 2.0", () => {
  it("orders CLEAR < GREEN < AMBER < AMBER+STRICT < RED", () => {
    const shuffled: Tlp[] = ["RED", "CLEAR", "AMBER+STRICT", "GREEN", "AMBER"];
    expect([...shuffled].sort(compareTlp)).toEqual([...TLP_LEVELS]);
    expect(compareTlp("AMBER", "AMBER+STRICT")).toBeLessThan(0);
    expect(compareTlp("RED", "RED")).toBe(0);
    expect(mostRestrictive(["GREEN", "AMBER+STRICT", "AMBER"])).toBe("AMBER+STRICT");
    expect(mostRestrictive([])).toBe("CLEAR");
  });

  it("accepts only the exact, untranslated labels", () => {
    expect(isTlp("AMBER+STRICT")).toBe(true);
    for (const bad of ["amber", "WHITE", "TLP:RED", "AMBER STRICT", "ÁMBAR", "toString", "__proto__", 3, null]) {
      expect(isTlp(bad)).toBe(false);
      expect(Tlp.safeParse(bad).success).toBe(false);
    }
    expect(tlpLabel("AMBER+STRICT")).toBe("TLP:AMBER+STRICT");
  });

  it("allows sending at or below the ceiling and refuses above with a typed, clear error", () => {
    expect(isWithinCeiling("AMBER", "AMBER")).toBe(true);
    expect(() => assertWithinCeiling("GREEN", "AMBER")).not.toThrow();
    let caught: unknown;
    try {
      assertWithinCeiling("AMBER+STRICT", "AMBER");
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(TlpCeilingError);
    const err = caught as TlpCeilingError;
    expect(err.level).toBe("AMBER+STRICT");
    expect(err.ceiling).toBe("AMBER");
    expect(err.message).toContain("TLP:AMBER+STRICT is above this room's ceiling of TLP:AMBER");
  });
});
