// The reminder timeline on an advisory's coverage view (the program's Secretariat officers).
export const reminders = {
  column: "Reminders",
  none: "None",
  every_one: "Member states that have not acknowledged are reminded every hour, and their national coordinator at the deadline.",
  every_other: "Member states that have not acknowledged are reminded every {{count}} hours, and their national coordinator at the deadline.",
  remindNow: "Remind now",
  remindState: "Remind now: {{state}}",
  sending: "Sending…",
  sent_one: "{{state}}: a reminder is on its way to {{count}} person.",
  sent_other: "{{state}}: a reminder is on its way to {{count}} people.",
  sentNobody: "{{state}} has nobody to remind: no vetted focal point of this program.",
  kinds: { scheduled: "scheduled", manual: "manual", deadline: "deadline" },
  audiences: { "focal-points": "focal points", coordinator: "national coordinator" },
  statuses: { pending: "to be sent", sent: "sent", cancelled: "cancelled" },
};
