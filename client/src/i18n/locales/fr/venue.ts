import type { Messages } from "../en/index.js";

export const venue: Messages["venue"] = {
  stadium: "Stade",
  arena: "Aréna",
  "convention-center": "Centre de congrès",
  "open-air": "Plein air",
  "transport-hub": "Pôle de transport",
  "tourist-site": "Site touristique",
  "summit-venue": "Lieu de sommet",
  multiple: "Plusieurs sites",
  other: "Autre",
};
