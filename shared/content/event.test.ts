import { describe, it, expect, beforeAll } from "vitest";
import { buildEventContent, MAX_CONTENT_BYTES } from "./event.js";
import { toHtmlBody, toPlainBody, SCHEMAS, type ContentByKind } from "./schemas.js";
import { EVENT_TYPES, HTML_FORMAT, MESSAGE_KINDS, type MessageKind } from "./types.js";
import { TlpCeilingError } from "./tlp.js";
import { InvalidContentError } from "./errors.js";
import { EXAMPLES, EXAMPLE_INCIDENT_EVENT_ID, EXAMPLE_REQUEST_EVENT_ID, EXAMPLE_UNSIGNED_ADVISORY } from "./examples.js";
import { signAdvisory } from "./advisory-signature.js";
import { generateSigningKeyPair } from "../crypto/sign.js";
import { allExamples } from "./test-fixtures.js";

let examples: ContentByKind;
let secretKey: string;
beforeAll(async () => {
  examples = (await allExamples()).examples;
  secretKey = (await generateSigningKeyPair()).secretKey;
});
const RED = { roomCeiling: "RED" } as const;

/** Replaces each string leaf, one at a time, with `value` wherever the schema still accepts it. */
function injectEverywhere<K extends MessageKind>(kind: K, content: ContentByKind[K], value: string): { content: ContentByKind[K]; injected: number } {
  let current = structuredClone(content) as unknown as Record<string, unknown>;
  let injected = 0;
  const visit = (path: (string | number)[], node: unknown) => {
    if (typeof node === "string") {
      const candidate = structuredClone(current);
      let target: any = candidate;
      for (const p of path.slice(0, -1)) target = target[p];
      target[path[path.length - 1]!] = value + node;
      if (SCHEMAS[kind].safeParse(candidate).success) {
        current = candidate;
        injected++;
      }
    } else if (node && typeof node === "object") {
      for (const [k, v] of Object.entries(node)) visit([...path, Array.isArray(node) ? Number(k) : k], v);
    }
  };
  visit([], content);
  return { content: current as unknown as ContentByKind[K], injected };
}

describe("fallbacks", () => {
  it("read well in Element: alert", () => {
    expect(toPlainBody("alert", EXAMPLES.alert)).toBe(
      "🚨 ALERT [TLP:AMBER] HIGH — Reported surveillance of stadium entrances\n" +
        "Two individuals filmed gate procedures at Estadio Nacional on three consecutive days.\nPlates shared with police.\n" +
        "Reliability B2 · valid until 2025-07-15 00:00 UTC · states CL, AR · location Estadio Nacional, Santiago · 1 attachment(s)",
    );
  });

  it("name the kind, TLP and key facts for every kind", () => {
    const expected: Record<MessageKind, RegExp> = {
      alert: /^🚨 ALERT \[TLP:AMBER\] HIGH/,
      incident: /^⚠️ INCIDENT \[TLP:GREEN\] ONGOING — Suspicious package/,
      "incident.update": /^↪️ INCIDENT UPDATE \[TLP:GREEN\] now CONTAINED\nPackage cleared/,
      advisory: /^📢 ADVISORY tourism #12 \[TLP:AMBER\] — Heightened threat[\s\S]*acknowledgement required by 2025-07-10 18:00 UTC/,
      document: /^📄 LESSONS LEARNED \[TLP:GREEN\] — Lessons learned: crowd flow[\s\S]*file lecciones-final-2024\.pdf/,
      "expertise.request":
        /^🤝 EXPERTISE REQUEST \[TLP:GREEN\] OPEN — Pan American Games 2027 \(PE, 2027-07-23 to 2027-08-08\)\nneeds crowd management, UAS countermeasures · remote or on site/,
      "expertise.offer": /^🙋 EXPERTISE OFFER \[TLP:GREEN\]\noffers UAS countermeasures · remote\nAvailability: April 2027/,
      "expertise.status": /^🤝 EXPERTISE REQUEST now MATCHED \[TLP:GREEN\]/,
    };
    for (const kind of MESSAGE_KINDS) expect(toPlainBody(kind, examples[kind]), kind).toMatch(expected[kind]);
  });

  it("escape everything in HTML: <script> in every field yields only our own tags", async () => {
    const evil = `<script>alert("x")</script><img src=x onerror='y'>&`;
    for (const kind of MESSAGE_KINDS) {
      let { content, injected } = injectEverywhere(kind, examples[kind], evil);
      if (kind === "advisory") {
        const { signature: _s, ...unsigned } = content as ContentByKind["advisory"];
        content = (await signAdvisory(secretKey, unsigned)) as typeof content;
      }
      expect(injected, `${kind} has free-text fields`).toBeGreaterThanOrEqual(1);
      const html = toHtmlBody(kind, content);
      expect(html, kind).not.toMatch(/<script|<img/i);
      expect(html, kind).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
      const tags = new Set([...html.matchAll(/<\/?([a-zA-Z0-9]+)/g)].map((m) => m[1]));
      for (const t of tags) expect(["p", "strong", "em", "br", "font"], `${kind} <${t}>`).toContain(t);
      // The plain body is text: it keeps the characters as typed.
      expect(toPlainBody(kind, content)).toContain(evil);
    }
  });

  it("cut long text without breaking surrogate pairs", () => {
    const summary = "😀".repeat(2000);
    const body = toPlainBody("alert", { ...EXAMPLES.alert, summary });
    const cut = body.split("\n")[1]!;
    expect(cut.endsWith("…")).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(1500);
    expect(/\p{Cs}/u.test(cut)).toBe(false);
  });
});

