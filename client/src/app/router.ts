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
  | { name: "events" }
  | { name: "not-found" };

const SIMPLE = ["state", "nominations", "people", "revetting", "audit", "directory", "events"] as const;

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, "").replace(/^\/+/, "").replace(/\/+$/, "");
  if (path === "") return { name: "home" };
  const [head, ...rest] = path.split("/");
  if (head === "enroll" && rest.length === 1 && rest[0]) return { name: "enroll", token: decodeURIComponent(rest[0]) };
  const simple = SIMPLE.find((s) => s === head);
  return simple && rest.length === 0 ? { name: simple } : { name: "not-found" };
}

export const hrefOf = (r: Route): string =>
  r.name === "home" ? "#/" : r.name === "enroll" ? `#/enroll/${encodeURIComponent(r.token)}` : `#/${r.name}`;

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
export type NavName = Exclude<Route["name"], "enroll" | "not-found">;
export const NAV: NavName[] = ["home", "state", "nominations", "people", "revetting", "audit", "directory", "events"];
export const navHref = (name: NavName) => (name === "home" ? "#/" : `#/${name}`);
