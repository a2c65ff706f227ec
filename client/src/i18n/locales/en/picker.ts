// The searchable multi-select of member states (ui/components/StatePicker.tsx).
export const picker = {
  filter: "Find a state",
  filterHint: "Type part of a name; tick each state that applies.",
  chosen: "Chosen",
  noneChosen: "No state chosen yet.",
  remove: "Remove {{name}}",
  matches_one: "{{count}} state matches",
  matches_other: "{{count}} states match",
};
