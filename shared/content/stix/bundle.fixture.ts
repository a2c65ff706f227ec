// The export items the STIX tests share: the unit test (bundle.test.ts) and the check against
// the OASIS validator (tests/integration/stix-validator.test.ts), which needs a Python tool.
import type { StixExportItem } from "./bundle.js";
import { EXAMPLES, EXAMPLE_INCIDENT_EVENT_ID } from "../examples.js";

export const items: StixExportItem[] = [
  { kind: "alert", content: EXAMPLES.alert, eventId: "$alertEvent1", sender: "@ana:cl.example", originState: "CL", ts: Date.UTC(2025, 6, 8, 12, 0, 0, 5) },
  {
    kind: "alert",
    content: { ...EXAMPLES.alert, tlp: "AMBER+STRICT", affectedStates: ["AR", "UY"], location: { text: "Montevideo port" }, informationCredibility: 6 },
    eventId: "$alertEvent2",
    sender: "@bea:ar.example",
    originState: "AR",
    ts: new Date("2025-07-08T13:00:00Z"),
  },
  {
    kind: "incident",
    content: EXAMPLES.incident,
    eventId: EXAMPLE_INCIDENT_EVENT_ID,
    sender: "@ana:cl.example",
    originState: "CL",
    ts: Date.UTC(2025, 6, 9, 8, 31),
  },
  {
    kind: "incident.update",
    content: { ...EXAMPLES["incident.update"], tlp: "RED" },
    eventId: "$updateEvent1",
    sender: "@ana:cl.example",
    originState: "CL",
    ts: Date.UTC(2025, 6, 9, 10, 6),
  },
];