describe("buildEventContent", () => {
  it("builds an m.room.message with fallbacks and the namespaced payload", () => {
    const c = buildEventContent("alert", EXAMPLES.alert, RED);
    expect(c).toMatchObject({ msgtype: "m.text", format: HTML_FORMAT });
    expect(c.body).toBe(toPlainBody("alert", EXAMPLES.alert));
    expect(c.formatted_body).toBe(toHtmlBody("alert", EXAMPLES.alert));
    expect(c[EVENT_TYPES.alert]).toEqual(EXAMPLES.alert);
    expect(Object.keys(c).filter((k) => k.startsWith("org.oas.enlace"))).toEqual(["org.oas.enlace.alert"]);
  });

  it("threads incident updates and replies offers/status to their request", () => {
    expect(buildEventContent("incident.update", EXAMPLES["incident.update"], RED)["m.relates_to"]).toEqual({
      rel_type: "m.thread",
      event_id: EXAMPLE_INCIDENT_EVENT_ID,
      is_falling_back: true,
      "m.in_reply_to": { event_id: EXAMPLE_INCIDENT_EVENT_ID },
    });
    for (const kind of ["expertise.offer", "expertise.status"] as const) {
      expect(buildEventContent(kind, EXAMPLES[kind], RED)["m.relates_to"]).toEqual({ "m.in_reply_to": { event_id: EXAMPLE_REQUEST_EVENT_ID } });
    }
    expect(buildEventContent("alert", EXAMPLES.alert, RED)["m.relates_to"]).toBeUndefined();
  });

  it("sends documents as m.file so Element offers the download, with the fallback as caption", () => {
    const d = EXAMPLES.document;
    const c = buildEventContent("document", d, RED);
    expect(c).toMatchObject({ msgtype: "m.file", filename: d.filename, file: d.file, info: { mimetype: d.mimetype, size: d.size } });
    expect(c.body).not.toBe(d.filename);
  });

  it("refuses content above the room's TLP ceiling, and invalid content", () => {
    expect(() => buildEventContent("alert", EXAMPLES.alert, { roomCeiling: "GREEN" })).toThrow(TlpCeilingError);
    expect(() => buildEventContent("alert", EXAMPLES.alert, { roomCeiling: "AMBER" })).not.toThrow();
    expect(() => buildEventContent("alert", { ...EXAMPLES.alert, title: "" }, RED)).toThrow(InvalidContentError);
    expect(() => buildEventContent("alert", { ...EXAMPLES.alert, title: "" }, RED)).toThrow(/title/);
  });

  it("fits maximal content in 3-byte characters within an encrypted event", async () => {
    const w = (n: number) => "€".repeat(n);
    const alert: ContentByKind["alert"] = {
      ...EXAMPLES.alert,
      title: w(200),
      summary: w(4000),
      location: { text: w(300), lat: -33.123456789, lon: -70.123456789 },
      affectedStates: Array.from({ length: 40 }, (_, i) => String.fromCharCode(65 + (i % 26), 65 + Math.floor(i / 26))),
      attachments: Array.from({ length: 10 }, () => ({
        ...EXAMPLES.alert.attachments![0]!,
        filename: w(255),
        mimetype: "a".repeat(60) + "/" + "b".repeat(66),
      })),
    };
    const advisory = await signAdvisory(
      secretKey,
      {
        ...EXAMPLE_UNSIGNED_ADVISORY,
        title: w(200),
        body: w(8000),
        programCode: "p".repeat(40),
        programs: Array.from({ length: 20 }, (_, i) => `p${String(i).padStart(2, "0")}${"x".repeat(37)}`),
      },
      "k".repeat(64),
    );
    const document: ContentByKind["document"] = {
      ...EXAMPLES.document,
      title: w(200),
      event: w(200),
      topics: Array.from({ length: 20 }, (_, i) => `${String(i).padStart(2, "0")}${w(78)}`),
      summary: w(4000),
      filename: w(255),
      mimetype: "a".repeat(60) + "/" + "b".repeat(66),
    };
    const request: ContentByKind["expertise.request"] = {
      ...EXAMPLES["expertise.request"],
      eventName: w(200),
      areasNeeded: Array.from({ length: 20 }, (_, i) => `${String(i).padStart(2, "0")}${w(98)}`),
      details: w(4000),
    };
    const offer: ContentByKind["expertise.offer"] = {
      ...EXAMPLES["expertise.offer"],
      areas: Array.from({ length: 20 }, (_, i) => `${String(i).padStart(2, "0")}${w(98)}`),
      availability: w(1000),
      note: w(2000),
    };
    const cases = [
      ["alert", alert],
      ["advisory", advisory],
      ["document", document],
      ["expertise.request", request],
      ["expertise.offer", offer],
    ] as const;
    for (const [kind, content] of cases) {
      expect(SCHEMAS[kind].safeParse(content).success, kind).toBe(true);
      let built: Record<string, unknown>;
      try {
        built = buildEventContent(kind, content as never, RED);
      } catch (e) {
        throw new Error(`${kind}: ${String(e)}`);
      }
      const bytes = new TextEncoder().encode(JSON.stringify(built)).length;
      expect(bytes, kind).toBeLessThanOrEqual(MAX_CONTENT_BYTES);
      expect(bytes, `${kind} is really near the limit`).toBeGreaterThan(MAX_CONTENT_BYTES / 2);
    }
  });
});
