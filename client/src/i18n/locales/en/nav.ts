export const nav = {
  home: "Home",
  state: "Nominate",
  nominations: "Nomination queue",
  people: "People",
  revetting: "Re-vetting",
  audit: "Audit log",
  directory: "Expertise directory",
  conversations: "Conversations",
  events: "Major events",
  library: "Library",
};
