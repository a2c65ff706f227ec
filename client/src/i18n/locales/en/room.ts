export const room = {
  name: {
    hemisphere: "Hemisphere advisories",
    advisories: "{{program}} — advisories",
    network: "{{program}} — network",
    cell: "Planning cell — {{event}}",
  },
  ceiling: "Highest marking allowed",
  timeline: "Messages in {{room}}",
  empty: "No messages yet.",
  loadOlder: "Load earlier messages",
  loadingOlder: "Loading earlier messages…",
  notMember: "You are not a member of this room.",
};
