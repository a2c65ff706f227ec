import { describe, it, expect, beforeAll } from "vitest";
import fc from "fast-check";
import { parseIncoming, type ParseResult } from "./parse.js";
import { buildEventContent } from "./event.js";
import { buildAckContent } from "./ack.js";
import { CREDENTIAL_STATE_EVENT_TYPE, EVENT_TYPES, MESSAGE_KINDS, MESSAGE_EVENT_TYPE } from "./types.js";
import type { ContentByKind } from "./schemas.js";
import { EXAMPLES, EXAMPLE_INCIDENT_EVENT_ID } from "./examples.js";
import { allExamples } from "./test-fixtures.js";

let examples: ContentByKind;
beforeAll(async () => {
  examples = (await allExamples()).examples;
});

const STATUSES = ["valid", "invalid", "ignored"];
const msg = (content: unknown) => parseIncoming(MESSAGE_EVENT_TYPE, content);
const built = (kind: (typeof MESSAGE_KINDS)[number]) => JSON.parse(JSON.stringify(buildEventContent(kind, examples[kind] as never, { roomCeiling: "RED" })));
const reason = (r: ParseResult) => (r.status === "valid" ? "" : r.reason);

describe("parseIncoming: valid content round-trips", () => {
  it("for every message kind: build → JSON → parse gives back the payload", () => {
    for (const kind of MESSAGE_KINDS) {
      const r = msg(built(kind));
      expect(r, kind).toEqual({ status: "valid", kind, content: examples[kind] });
    }
  });

  it("for the ack and the room TLP state", () => {
    const ack = JSON.parse(JSON.stringify(buildAckContent("$adv")));
    expect(parseIncoming(EVENT_TYPES.ack, ack)).toEqual({ status: "valid", kind: "ack", content: ack });
    expect(parseIncoming(EVENT_TYPES["room.tlp"], { version: 1, ceiling: "AMBER+STRICT" })).toEqual({
      status: "valid",
      kind: "room.tlp",
      content: { version: 1, ceiling: "AMBER+STRICT" },
    });
  });

  it("narrows the content type by kind", () => {
    const r = msg(built("alert"));
    if (r.status !== "valid" || r.kind !== "alert") throw new Error("expected a valid alert");
    expect(r.content.affectedStates).toEqual(["CL", "AR"]);
  });
});

describe("parseIncoming: what is not Enlace content is ignored", () => {
  it.each([
    ["plain chat", MESSAGE_EVENT_TYPE, { msgtype: "m.text", body: "hola" }],
    ["reaction", "m.reaction", { "m.relates_to": { rel_type: "m.annotation", event_id: "$x", key: "👍" } }],
    ["undecrypted", "m.room.encrypted", { algorithm: "m.megolm.v1.aes-sha2", ciphertext: "…" }],
    ["credential state", CREDENTIAL_STATE_EVENT_TYPE, { anything: true }],
    ["message whose content is not an object", MESSAGE_EVENT_TYPE, "text"],
  ])("%s", (_name, type, content) => {
    expect(parseIncoming(type, content).status).toBe("ignored");
  });
});

describe("parseIncoming: invalid Enlace content is reported, with a reason", () => {
  const cases: Array<[string, () => [unknown, unknown], RegExp]> = [
    [
      "schema failure names the field",
      () => [MESSAGE_EVENT_TYPE, { ...built("alert"), [EVENT_TYPES.alert]: { ...EXAMPLES.alert, severity: "apocalyptic" } }],
      /^severity: /,
    ],
    ["newer version", () => [MESSAGE_EVENT_TYPE, { body: "x", [EVENT_TYPES.alert]: { ...EXAMPLES.alert, version: 2 } }], /version 2 is newer/],
    ["two payloads", () => [MESSAGE_EVENT_TYPE, { ...built("alert"), [EVENT_TYPES.incident]: EXAMPLES.incident }], /more than one/],
    ["ack inside a message", () => [MESSAGE_EVENT_TYPE, { body: "ok", [EVENT_TYPES.ack]: {} }], /its own org\.oas\.enlace\.ack event/],
    ["unknown Enlace payload", () => [MESSAGE_EVENT_TYPE, { body: "x", "org.oas.enlace.poll": {} }], /unsupported Enlace content/],
    ["edit of Enlace content", () => [MESSAGE_EVENT_TYPE, { ...built("alert"), "m.relates_to": { rel_type: "m.replace", event_id: "$a" } }], /edits/],
    [
      "thread pointing elsewhere",
      () => [MESSAGE_EVENT_TYPE, { ...built("incident.update"), "m.relates_to": { rel_type: "m.thread", event_id: "$other" } }],
      /thread relation/,
    ],
    [
      "reply pointing elsewhere",
      () => [MESSAGE_EVENT_TYPE, { ...built("expertise.offer"), "m.relates_to": { "m.in_reply_to": { event_id: "$other" } } }],
      /reply relation/,
    ],
    ["payload sent as its own event type", () => [EVENT_TYPES.alert, EXAMPLES.alert], /must be sent inside m\.room\.message/],
    ["unknown Enlace event type", () => ["org.oas.enlace.future", {}], /unsupported Enlace event type/],
    ["ack with a comment", () => [EVENT_TYPES.ack, { ...EXAMPLES.ack, body: "secret comment" }], /Unrecognized key/],
    ["non-string event type", () => [42, {}], /event type/],
  ];
  it.each(cases)("%s", (_name, make, why) => {
    const [type, content] = make();
    const r = parseIncoming(type, content);
    expect(r.status).toBe("invalid");
    expect(reason(r)).toMatch(why);
  });

  it("accepts an update whose thread relation matches", () => {
    const ok = { ...built("incident.update"), "m.relates_to": { rel_type: "m.thread", event_id: EXAMPLE_INCIDENT_EVENT_ID } };
    expect(msg(ok).status).toBe("valid");
  });
});

