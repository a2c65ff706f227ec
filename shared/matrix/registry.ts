import type { ExpertiseRequestContent } from "../content/expertise-request.js";
import type { z } from "zod";
import { ApiError } from "../api/client.js";
import type { MajorEventView } from "../api/registry.js";

/** What the registry says about a major event: the facts an expertise request must agree with. */
type MajorEventFacts = Pick<z.output<typeof MajorEventView>, "id" | "name" | "hostState" | "startsOn" | "endsOn">;

/** The registry as an Enlace client sees it (a port: the control plane in practice). */
export interface RegistryLookup {
  majorEvent(id: string): Promise<MajorEventFacts | null>;
}

export class UnknownMajorEventError extends Error {
  constructor(readonly reason: string) {
    super(`expertise request refused: ${reason}`);
    this.name = "UnknownMajorEventError";
  }
}

/**
 * The control plane as a registry, remembering answers for the session: events are few, and an
 * expertise request must not become unreadable because one lookup failed later.
 */
export function registryOf(cp: RegistryLookup): RegistryLookup {
  const known = new Map<string, Promise<MajorEventFacts | null>>();
  return {
    majorEvent(id) {
      let hit = known.get(id);
      if (!hit) {
        hit = cp.majorEvent(id).catch((err) => {
          known.delete(id); // a network failure is not an answer
          if (err instanceof ApiError && (err.status === 404 || err.status === 400)) return null;
          throw err;
        });
        known.set(id, hit);
      }
      return hit;
    },
  };
}

/**
 * Why an expertise request does not match the registry, or null when it does. The request names
 * its event by id and repeats its name, host state and dates for readers without Enlace; those
 * copies must be the registry's, or a member could dress a request up as a real event.
 */
function mismatchWithRegistry(
  r: Pick<ExpertiseRequestContent, "eventId" | "eventName" | "hostState" | "startDate" | "endDate">,
  e: MajorEventFacts | null,
): string | null {
  if (!e) return "the major event is not in the registry";
  const wrong = [
    r.eventName !== e.name && "name",
    r.hostState !== e.hostState && "host state",
    r.startDate !== e.startsOn && "start date",
    r.endDate !== e.endsOn && "end date",
  ].filter(Boolean);
  return wrong.length ? `the ${wrong.join(", ")} differ from the registry's major event` : null;
}

/** Looks the request's event up and compares: the one check both sending and reading make. */
export async function registryMismatch(registry: RegistryLookup, r: ExpertiseRequestContent): Promise<string | null> {
  return mismatchWithRegistry(r, await registry.majorEvent(r.eventId));
}
