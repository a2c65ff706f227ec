import { describe, expect, it } from "vitest";
import { fold, searchLibrary, topicsOf, type LibraryItem } from "./search.js";
import { EXAMPLE_FILE } from "#shared/content/examples.js";
import type { DocumentContent } from "#shared/content/document.js";

const doc = (eventId: string, ts: number, patch: Partial<DocumentContent>): LibraryItem => ({
  eventId,
  roomId: "!r:localhost",
  sender: "@a:localhost",
  ts,
  content: {
    version: 1,
    tlp: "GREEN",
    title: "Lessons",
    event: "Final",
    date: "2024-07-14",
    topics: ["crowd management"],
    language: "en",
    summary: "…",
    file: EXAMPLE_FILE,
    mimetype: "application/pdf",
    size: 10,
    filename: "l.pdf",
    ...patch,
  },
});

const ITEMS = [
  doc("$1", 1, { title: "Segurança de estádios", event: "Copa América 2024", topics: ["stadiums", "entry"], language: "pt" }),
  doc("$2", 3, { title: "Fan zones after dark", event: "Gold Cup 2025", topics: ["fan zones", "lighting"], language: "en" }),
  doc("$3", 2, { title: "Évacuation d'une gare", event: "Sommet des Amériques", topics: ["transport", "entry"], language: "fr" }),
];
const names: Record<string, string> = { pt: "Portuguese", en: "English", fr: "French" };

describe("library search", () => {
  it("folds case and accents", () => {
    expect(fold("Segurança ÉCOLE")).toBe("seguranca ecole");
  });

  it("matches every word across title, event, topics and language, newest first", () => {
    const ids = (text: string, language = "") => searchLibrary(ITEMS, { text, language }, (c) => names[c]!).map((i) => i.eventId);
    expect(ids("")).toEqual(["$2", "$3", "$1"]);
    expect(ids("seguranca")).toEqual(["$1"]);
    expect(ids("ENTRY")).toEqual(["$3", "$1"]);
    expect(ids("entry copa")).toEqual(["$1"]);
    expect(ids("gold cup")).toEqual(["$2"]);
    expect(ids("french")).toEqual(["$3"]);
    expect(ids("entry", "pt")).toEqual(["$1"]);
    expect(ids("summary")).toEqual([]);
  });

  it("lists the topics in use, most frequent first", () => {
    expect(topicsOf(ITEMS)).toEqual(["entry", "fan zones", "lighting", "stadiums", "transport"]);
  });
});
