// The STIX export against the official OASIS validator (PyPI stix2-validator, installed in a
// virtualenv on first use): not a unit test, because it needs Python and, the first time, PyPI.
import { describe, it, expect } from "vitest";
import { toStixBundle } from "#shared/content/stix/bundle.js";
import { items } from "#shared/content/stix/bundle.fixture.js";
import { validateStix } from "../helpers/stix-validator.js";

describe("STIX 2.1 export", () => {
  it("passes the OASIS stix2-validator with no errors; the only warnings are uuid-check (103) on our UUIDv5 ids", { timeout: 600_000 }, async () => {
    // The Secretariat's own alert too: its identity has the plain "government" sector.
    const bundle = await toStixBundle([...items, { ...items[0]!, eventId: "$secretariatAlert", originState: null }]);
    const result = validateStix(bundle);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    const unexpected = result.warnings.filter((w) => !/\{103\} Given ID value \S+ is not a valid UUIDv4 ID/.test(w));
    expect(unexpected).toEqual([]);
    // The validator really looks: a broken bundle fails.
    const broken = { ...bundle, objects: bundle.objects.map((o) => (o.type === "report" ? { ...o, published: "yesterday" } : o)) };
    expect(validateStix(broken).valid).toBe(false);
  });
});
