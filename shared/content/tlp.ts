import { z } from "zod";

/**
 * TLP 2.0 (FIRST). Labels are never translated: they are the same string in every language,
 * so they are stored and shown exactly as below ("TLP:AMBER+STRICT").
 */
export const TLP_LEVELS = ["CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED"] as const;
export type Tlp = (typeof TLP_LEVELS)[number];
export const Tlp = z.enum(TLP_LEVELS);

const RANK: Readonly<Record<Tlp, number>> = { CLEAR: 0, GREEN: 1, AMBER: 2, "AMBER+STRICT": 3, RED: 4 };

export const isTlp = (value: unknown): value is Tlp => typeof value === "string" && Object.hasOwn(RANK, value);

/** Negative if a is less restrictive than b, 0 if equal, positive if more restrictive. */
export const compareTlp = (a: Tlp, b: Tlp): number => RANK[a] - RANK[b];

export const isWithinCeiling = (level: Tlp, ceiling: Tlp): boolean => compareTlp(level, ceiling) <= 0;

/** The more restrictive of the levels (e.g. the marking of something derived from several sources). */
export const mostRestrictive = (levels: readonly Tlp[]): Tlp => levels.reduce<Tlp>((acc, l) => (compareTlp(l, acc) > 0 ? l : acc), "CLEAR");

/** "TLP:AMBER+STRICT": the display form, identical in every UI language. */
export const tlpLabel = (level: Tlp): string => `TLP:${level}`;

export class TlpCeilingError extends Error {
  override readonly name = "TlpCeilingError";
  constructor(
    readonly level: Tlp,
    readonly ceiling: Tlp,
  ) {
    super(
      `${tlpLabel(level)} is above this room's ceiling of ${tlpLabel(ceiling)}; choose ${tlpLabel(ceiling)} or lower, or share it in a room cleared for ${tlpLabel(level)}`,
    );
  }
}

/** A client refuses to send above the room's ceiling (DESIGN principle 4). */
export function assertWithinCeiling(level: Tlp, ceiling: Tlp): void {
  if (!isWithinCeiling(level, ceiling)) throw new TlpCeilingError(level, ceiling);
}
