import type { Messages } from "../en/index.js";

export const venue: Messages["venue"] = {
  stadium: "Estádio",
  arena: "Arena",
  "convention-center": "Centro de convenções",
  "open-air": "Ao ar livre",
  "transport-hub": "Terminal de transporte",
  "tourist-site": "Local turístico",
  "summit-venue": "Sede de cúpula",
  multiple: "Vários locais",
  other: "Outro",
};
