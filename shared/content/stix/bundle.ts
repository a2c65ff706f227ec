import { AlertContent, admiraltyCode } from "../alert.js";
import { IncidentContent } from "../incident.js";
import { IncidentUpdateContent } from "../incident-update.js";
import { EventId, StateCode, type Location } from "../fields.js";
import { InvalidContentError } from "../errors.js";
import { TLP_LEVELS, type Tlp } from "../tlp.js";
import { formatInstant } from "../format.js";
import { TLP2_MARKING_IDS, tlpMarkingDefinition } from "./markings.js";
import { uuidv5 } from "./uuid.js";

/*
 * STIX 2.1 export of alerts and incidents, for member states' threat-intel platforms.
 *
 * Mapping:
 * - originating member state → `identity` (organization, government-national), the
 *   `created_by_ref` of everything it sent. The individual sender (a Matrix user ID) is NOT
 *   exported: names of vetted counter-terrorism officials must not leave the network in a file;
 *   the state is the accountable source.
 * - alert → `report` (report_types ["threat-report"]; an alert has no detection pattern, so not
 *   an `indicator`), object_refs → a country `location` per affected state (+ a point
 *   `location` when it has coordinates); severity, category and Admiralty code as labels and in
 *   the description; information credibility → `confidence` with the STIX 2.1 Appendix A
 *   Admiralty scale (1→90 … 5→10; 6 "cannot be judged" → omitted).
 *   Attachments are NOT exported: their `file` objects hold decryption keys.
 * - incident → `incident` (status as a label), point `location` + `related-to` relationship (STIX defines no
 *   `located-at` for incident; the validator flags it)
 *   when it has coordinates; incident update → `note` whose object_refs is the incident.
 * - every item object carries its TLP 2.0 marking (official OASIS marking definitions, included
 *   in the bundle); identities and country locations are public facts, marked TLP:CLEAR.
 * - ids are UUIDv5 over the Matrix event ID (stable re-export); shared identities/locations
 *   over the state code. Timestamps are the event's server time, RFC 3339 with ms and Z.
 *   The OASIS validator's best-practice check "uuid-check" prefers UUIDv4 for SDOs (a SHOULD);
 *   stability across re-exports is worth that warning.
 * - the Matrix event ID is kept as an external reference (source_name "enlace").
 */

export type StixExportItem = {
  eventId: string;
  /** Matrix user ID of the sender: accepted for the caller's convenience, never exported. */
  sender: string;
  /** The member state the sender represents (from their verified credential); null for the OAS Secretariat, which represents none. */
  originState: string | null;
  /** Server timestamp of the event (origin_server_ts). */
  ts: Date | number;
} & ({ kind: "alert"; content: AlertContent } | { kind: "incident"; content: IncidentContent } | { kind: "incident.update"; content: IncidentUpdateContent });

export type StixObject = Record<string, unknown> & { type: string; id: string };
export interface StixBundle {
  type: "bundle";
  id: string;
  objects: StixObject[];
}

/** Fixed created/modified of shared objects (identities, countries) so they are stable too. */
const SHARED_OBJECTS_CREATED = "2025-01-01T00:00:00.000Z";
const ADMIRALTY_CONFIDENCE: Readonly<Record<number, number | undefined>> = { 1: 90, 2: 70, 3: 50, 4: 30, 5: 10, 6: undefined };

const stamp = (ts: Date | number) => {
  const d = new Date(ts);
  if (Number.isNaN(d.getTime())) throw new RangeError(`invalid timestamp ${String(ts)}`);
  return d.toISOString();
};
const sdoId = async (type: string, name: string) => `${type}--${await uuidv5(`${type}:${name}`)}`;
const externalRef = (eventId: string) => [{ source_name: "enlace", external_id: eventId }];

