import { computeCoverage, type CoverageReport } from "#shared/content/coverage.js";
import { tallyAcks, type AckTally } from "#shared/matrix/advisories.js";
import type { AdvisoryItem } from "./counts.js";
import type { Item } from "./items.js";

/** One person who acknowledged for their state: the registry name their signed credential carries, and when. */
export interface Acknowledger {
  userId: string;
  /** From the verified credential; null when the credential predates names (the view shows the account id). */
  name: string | null;
  at: Date;
}

export type AdvisoryCoverage = CoverageReport & {
  notCounted: AckTally["notCounted"];
  /** Per acknowledged expected state, its people who acknowledged, each once (their first ack), earliest first. */
  acknowledgedBy: Map<string, Acknowledger[]>;
};

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
  const acknowledged = new Set(report.states.filter((s) => s.status === "acknowledged").map((s) => s.state));
  const first = new Map<string, { state: string; person: Acknowledger }>();
  for (const a of counted) {
    if (!acknowledged.has(a.state)) continue;
    const prev = first.get(a.sender);
    if (!prev || a.at < prev.person.at) first.set(a.sender, { state: a.state, person: { userId: a.sender, name: a.name, at: a.at } });
  }
  const acknowledgedBy = new Map<string, Acknowledger[]>();
  for (const { state, person } of [...first.values()].sort((x, y) => x.person.at.getTime() - y.person.at.getTime())) {
    acknowledgedBy.set(state, [...(acknowledgedBy.get(state) ?? []), person]);
  }
  return { ...report, notCounted, acknowledgedBy };
}
