import { describe, expect, it } from "vitest";
import {
  advisoryDraft,
  alertContent,
  documentMeta,
  emptyAdvisory,
  emptyAlert,
  emptyDocument,
  expertiseOfferContent,
  expertiseRequestContent,
  incidentContent,
  incidentUpdateContent,
  localToIso,
  splitList,
  tlpChoices,
  defaultTlp,
  venueOf,
  cleanText,
} from "./forms.js";
import { MAX_DOCUMENT_BYTES } from "#shared/content/document.js";
import type { MajorEvent } from "../../api/types.js";

const EVENT: MajorEvent = {
  id: "6f1c1f0e-2a4b-4c4e-9a55-0d6e1d2b3c4d",
  name: "Copa América 2027",
  hostState: "PE",
  startsOn: "2027-06-10",
  endsOn: "2027-07-10",
  venueType: "open-air",
  supportingStates: ["CL"],
  mayDo: [],
  createdAt: "2026-01-01T00:00:00Z",
};
const REQ = "$ExpertiseRequestEventBBBBBBBBBBBBBBBBBBBBBB";

describe("composer forms", () => {
  it("offers no TLP level above the room's ceiling, and defaults within it", () => {
    expect(tlpChoices("AMBER")).toEqual(["CLEAR", "GREEN", "AMBER"]);
    expect(tlpChoices("AMBER+STRICT")).toEqual(["CLEAR", "GREEN", "AMBER", "AMBER+STRICT"]);
    expect(defaultTlp("AMBER", "AMBER")).toBe("AMBER");
    expect(defaultTlp("CLEAR")).toBe("CLEAR");
  });

  it("maps a complete alert form to valid content, trimming and normalising line ends", () => {
    const f = {
      ...emptyAlert("AMBER", "CL"),
      title: "  Drone over fan zone ",
      summary: "Seen twice.\r\nReported to police.",
      category: "drone",
      validUntil: "2027-06-12T18:30",
      sourceReliability: "B",
      informationCredibility: "2",
      location: "Plaza de Armas",
    };
    const r = alertContent(f, "AMBER");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.content).toMatchObject({
      version: 1,
      tlp: "AMBER",
      title: "Drone over fan zone",
      summary: "Seen twice.\nReported to police.",
      affectedStates: ["CL"],
      sourceReliability: "B",
      informationCredibility: 2,
      location: { text: "Plaza de Armas" },
    });
    expect(r.content.validUntil).toMatch(/^2027-06-1[23]T\d{2}:30:00Z$/);
    expect("attachments" in r.content).toBe(false);
  });

  it("names every missing alert field with a translatable key, and refuses a level above the ceiling", () => {
    const r = alertContent({ ...emptyAlert("AMBER", null), tlp: "RED" }, "AMBER");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toMatchObject({
      title: { key: "required" },
      summary: { key: "required" },
      category: { key: "choose" },
      affectedStates: { key: "chooseOne" },
      validUntil: { key: "date" },
      sourceReliability: { key: "choose" },
      informationCredibility: { key: "required" },
      tlp: { key: "aboveCeiling", values: { ceiling: "TLP:AMBER" } },
    });
  });

  it("reports text that is too long or hides control characters", () => {
    const f = {
      ...emptyAlert("AMBER", "CL"),
      title: "x".repeat(201),
      summary: "a\u202Eb",
      category: "other",
      validUntil: "2027-01-01T00:00",
      sourceReliability: "F",
      informationCredibility: "6",
    };
    const r = alertContent(f, "AMBER");
    expect(!r.ok && r.errors).toMatchObject({ title: { key: "tooLong", values: { max: 200 } }, summary: { key: "characters" } });
  });

  it("maps incidents and their updates", () => {
    const i = incidentContent(
      { tlp: "GREEN", title: "Package", what: "Evacuated", where: "Central station", when: "2027-06-11T08:00", status: "ongoing" },
      "AMBER",
    );
    expect(i.ok && i.content.where).toEqual({ text: "Central station" });
    expect(incidentContent({ tlp: "GREEN", title: "", what: "x", where: "", when: "", status: "ongoing" }, "AMBER")).toMatchObject({
      ok: false,
      errors: { title: {}, where: { key: "required" }, when: { key: "date" } },
    });
    const u = incidentUpdateContent({ tlp: "GREEN", status: "contained", text: "Cleared" }, "$Inc1dentR00tEventAAAAAAAAAAAAAAAAAAAAAAAAA", "AMBER");
    expect(u).toMatchObject({ ok: true, content: { status: "contained", incidentEventId: "$Inc1dentR00tEventAAAAAAAAAAAAAAAAAAAAAAAAA" } });
  });

  it("checks a document's metadata and its file before anything is encrypted", () => {
    const f = {
      ...emptyDocument("AMBER", "es"),
      title: "Lecciones",
      event: "Final",
      date: "2024-07-14",
      topics: "crowds, entry ,crowds",
      summary: "Staggered entry.",
    };
    expect(documentMeta(f, { name: "l.pdf", size: 10, type: "application/pdf" }, "AMBER")).toMatchObject({
      ok: false,
      errors: { topics: { key: "duplicate" } },
    });
    const ok = documentMeta({ ...f, topics: "crowds, entry" }, { name: "l.pdf", size: 10, type: "application/pdf" }, "AMBER");
    expect(ok).toEqual({
      ok: true,
      content: {
        tlp: "GREEN",
        title: "Lecciones",
        event: "Final",
        date: "2024-07-14",
        topics: ["crowds", "entry"],
        language: "es",
        summary: "Staggered entry.",
      },
    });
    expect(documentMeta({ ...f, topics: "a" }, null, "AMBER")).toMatchObject({ ok: false, errors: { file: { key: "fileMissing" } } });
    expect(documentMeta({ ...f, topics: "a" }, { name: "big.zip", size: MAX_DOCUMENT_BYTES + 1, type: "" }, "AMBER")).toMatchObject({
      ok: false,
      errors: { file: { key: "fileTooLarge", values: { max: "50 MiB" } } },
    });
    expect(documentMeta({ ...f, topics: "a" }, { name: "a/b.pdf", size: 1, type: "" }, "AMBER")).toMatchObject({
      ok: false,
      errors: { file: { key: "filename" } },
    });
  });

  it("ties an expertise request to a registry event, and an offer to its request", () => {
    const r = expertiseRequestContent(
      { tlp: "AMBER", eventId: EVENT.id, areasNeeded: "crowd management, UAS", form: "on_site", deadline: "2027-05-01T12:00", details: "" },
      [EVENT],
      "AMBER+STRICT",
    );
    expect(r).toMatchObject({
      ok: true,
      content: {
        eventName: "Copa América 2027",
        hostState: "PE",
        startDate: "2027-06-10",
        endDate: "2027-07-10",
        venueType: "open_air",
        status: "open",
        areasNeeded: ["crowd management", "UAS"],
      },
    });
    expect(expertiseRequestContent({ tlp: "AMBER", eventId: "", areasNeeded: "", form: "either", deadline: "", details: "" }, [EVENT], "AMBER")).toMatchObject({
      ok: false,
      errors: { eventId: {}, areasNeeded: { key: "chooseOne" }, deadline: { key: "date" } },
    });
    expect(expertiseOfferContent({ tlp: "AMBER", areas: "UAS", form: "remote", availability: "June", note: " " }, REQ, "AMBER")).toEqual({
      ok: true,
      content: { version: 1, tlp: "AMBER", requestEventId: REQ, areas: ["UAS"], form: "remote", availability: "June" },
    });
    expect(venueOf("multiple")).toBe("mixed");
    expect(venueOf("summit-venue")).toBe("other");
  });

  it("checks an advisory as it will be signed, before a number is reserved", () => {
    const now = new Date("2027-01-01T00:00:00Z");
    const base = { ...emptyAdvisory("AMBER", "tourism"), title: "Fan zones", body: "Review barriers." };
    expect(advisoryDraft(base, "AMBER", now)).toMatchObject({ ok: false, errors: { ackDeadline: { key: "ackDeadlineMissing" } } });
    expect(advisoryDraft({ ...base, ackDeadline: "2026-12-01T00:00" }, "AMBER", now)).toMatchObject({
      ok: false,
      errors: { ackDeadline: { key: "ackDeadlineOrder" } },
    });
    expect(advisoryDraft({ ...base, requiresAck: false, ackDeadline: "2026-12-01T00:00" }, "AMBER", now)).toEqual({
      ok: true,
      content: {
        tlp: "AMBER",
        programCode: "tourism",
        title: "Fan zones",
        body: "Review barriers.",
        language: "en",
        programs: ["tourism"],
        requiresAck: false,
      },
    });
  });

  it("adds an advisory's versions in other languages, each input with its own error", () => {
    const now = new Date("2027-01-01T00:00:00Z");
    const base = { ...emptyAdvisory("AMBER", "tourism", "es"), title: "Zonas de aficionados", body: "Revisen las barreras.", requiresAck: false };
    const en = { language: "en" as const, title: " Fan zones ", body: "Review\r\nbarriers." };
    expect(advisoryDraft({ ...base, translations: [en] }, "AMBER", now)).toMatchObject({
      ok: true,
      content: { language: "es", title: "Zonas de aficionados", translations: [{ language: "en", title: "Fan zones", body: "Review\nbarriers." }] },
    });
    expect(advisoryDraft({ ...base, translations: [en, { language: "fr", title: "", body: "Vérifiez." }] }, "AMBER", now)).toEqual({
      ok: false,
      errors: { "translations.1.title": { key: "required" } },
    });
    expect(advisoryDraft({ ...base, translations: [{ ...en, language: "es" }] }, "AMBER", now)).toEqual({
      ok: false,
      errors: { "translations.0.language": { key: "versionLanguage" } },
    });
    const long = "x".repeat(6000);
    const three = ["en", "fr", "pt"].map((language) => ({ language: language as "en", title: "t", body: long }));
    expect(advisoryDraft({ ...base, translations: three }, "AMBER", now)).toEqual({ ok: false, errors: { translations: { key: "versionsTooLong" } } });
  });

  it("has small helpers that do what the forms need", () => {
    expect(splitList("a, b;;c\n d ")).toEqual(["a", "b", "c", "d"]);
    expect(localToIso("")).toBe("");
    expect(localToIso("soon")).toBe("soon");
    expect(cleanText(" a\r\nb\rc ")).toBe("a\nb\nc");
  });
});
