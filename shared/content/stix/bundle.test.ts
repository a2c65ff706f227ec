import { describe, it, expect, beforeAll } from "vitest";
import { toStixBundle, type StixBundle, type StixExportItem, type StixObject } from "./bundle.js";
import { items } from "./bundle.fixture.js";
import { TLP2_EXTENSION_ID, TLP2_MARKING_IDS } from "./markings.js";
import { uuidv5 } from "./uuid.js";
import { EXAMPLES } from "../examples.js";
import { InvalidContentError } from "../errors.js";

let bundle: StixBundle;
beforeAll(async () => {
  bundle = await toStixBundle(items);
});
const ofType = (t: string) => bundle.objects.filter((o) => o.type === t);
const byId = (id: unknown) => bundle.objects.find((o) => o.id === id)!;

describe("UUIDv5", () => {
  it("matches the RFC test vector", async () => {
    expect(await uuidv5("www.example.com", "6ba7b810-9dad-11d1-80b4-00c04fd430c8")).toBe("2ed6657d-e927-568b-95e1-2665a8aea6a2");
  });
});

describe("STIX 2.1 export", () => {
  it("is a bundle with a UUIDv4 id and only STIX 2.1 objects", () => {
    expect(bundle.type).toBe("bundle");
    expect(bundle.id).toMatch(/^bundle--[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    for (const o of bundle.objects) expect(o.spec_version, o.id).toBe("2.1");
    expect(new Set(bundle.objects.map((o) => o.id)).size).toBe(bundle.objects.length);
  });

  it("maps alerts to threat reports about country locations, created by the state's identity", () => {
    const [report] = ofType("report") as [StixObject];
    expect(report).toMatchObject({
      name: EXAMPLES.alert.title,
      report_types: ["threat-report"],
      published: "2025-07-08T12:00:00.005Z",
      created: "2025-07-08T12:00:00.005Z",
      labels: ["severity:high", "category:surveillance", "admiralty:B2"],
      confidence: 70,
      external_references: [{ source_name: "enlace", external_id: "$alertEvent1" }],
      object_marking_refs: [TLP2_MARKING_IDS.AMBER],
    });
    expect(report.description).toContain("Admiralty code: B2");
    const refs = (report.object_refs as string[]).map(byId);
    expect(refs.filter((o) => o.country).map((o) => o.country)).toEqual(["CL", "AR"]);
    expect(refs.find((o) => o.latitude !== undefined)).toMatchObject({
      latitude: -33.4645,
      longitude: -70.6109,
      object_marking_refs: [TLP2_MARKING_IDS.AMBER],
    });
    expect(byId(report.created_by_ref)).toMatchObject({ type: "identity", identity_class: "organization", name: expect.stringContaining("CL") });
    const second = ofType("report")[1]!;
    expect(second.confidence).toBeUndefined(); // credibility 6: cannot be judged
    expect(second.object_marking_refs).toEqual([TLP2_MARKING_IDS["AMBER+STRICT"]]);
  });

  it("maps incidents to incident SDOs and updates to notes referring to them", () => {
    const [incident] = ofType("incident") as [StixObject];
    expect(incident).toMatchObject({ name: EXAMPLES.incident.title, labels: ["status:ongoing"], object_marking_refs: [TLP2_MARKING_IDS.GREEN] });
    const [note] = ofType("note") as [StixObject];
    expect(note).toMatchObject({ abstract: "Incident update: status contained", content: EXAMPLES["incident.update"].text, object_refs: [incident.id] });
    expect(note.object_marking_refs).toEqual([TLP2_MARKING_IDS.RED]);
    const [rel] = ofType("relationship") as [StixObject];
    expect(rel).toMatchObject({ source_ref: incident.id, relationship_type: "related-to" });
    expect(byId(rel.target_ref).type).toBe("location");
  });

  it("includes the official TLP 2.0 marking definitions it uses", () => {
    const markings = ofType("marking-definition");
    expect(markings.map((m) => m.name)).toEqual(["TLP:CLEAR", "TLP:GREEN", "TLP:AMBER", "TLP:AMBER+STRICT", "TLP:RED"]);
    expect(markings.find((m) => m.name === "TLP:AMBER+STRICT")).toEqual({
      type: "marking-definition",
      spec_version: "2.1",
      id: "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
      created: "2022-10-01T00:00:00.000Z",
      name: "TLP:AMBER+STRICT",
      extensions: { [TLP2_EXTENSION_ID]: { extension_type: "property-extension", tlp_2_0: "amber+strict" } },
    });
    for (const o of bundle.objects.filter((x) => x.type !== "marking-definition")) {
      for (const ref of o.object_marking_refs as string[])
        expect(
          markings.map((m) => m.id),
          o.id,
        ).toContain(ref);
    }
  });

  it("uses RFC 3339 timestamps with milliseconds and Z", () => {
    for (const o of bundle.objects) {
      for (const k of ["created", "modified", "published"]) {
        if (o[k] !== undefined) expect(o[k], `${o.id}.${k}`).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      }
    }
  });

  it("is stable on re-export and leaks neither senders nor attachment keys", async () => {
    const again = await toStixBundle([...items].reverse(), { bundleId: "bundle--00000000-0000-4000-8000-000000000000" });
    const sortById = (os: StixObject[]) => [...os].sort((a, b) => a.id.localeCompare(b.id));
    expect(sortById(again.objects)).toEqual(sortById(bundle.objects));
    const json = JSON.stringify(bundle);
    expect(json).not.toContain("@ana:cl.example");
    expect(json).not.toContain(EXAMPLES.alert.attachments![0]!.file.key.k);
    expect(json).not.toContain("mxc://");
  });

  it("names the OAS Secretariat as the source of its own items (it represents no member state)", async () => {
    const fromSecretariat = await toStixBundle([{ ...items[0]!, originState: null, sender: "@officer:oas.example" } as StixExportItem]);
    const report = fromSecretariat.objects.find((o) => o.type === "report")!;
    const source = fromSecretariat.objects.find((o) => o.id === report.created_by_ref)!;
    expect(source).toMatchObject({ type: "identity", name: "OAS Secretariat (CICTE), Enlace", identity_class: "organization", sectors: ["government"] });
    expect(source.id).not.toBe(byId(ofType("report")[0]!.created_by_ref).id);
    expect(JSON.stringify(fromSecretariat)).not.toContain("@officer");
  });

  it("refuses invalid content", async () => {
    await expect(toStixBundle([{ ...items[0]!, originState: "Chile" } as StixExportItem])).rejects.toBeInstanceOf(InvalidContentError);
    await expect(toStixBundle([{ ...items[0]!, content: { ...EXAMPLES.alert, title: "" } } as StixExportItem])).rejects.toBeInstanceOf(InvalidContentError);
  });
});
