import { computeCoverage, type CoverageReport } from "#shared/content/coverage.js";
import { tallyAcks, type AckTally } from "#shared/matrix/advisories.js";
import type { AdvisoryItem } from "./counts.js";
import type { Item } from "./items.js";

export type AdvisoryCoverage = CoverageReport & { notCounted: AckTally["notCounted"] };

/**
 * Coverage of one advisory from the room's acknowledgements. Only acks judged "verified" count
 * (vetted sender, device-signed by a device they cross-signed: tallyAcks), for the member state
 * their credential names; the others are listed as not counting. Pure.
 */
export function advisoryCoverage(
  advisory: AdvisoryItem,
  items: readonly Item[],
  expected: readonly string[],
  now: Date,
  withFocalPoints?: ReadonlySet<string>,
): AdvisoryCoverage {
  const { counted, notCounted } = tallyAcks(items, advisory.eventId);
  const report = computeCoverage({
    advisory: { ackDeadline: advisory.content.content.ackDeadline },
    expectedStates: expected,
    acks: counted,
    now,
    ...(withFocalPoints ? { withFocalPoints } : {}),
  });
  return { ...report, notCounted };
}
