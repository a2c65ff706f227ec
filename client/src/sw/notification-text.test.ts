import { describe, expect, it } from "vitest";
import { DEFAULT_FALLBACK, notificationFor, parsePayload, targetUrl } from "./notification-text.js";
import { shellCacheName, toDelete } from "./caches.js";

const scope = "https://enlace.example/";
const es = { title: "Enlace", body: "Hay novedades para usted en Enlace." };
const payload = (o: Record<string, unknown> = {}) =>
  JSON.stringify({
    kind: "advisory",
    title: "Turismo: aviso n.º 12",
    body: "Espera su acuse de recibo.",
    url: "#/room/!a%3Ahs",
    tag: "advisory:tourism:12",
    urgent: true,
    ...o,
  });

describe("payload → notification", () => {
  it("shows the server's localised metadata and opens the room", () => {
    const n = notificationFor(parsePayload(payload()), es, scope);
    expect(n.title).toBe("Turismo: aviso n.º 12");
    expect(n.options.body).toBe("Espera su acuse de recibo.");
    expect(n.options.data.url).toBe("https://enlace.example/#/room/!a%3Ahs");
    expect(n.options.tag).toBe("advisory:tourism:12");
    expect(n.options.requireInteraction).toBe(true);
    expect(n.options.icon).toBe("https://enlace.example/icons/icon-192.png");
  });

  it("opens only the app's own hash routes", () => {
    expect(targetUrl("#/nominations", scope)).toBe("https://enlace.example/#/nominations");
    for (const evil of ["https://evil.example/", "//evil.example", "javascript:alert(1)", "/api/logout", "#/x y"]) {
      expect(targetUrl(evil, scope)).toBe("https://enlace.example/#/");
    }
  });

  it("shows the stored generic text for a push it cannot read", () => {
    for (const text of [JSON.stringify({ kind: "alert" }), "{not json", null, "42", payload({ title: 7 })]) {
      const n = notificationFor(parsePayload(text), es, scope);
      expect(n.title).toBe("Enlace");
      expect(n.options.body).toBe("Hay novedades para usted en Enlace.");
      expect(n.options.data.url).toBe("https://enlace.example/#/");
    }
    expect(notificationFor(null, DEFAULT_FALLBACK, scope).options.body).toBe("Something new awaits you in Enlace.");
  });

  it("keeps only the payload's known fields, and bounds their length", () => {
    const p = parsePayload(payload({ summary: "CANARY", title: "x".repeat(500) }));
    expect(JSON.stringify(p)).not.toContain("CANARY");
    expect(notificationFor(p, es, scope).title.length).toBe(120);
    expect(parsePayload(payload({ urgent: "yes" }))?.urgent).toBe(false);
  });
});

describe("shell caches", () => {
  it("names the shell by the built files and deletes only older shells", () => {
    const v1 = shellCacheName(["/index.html", "/assets/a-1.js"]);
    const v2 = shellCacheName(["/index.html", "/assets/a-2.js"]);
    expect(v1).not.toBe(v2);
    expect(toDelete([v1, v2, "enlace-notify-strings", "other"], v2)).toEqual([v1]);
  });
});