describe("parseIncoming never throws", () => {
  it("on hostile values", () => {
    const deep: Record<string, unknown> = {};
    let cursor = deep;
    for (let i = 0; i < 100_000; i++) {
      const next = {};
      cursor.a = next;
      cursor = next;
    }
    const deepArray: unknown[] = [];
    let arr = deepArray;
    for (let i = 0; i < 100_000; i++) {
      const next: unknown[] = [];
      arr.push(next);
      arr = next;
    }
    const throwing = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error("boom");
        },
        get() {
          throw new Error("boom");
        },
      },
    );
    const getter = {
      get "org.oas.enlace.alert"() {
        throw new Error("boom");
      },
    };
    const huge = "x".repeat(10 * 1024 * 1024);
    const inputs: unknown[] = [
      null,
      undefined,
      0,
      NaN,
      "",
      [],
      [1, 2],
      true,
      Symbol("s"),
      () => 1,
      new Date(),
      new Map(),
      Object.create(null),
      deep,
      deepArray,
      throwing,
      getter,
      { [EVENT_TYPES.alert]: deep },
      { [EVENT_TYPES.alert]: deepArray },
      { [EVENT_TYPES.alert]: { ...EXAMPLES.alert, summary: huge } },
      { [EVENT_TYPES.alert]: { ...EXAMPLES.alert, [huge]: 1 } },
      { [EVENT_TYPES.alert]: throwing },
      { [EVENT_TYPES.alert]: getter },
      JSON.parse(
        `{"__proto__": {"polluted": true}, "${EVENT_TYPES.alert}": {"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}}`,
      ),
    ];
    const types: unknown[] = [MESSAGE_EVENT_TYPE, EVENT_TYPES.ack, EVENT_TYPES["room.tlp"], EVENT_TYPES.alert, null, {}, huge];
    const started = Date.now();
    for (const t of types)
      for (const c of inputs) {
        const r = parseIncoming(t, c);
        expect(STATUSES).toContain(r.status);
        if (r.status !== "valid") expect(r.reason.length).toBeLessThanOrEqual(300);
      }
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  const keys = fc.constantFrom(
    "__proto__",
    "constructor",
    "prototype",
    "toString",
    "version",
    "tlp",
    "body",
    "msgtype",
    "m.relates_to",
    "rel_type",
    "event_id",
    "m.in_reply_to",
    ...Object.values(EVENT_TYPES),
    ...Object.keys(EXAMPLES.alert),
    ...Object.keys(EXAMPLES.document.file),
  );
  const eventTypes = fc.oneof(fc.constantFrom(MESSAGE_EVENT_TYPE, ...Object.values(EVENT_TYPES), CREDENTIAL_STATE_EVENT_TYPE), fc.string());

  it("over arbitrary JSON (property)", () => {
    fc.assert(
      fc.property(eventTypes, fc.jsonValue(), (type, content) => {
        expect(STATUSES).toContain(parseIncoming(type, content).status);
      }),
      { numRuns: 2000 },
    );
  });

  it("over arbitrary values with hostile keys, inside and around an Enlace payload (property)", () => {
    const value = fc.anything({ key: fc.oneof(keys, fc.string()), withNullPrototype: true, withBoxedValues: true, maxDepth: 6 });
    fc.assert(
      fc.property(eventTypes, fc.constantFrom(...MESSAGE_KINDS), value, value, (type, kind, payload, rest) => {
        const content = typeof rest === "object" && rest !== null && !Array.isArray(rest) ? { ...rest, [EVENT_TYPES[kind]]: payload } : rest;
        expect(STATUSES).toContain(parseIncoming(type, content).status);
        expect(STATUSES).toContain(parseIncoming(MESSAGE_EVENT_TYPE, content).status);
      }),
      { numRuns: 2000 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("over valid events with one field replaced by arbitrary JSON; anything still valid passes the schema again (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...MESSAGE_KINDS), fc.nat(), fc.jsonValue(), (kind, pick, replacement) => {
        const content = built(kind);
        const payload = content[EVENT_TYPES[kind]] as Record<string, unknown>;
        const fields = Object.keys(payload);
        payload[fields[pick % fields.length]!] = replacement;
        const r = msg(content);
        expect(STATUSES).toContain(r.status);
        if (r.status === "valid") expect(msg(JSON.parse(JSON.stringify({ [EVENT_TYPES[kind]]: r.content }))).status).toBe("valid");
        else expect(r.status === "invalid" && r.kind).toBe(kind);
      }),
      { numRuns: 2000 },
    );
  });
});
