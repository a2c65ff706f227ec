import type { Messages } from "../en/index.js";

export const room: Messages["room"] = {
  name: {
    hemisphere: "Avisos hemisféricos",
    advisories: "{{program}} — avisos",
    network: "{{program}} — red",
    cell: "Célula de planificación — {{event}}",
  },
  ceiling: "Marcado máximo permitido",
  timeline: "Mensajes en {{room}}",
  empty: "Todavía no hay mensajes.",
  loadOlder: "Cargar mensajes anteriores",
  loadingOlder: "Cargando mensajes anteriores…",
  notMember: "No es miembro de esta sala.",
};
