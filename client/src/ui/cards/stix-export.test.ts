import { describe, expect, it } from "vitest";
import { EXAMPLES } from "#shared/content/examples.js";
import { TLP2_MARKING_IDS } from "#shared/content/stix/markings.js";
import type { TrustVerdict } from "#shared/matrix/trust.js";
import { stixExport, stixFilename, stixRefusal, type StixExportSource } from "./stix-export.js";

const verified: TrustVerdict = { level: "verified", memberState: "CL", programs: ["tourism"], roles: [], label: "focal point of Chile" };
const alert: StixExportSource = {
  kind: "alert",
  content: EXAMPLES.alert,
  eventId: "$Ab1_cD2-eF3gh4",
  sender: "@focal.cl:example.org",
  ts: Date.UTC(2027, 0, 5, 9, 30),
  trust: verified,
};

describe("STIX export from a card", () => {
  it("builds a bundle of the alert marked with its TLP, named after what, when and which state", async () => {
    const { filename, bytes } = await stixExport(alert);
    expect(filename).toBe("enlace-alert-2027-01-05-cl-ab1cd2ef.stix.json");
    const bundle = JSON.parse(new TextDecoder().decode(bytes));
    expect(bundle.type).toBe("bundle");
    const report = bundle.objects.find((o: { type: string }) => o.type === "report");
    expect(report).toMatchObject({ name: EXAMPLES.alert.title, object_marking_refs: [TLP2_MARKING_IDS[EXAMPLES.alert.tlp]] });
    expect(bundle.objects.some((o: { id: string }) => o.id === TLP2_MARKING_IDS[EXAMPLES.alert.tlp])).toBe(true);
    // The person is never named in the file, only their state.
    expect(new TextDecoder().decode(bytes)).not.toContain("focal.cl");
  });

  it("exports an incident too", async () => {
    const { filename, bytes } = await stixExport({ ...alert, kind: "incident", content: EXAMPLES.incident });
    expect(filename).toMatch(/^enlace-incident-2027-01-05-cl-[a-z0-9]{8}\.stix\.json$/);
    expect(JSON.parse(new TextDecoder().decode(bytes)).objects.map((o: { type: string }) => o.type)).toContain("incident");
  });

  it("names the Secretariat as the source of its own alert", async () => {
    const { filename, bytes } = await stixExport({ ...alert, trust: { ...verified, memberState: null } });
    expect(filename).toBe("enlace-alert-2027-01-05-oas-ab1cd2ef.stix.json");
    expect(new TextDecoder().decode(bytes)).toContain("OAS Secretariat (CICTE), Enlace");
  });

  it("refuses TLP:RED and items whose sender is not verified (nobody to name as their source)", async () => {
    expect(stixRefusal(alert)).toBeNull();
    expect(stixRefusal({ ...alert, content: { ...EXAMPLES.alert, tlp: "RED" } })).toBe("red");
    expect(stixRefusal({ ...alert, trust: { level: "unverified", reason: "x" } })).toBe("unverified");
    expect(stixRefusal({ ...alert, trust: { level: "invalid", reason: "x" } })).toBe("unverified");
    await expect(stixExport({ ...alert, content: { ...EXAMPLES.alert, tlp: "RED" } })).rejects.toThrow();
    expect(stixFilename({ kind: "alert", ts: 0, eventId: "$$$" }, "AR")).toBe("enlace-alert-1970-01-01-ar-.stix.json");
  });
});
