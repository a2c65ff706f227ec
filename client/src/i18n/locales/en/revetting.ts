export const revetting = {
  title: "Re-vetting",
  intro: "People whose vetting has lapsed or lapses within 30 days.",
  empty: "Nobody is due for re-vetting.",
  lapsed: "Lapsed",
  dueSoon: "Lapses soon",
};
