export const roster = {
  title: "Roster of {{state}}",
  empty: "Nobody from this member state is in the registry yet.",
};
