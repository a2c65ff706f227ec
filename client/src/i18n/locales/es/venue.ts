import type { Messages } from "../en/index.js";

export const venue: Messages["venue"] = {
  stadium: "Estadio",
  arena: "Arena",
  "convention-center": "Centro de convenciones",
  "open-air": "Al aire libre",
  "transport-hub": "Nodo de transporte",
  "tourist-site": "Sitio turístico",
  "summit-venue": "Sede de cumbre",
  multiple: "Varias sedes",
  other: "Otra",
};
