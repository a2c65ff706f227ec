import { computeCoverage, type CoverageReport } from "../../../shared/content/coverage.js";
import { ackTarget, type AdvisoryItem } from "./counts.js";
import type { Item } from "./items.js";

/**
 * Coverage of one advisory from the room's acknowledgements. Only acks whose sender is verified
 * count, and they count for the member state their credential names. Pure.
 */
export function advisoryCoverage(advisory: AdvisoryItem, items: readonly Item[], expected: readonly string[], now: Date): CoverageReport {
  const acks = items
    .filter((i) => ackTarget(i) === advisory.eventId)
    .flatMap((i) => (i.trust.level === "verified" && i.trust.memberState ? [{ state: i.trust.memberState, at: new Date(i.ts) }] : []));
  return computeCoverage({ advisory: { ackDeadline: advisory.content.content.ackDeadline }, expectedStates: expected, acks, now });
}
