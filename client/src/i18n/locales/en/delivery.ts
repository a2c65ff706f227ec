// What the sender sees of a message's key delivery, and who can read an advisory (docs/delivery.md).
export const delivery = {
  counting: "Counting who got the key…",
  sent: "Key sent to {{people}} ({{devices}})",
  people_one: "{{count}} person",
  people_other: "{{count}} people",
  devices_one: "{{count}} device",
  devices_other: "{{count}} devices",
  away_one: "{{count}} of them is away: kept for their next sign-in",
  away_other: "{{count}} of them are away: kept for their next sign-in",
  withheld_one: "{{count}} withheld: {{reasons}}",
  withheld_other: "{{count}} withheld: {{reasons}}",
  reasons: {
    notCrossSigned: "not cross-signed",
    noDevice: "no device yet",
  },
  unreached_one: "{{count}} person cannot read it yet",
  unreached_other: "{{count}} people cannot read it yet",
  help: "Room keys go only to devices their owner has cross-signed. People approved later receive the advisories room's history from a Secretariat officer's device.",
  inRoom: "In the room",
  canRead: "Can read",
  acknowledgedPeople: "Acknowledged",
  nobodyCanRead: "Nobody can read it",
  readersHelp:
    "“Can read”: people with a cross-signed device, or who acknowledged. A state whose people cannot read the advisory is shown as such, not as pending.",
};
