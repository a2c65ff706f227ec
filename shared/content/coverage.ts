/**
 * Acknowledgement coverage of an advisory per member state, computed client-side from the
 * ack events in the advisories room (the server never sees who acknowledged what beyond what
 * Matrix exposes anyway). Pure: the caller resolves each ack's sender to a member state via
 * verified credentials and drops acks that do not reference this advisory.
 *
 * Rules:
 * - a state is `acknowledged` from its FIRST ack (any of its focal points or alternates);
 * - an ack after the deadline still counts as acknowledged, flagged `late: true`
 *   (the state did respond; the Secretariat sees that it was late); an ack exactly at the
 *   deadline is on time;
 * - a state without an ack is `overdue` once `now` is after the deadline, else `pending`;
 *   without a deadline nothing is ever overdue;
 * - a state expected but with nobody to acknowledge for it (no vetted focal point or alternate of
 *   the advisory's programs in the room, `withFocalPoints` given) and no ack is `no-focal-point`:
 *   it is not waiting for anyone, the Secretariat has to find it a focal point; never overdue;
 * - acks from states not expected (e.g. a state outside the advisory's programs) do not count,
 *   and are listed in `unexpectedStates` so the console can show them.
 */
type StateCoverage =
  | { state: string; status: "acknowledged"; firstAckAt: Date; late: boolean }
  | { state: string; status: "pending" }
  | { state: string; status: "overdue" }
  | { state: string; status: "no-focal-point" };

export interface CoverageReport {
  states: StateCoverage[];
  acknowledged: number;
  late: number;
  pending: number;
  overdue: number;
  noFocalPoint: number;
  /** acknowledged / expected, 0..1 (1 when nothing was expected). */
  ratio: number;
  unexpectedStates: string[];
}

export interface CoverageInput {
  advisory: { ackDeadline?: string | undefined };
  expectedStates: readonly string[];
  acks: ReadonlyArray<{ state: string; at: Date }>;
  now: Date;
  /** The expected states with someone in the room to acknowledge; without it, every expected state has. */
  withFocalPoints?: ReadonlySet<string>;
}

export function computeCoverage({ advisory, expectedStates, acks, now, withFocalPoints }: CoverageInput): CoverageReport {
  const deadline = advisory.ackDeadline === undefined ? undefined : Date.parse(advisory.ackDeadline);
  const expected = [...new Set(expectedStates)];
  const expectedSet = new Set(expected);

  const firstAck = new Map<string, number>();
  const unexpected = new Set<string>();
  for (const ack of acks) {
    const at = ack.at.getTime();
    if (Number.isNaN(at)) continue;
    if (!expectedSet.has(ack.state)) {
      unexpected.add(ack.state);
      continue;
    }
    const prev = firstAck.get(ack.state);
    if (prev === undefined || at < prev) firstAck.set(ack.state, at);
  }

  const pastDeadline = deadline !== undefined && !Number.isNaN(deadline) && now.getTime() > deadline;
  const states: StateCoverage[] = expected.map((state) => {
    const at = firstAck.get(state);
    if (at !== undefined) {
      return { state, status: "acknowledged", firstAckAt: new Date(at), late: deadline !== undefined && at > deadline };
    }
    if (withFocalPoints && !withFocalPoints.has(state)) return { state, status: "no-focal-point" };
    return pastDeadline ? { state, status: "overdue" } : { state, status: "pending" };
  });

  const count = (s: StateCoverage["status"]) => states.filter((x) => x.status === s).length;
  const acknowledged = count("acknowledged");
  return {
    states,
    acknowledged,
    late: states.filter((s) => s.status === "acknowledged" && s.late).length,
    pending: count("pending"),
    overdue: count("overdue"),
    noFocalPoint: count("no-focal-point"),
    ratio: expected.length === 0 ? 1 : acknowledged / expected.length,
    unexpectedStates: [...unexpected].sort(),
  };
}
