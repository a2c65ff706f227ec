export const coverage = {
  title: "Acknowledgement coverage",
  deadline: "Deadline: {{date}}",
  // The counts nest plural forms ("1 pendente", "2 pendentes"): interpolation runs before nesting.
  summary:
    '{{acknowledged}} of {{expected}} member states acknowledged · $t(coverage.pendingCount, {"count": {{pending}} }) · $t(coverage.overdueCount, {"count": {{overdue}} }) · $t(coverage.noFocalPointCount, {"count": {{noFocalPoint}} })',
  pendingCount_one: "{{count}} pending",
  pendingCount_other: "{{count}} pending",
  overdueCount_one: "{{count}} overdue",
  overdueCount_other: "{{count}} overdue",
  noFocalPointCount_one: "{{count}} with no focal point",
  noFocalPointCount_other: "{{count}} with no focal point",
  caption: "Member states and their acknowledgement",
  state: "Member state",
  status: "Status",
  when: "Acknowledged at",
  who: "Acknowledged by",
  statuses: {
    acknowledged: "Acknowledged",
    pending: "Pending",
    overdue: "Overdue",
    "no-focal-point": "No focal point",
  },
  late: "late",
  nobody: "No member state is expected to acknowledge this advisory.",
  notFound: "This advisory is not in the room's recent history.",
  backToRoom: "Back to the room",
  notCounted_one: "{{count}} acknowledgement cannot be verified and does not count",
  notCounted_other: "{{count}} acknowledgements cannot be verified and do not count",
  notCountedHelp: "An acknowledgement counts only when a device its sender cross-signed signed it, under a valid credential of their member state.",
  notCountedStatus: "Not counted",
  exportCsv: "Download CSV",
  allStatesHelp:
    'Every OAS member state is expected: this advisory is for the whole hemisphere or several programs. "No focal point" means the state has no vetted focal point or alternate of these programs in the room yet.',
  programStatesHelp:
    'The states participating in {{program}} are expected: those with a vetted focal point or alternate of the program. "No focal point" means the state has none in the room yet (for instance, approved but not yet enrolled).',
  notExpected: "Not expected (not in the program)",
  mapLabel: "Map of the member states coloured by acknowledgement status (the table above lists the same)",
};
