import type { ContentByKind } from "./schemas.js";
import type { UnsignedAdvisory } from "./advisory.js";
import type { EncryptedFile } from "./fields.js";

/*
 * Valid example payloads: used by the tests (round trips, STIX export), and handy for the web
 * app's demo data and the CLI. The advisory is unsigned here; sign it with signAdvisory.
 */

/** As produced by matrix-encrypt-attachment, plus the upload's mxc URL. */
export const EXAMPLE_FILE: EncryptedFile = {
  url: "mxc://enlace.example.org/AbCdEfGhIjKlMnOpQrStUvWx",
  key: { kty: "oct", alg: "A256CTR", k: "gSFuw-xZY__I0F6qXo3nRXVWWrfYmQ8dfGyXNho-1Gg", key_ops: ["encrypt", "decrypt"], ext: true },
  iv: "OP0czPlUtxIAAAAAAAAAAA",
  hashes: { sha256: "7vJSx+nB0zF6LIB0dF4KliNXYqLCr4rl5mpZq+2kHig" },
  v: "v2",
};

export const EXAMPLE_INCIDENT_EVENT_ID = "$Inc1dentR00tEventAAAAAAAAAAAAAAAAAAAAAAAAA";
export const EXAMPLE_REQUEST_EVENT_ID = "$ExpertiseRequestEventBBBBBBBBBBBBBBBBBBBBBB";

export const EXAMPLE_UNSIGNED_ADVISORY: UnsignedAdvisory = {
  version: 1,
  tlp: "AMBER",
  programCode: "tourism",
  number: 12,
  title: "Heightened threat to fan zones during the continental final",
  body: "## Summary\nMember states hosting fan zones should review *vehicle barrier* placement.\n\n- Confirm perimeter plans\n- Report suspicious surveillance",
  programs: ["tourism", "crowded-spaces"],
  requiresAck: true,
  ackDeadline: "2025-07-10T18:00:00Z",
  issuedAt: "2025-07-08T12:00:00Z",
};

export const EXAMPLES: { [K in Exclude<keyof ContentByKind, "advisory">]: ContentByKind[K] } = {
  alert: {
    version: 1,
    tlp: "AMBER",
    title: "Reported surveillance of stadium entrances",
    summary: "Two individuals filmed gate procedures at Estadio Nacional on three consecutive days.\nPlates shared with police.",
    severity: "high",
    category: "surveillance",
    affectedStates: ["CL", "AR"],
    location: { text: "Estadio Nacional, Santiago", lat: -33.4645, lon: -70.6109 },
    validUntil: "2025-07-15T00:00:00Z",
    sourceReliability: "B",
    informationCredibility: 2,
    attachments: [{ file: EXAMPLE_FILE, filename: "gate-photos.zip", mimetype: "application/zip", size: 1_048_576 }],
  },
  incident: {
    version: 1,
    tlp: "GREEN",
    title: "Suspicious package at central station",
    what: "Unattended bag near platform 3; area evacuated, bomb squad on site.",
    where: { text: "Estación Central, Santiago", lat: -33.4516, lon: -70.6795 },
    when: "2025-07-09T08:30:00Z",
    status: "ongoing",
  },
  "incident.update": {
    version: 1,
    tlp: "GREEN",
    incidentEventId: EXAMPLE_INCIDENT_EVENT_ID,
    status: "contained",
    text: "Package cleared by bomb squad; platform reopened at 10:05 local time.",
  },
  document: {
    version: 1,
    tlp: "GREEN",
    title: "Lessons learned: crowd flow at the 2024 final",
    event: "Copa América 2024 final",
    date: "2024-07-14",
    topics: ["crowd management", "ticketing", "perimeter"],
    language: "es",
    summary: "Gate congestion led to a perimeter breach; staggered entry and earlier opening are recommended.",
    file: EXAMPLE_FILE,
    mimetype: "application/pdf",
    size: 2_345_678,
    filename: "lecciones-final-2024.pdf",
  },
  "expertise.request": {
    version: 1,
    tlp: "GREEN",
    eventId: "6f1c2b1e-8a4d-4c3b-9f2e-1a2b3c4d5e6f",
    eventName: "Pan American Games 2027",
    hostState: "PE",
    startDate: "2027-07-23",
    endDate: "2027-08-08",
    venueType: "mixed",
    areasNeeded: ["crowd management", "UAS countermeasures"],
    form: "either",
    deadline: "2027-03-01T00:00:00Z",
    status: "open",
    details: "Looking for two experts for a tabletop exercise in April.",
  },
  "expertise.offer": {
    version: 1,
    tlp: "GREEN",
    requestEventId: EXAMPLE_REQUEST_EVENT_ID,
    areas: ["UAS countermeasures"],
    form: "remote",
    availability: "April 2027, two weeks' notice",
    note: "We ran counter-UAS for the 2024 summit.",
  },
  "expertise.status": {
    version: 1,
    tlp: "GREEN",
    requestEventId: EXAMPLE_REQUEST_EVENT_ID,
    status: "matched",
    note: "Matched with offers from CO and MX.",
  },
  ack: { "m.relates_to": { rel_type: "org.oas.enlace.ack", event_id: "$AdvisoryEventCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC" } },
  "room.tlp": { version: 1, ceiling: "AMBER" },
};
