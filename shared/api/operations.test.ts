import { describe, expect, it } from "vitest";
import { z } from "zod";
import { OPERATIONS, type Operation } from "./operations.js";

const ops = Object.entries(OPERATIONS) as Array<[string, Operation]>;

describe("the operation table", () => {
  it("has one operation per method and path", () => {
    const keys = ops.map(([, o]) => `${o.method} ${o.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("declares a schema for exactly the path parameters its path names", () => {
    for (const [id, o] of ops) {
      const inPath = [...o.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]).sort();
      const declared = o.params instanceof z.ZodObject ? Object.keys(o.params.shape).sort() : [];
      expect(declared, id).toEqual(inPath);
    }
  });

  it("sends a body only where the method carries one, and every problem type once", () => {
    for (const [id, o] of ops) {
      if (o.body) expect(o.method, id).not.toBe("get");
      expect(new Set(o.problems).size, id).toBe(o.problems.length);
    }
  });
});
