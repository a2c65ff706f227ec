export const venue = {
  stadium: "Stadium",
  arena: "Arena",
  "convention-center": "Convention center",
  "open-air": "Open air",
  "transport-hub": "Transport hub",
  "tourist-site": "Tourist site",
  "summit-venue": "Summit venue",
  multiple: "Multiple venues",
  other: "Other",
};