export async function toStixBundle(items: readonly StixExportItem[], options: { bundleId?: string } = {}): Promise<StixBundle> {
  const tlps = new Set<Tlp>(["CLEAR"]); // identities and countries are marked CLEAR
  // Shared objects (identities, countries) first, then each item's own objects, in input order.
  const shared = new Map<string, StixObject>();
  const addShared = (o: StixObject) => {
    if (!shared.has(o.id)) shared.set(o.id, o);
  };
  const itemObjects: StixObject[] = [];

  for (const item of items) {
    validateItem(item);
    tlps.add(item.content.tlp);
    const identity = await stateIdentity(item.originState);
    addShared(identity);
    const common = {
      spec_version: "2.1",
      created: stamp(item.ts),
      modified: stamp(item.ts),
      created_by_ref: identity.id,
      object_marking_refs: [TLP2_MARKING_IDS[item.content.tlp]],
      external_references: externalRef(item.eventId),
    };

    if (item.kind === "alert") {
      const a = item.content;
      const countries = await Promise.all(a.affectedStates.map(countryLocation));
      countries.forEach(addShared);
      const point = a.location ? await pointLocation(item.eventId, a.location, common) : undefined;
      if (point) itemObjects.push(point);
      const confidence = ADMIRALTY_CONFIDENCE[a.informationCredibility];
      itemObjects.push({
        type: "report",
        id: await sdoId("report", item.eventId),
        ...common,
        name: a.title,
        description: alertDescription(a),
        report_types: ["threat-report"],
        published: stamp(item.ts),
        labels: [`severity:${a.severity}`, `category:${a.category}`, `admiralty:${admiraltyCode(a)}`],
        ...(confidence === undefined ? {} : { confidence }),
        object_refs: [...countries.map((c) => c.id), ...(point ? [point.id] : [])],
      });
    } else if (item.kind === "incident") {
      const i = item.content;
      const incidentId = await sdoId("incident", item.eventId);
      itemObjects.push({
        type: "incident",
        id: incidentId,
        ...common,
        name: i.title,
        description: `${i.what}\n\nWhere: ${i.where.text}\nWhen: ${formatInstant(i.when)}\nStatus: ${i.status}`,
        labels: [`status:${i.status}`],
      });
      const point = await pointLocation(item.eventId, i.where, common);
      if (point) {
        itemObjects.push(point, {
          type: "relationship",
          id: await sdoId("relationship", `related-to:${item.eventId}`),
          ...common,
          relationship_type: "related-to",
          source_ref: incidentId,
          target_ref: point.id,
        });
      }
    } else {
      const u = item.content;
      itemObjects.push({
        type: "note",
        id: await sdoId("note", item.eventId),
        ...common,
        abstract: `Incident update: status ${u.status}`,
        content: u.text,
        labels: [`status:${u.status}`],
        object_refs: [await sdoId("incident", u.incidentEventId)],
      });
    }
  }

  const markings = TLP_LEVELS.filter((l) => tlps.has(l)).map((l) => tlpMarkingDefinition(l) as unknown as StixObject);
  // The same event exported twice yields the same ids: keep the first copy only.
  const objects = new Map<string, StixObject>();
  for (const o of [...markings, ...shared.values(), ...itemObjects]) if (!objects.has(o.id)) objects.set(o.id, o);
  return { type: "bundle", id: options.bundleId ?? `bundle--${globalThis.crypto.randomUUID()}`, objects: [...objects.values()] };
}

function validateItem(item: StixExportItem): void {
  const schema = item.kind === "alert" ? AlertContent : item.kind === "incident" ? IncidentContent : IncidentUpdateContent;
  const checks = [
    schema.safeParse(item.content),
    EventId.safeParse(item.eventId),
    ...(item.originState === null ? [] : [StateCode.safeParse(item.originState)]),
  ];
  const failed = checks.find((c) => !c.success);
  if (failed && !failed.success) throw new InvalidContentError(item.kind, failed.error.issues);
}

async function stateIdentity(state: string | null): Promise<StixObject> {
  return {
    type: "identity",
    spec_version: "2.1",
    id: await sdoId("identity", state === null ? "secretariat" : `state:${state}`),
    created: SHARED_OBJECTS_CREATED,
    modified: SHARED_OBJECTS_CREATED,
    // The Secretariat is intergovernmental: STIX's sector vocabulary has no closer term than "government".
    name: state === null ? "OAS Secretariat (CICTE), Enlace" : `Enlace focal points of member state ${state}`,
    identity_class: "organization",
    sectors: [state === null ? "government" : "government-national"],
    object_marking_refs: [TLP2_MARKING_IDS.CLEAR],
  };
}

async function countryLocation(state: string): Promise<StixObject> {
  return {
    type: "location",
    spec_version: "2.1",
    id: await sdoId("location", `country:${state}`),
    created: SHARED_OBJECTS_CREATED,
    modified: SHARED_OBJECTS_CREATED,
    name: state,
    country: state,
    object_marking_refs: [TLP2_MARKING_IDS.CLEAR],
  };
}

/** A point location carries the item's own marking: where something happened can be sensitive. */
async function pointLocation(eventId: string, l: Location, common: Record<string, unknown>): Promise<StixObject | undefined> {
  if (l.lat === undefined || l.lon === undefined) return undefined;
  return { type: "location", id: await sdoId("location", `event:${eventId}`), ...common, name: l.text, latitude: l.lat, longitude: l.lon };
}

function alertDescription(a: AlertContent): string {
  return [
    a.summary,
    "",
    `Severity: ${a.severity}`,
    `Category: ${a.category}`,
    `Admiralty code: ${admiraltyCode(a)}`,
    `Valid until: ${formatInstant(a.validUntil)}`,
    `Affected states: ${a.affectedStates.join(", ")}`,
    ...(a.location ? [`Location: ${a.location.text}`] : []),
  ].join("\n");
}
