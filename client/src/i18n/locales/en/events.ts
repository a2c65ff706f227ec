export const events = {
  title: "Major events",
  empty: "No major events are registered.",
  host: "Host state",
  dates: "Dates",
  venue: "Venue",
  supporting: "Supporting states",
};
