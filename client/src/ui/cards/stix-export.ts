import type { AlertContent } from "#shared/content/alert.js";
import type { IncidentContent } from "#shared/content/incident.js";
import type { TrustVerdict } from "#shared/matrix/trust.js";
import { toStixBundle, type StixExportItem } from "#shared/content/stix/bundle.js";

type Exportable = { kind: "alert"; content: AlertContent } | { kind: "incident"; content: IncidentContent };
export type StixExportSource = Exportable & { eventId: string; sender: string; ts: number; trust: TrustVerdict };

/**
 * Why a card offers no export, or null when it does. The bundle names the sender's member state
 * (or the Secretariat) as its source, which only a verified credential says; and TLP:RED is for the
 * people in the room, never for a CSIRT's platform, so it stays here.
 */
export function stixRefusal(s: Pick<StixExportSource, "trust" | "content">): "red" | "unverified" | null {
  if (s.content.tlp === "RED") return "red";
  if (s.trust.level !== "verified") return "unverified";
  return null;
}

/** "enlace-alert-2027-01-05-cl-a1b2c3d4.stix.json": what, when, from which state ("oas": the Secretariat); safe on every file system. */
export function stixFilename(s: Pick<StixExportSource, "kind" | "ts" | "eventId">, state: string | null): string {
  const day = new Date(s.ts).toISOString().slice(0, 10);
  const tag = s.eventId
    .replace(/[^A-Za-z0-9]/g, "")
    .slice(0, 8)
    .toLowerCase();
  return `enlace-${s.kind}-${day}-${(state ?? "oas").toLowerCase()}-${tag}.stix.json`;
}

/** The bundle's bytes (pretty JSON, as analysts open it), marked with the item's TLP by the builder. */
export async function stixExport(s: StixExportSource): Promise<{ filename: string; bytes: Uint8Array }> {
  if (stixRefusal(s) || s.trust.level !== "verified") throw new Error("this item cannot be exported");
  const state = s.trust.memberState;
  const base = { eventId: s.eventId, sender: s.sender, originState: state, ts: s.ts };
  const item: StixExportItem = s.kind === "alert" ? { ...base, kind: "alert", content: s.content } : { ...base, kind: "incident", content: s.content };
  const bundle = await toStixBundle([item]);
  return { filename: stixFilename(s, state), bytes: new TextEncoder().encode(`${JSON.stringify(bundle, null, 2)}\n`) };
}
