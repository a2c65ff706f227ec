import { useEffect, useState } from "react";

// Hash routes keep every URL servable by the static SPA fallback and keep tokens (enrollment
// links) out of server logs: the fragment never leaves the browser.
export type Route =
  | { name: "home" }
  | { name: "enroll"; token: string }
  | { name: "state" }
  | { name: "nominations" }
  | { name: "people" }
  | { name: "revetting" }
  | { name: "audit" }
  | { name: "directory" }
  | { name: "conversations" }
  | { name: "events" }
  | { name: "library" }
  | { name: "setup" }
  | { name: "restore" }
  | { name: "notifications" }
  | { name: "account" }
  | { name: "room"; roomId: string }
  | { name: "coverage"; roomId: string; eventId: string }
  | { name: "incident"; roomId: string; eventId: string }
  | { name: "event-expertise"; eventId: string }
  | { name: "not-found" };

const SIMPLE = [
  "state",
  "nominations",
  "people",
  "revetting",
  "audit",
  "directory",
  "conversations",
  "events",
  "library",
  "setup",
  "restore",
  "notifications",
  "account",
] as const;

// Matrix room and event ids carry "!", "$", ":" and "/" is possible in event ids of old room
// versions, so every segment is URI-encoded and decoded here.
function decode(s: string | undefined): string | null {
  if (!s) return null;
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, "").replace(/^\/+/, "").replace(/\/+$/, "");
  if (path === "") return { name: "home" };
  const [head, ...rest] = path.split("/");
  if (head === "enroll" && rest.length === 1 && rest[0]) return { name: "enroll", token: decodeURIComponent(rest[0]) };
  if (head === "room" && rest.length === 1) {
    const roomId = decode(rest[0]);
    return roomId ? { name: "room", roomId } : { name: "not-found" };
  }
  if ((head === "coverage" || head === "incident") && rest.length === 2) {
    const roomId = decode(rest[0]);
    const eventId = decode(rest[1]);
    return roomId && eventId ? { name: head, roomId, eventId } : { name: "not-found" };
  }
  if (head === "events" && rest.length === 2 && rest[1] === "expertise") {
    const eventId = decode(rest[0]);
    return eventId ? { name: "event-expertise", eventId } : { name: "not-found" };
  }
  const simple = SIMPLE.find((s) => s === head);
  return simple && rest.length === 0 ? { name: simple } : { name: "not-found" };
}

const enc = encodeURIComponent;

export function hrefOf(r: Route): string {
  switch (r.name) {
    case "home":
      return "#/";
    case "enroll":
      return `#/enroll/${enc(r.token)}`;
    case "room":
      return `#/room/${enc(r.roomId)}`;
    case "coverage":
    case "incident":
      return `#/${r.name}/${enc(r.roomId)}/${enc(r.eventId)}`;
    case "event-expertise":
      return `#/events/${enc(r.eventId)}/expertise`;
    default:
      return `#/${r.name}`;
  }
}

export function navigate(r: Route) {
  window.location.hash = hrefOf(r);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(window.location.hash));
    window.addEventListener("hashchange", on);
    return () => window.removeEventListener("hashchange", on);
  }, []);
  return route;
}

/** Screens reachable from the navigation, in menu order. */
export type NavName = "home" | "state" | "nominations" | "people" | "revetting" | "audit" | "directory" | "conversations" | "events" | "library";
export const NAV: NavName[] = ["home", "state", "nominations", "people", "revetting", "audit", "directory", "conversations", "events", "library"];
export const navHref = (name: NavName) => (name === "home" ? "#/" : `#/${name}`);
