import type { Messages } from "../en/index.js";

export const nav: Messages["nav"] = {
  home: "Inicio",
  state: "Nominar",
  nominations: "Nominaciones pendientes",
  people: "Personas",
  revetting: "Reverificación",
  audit: "Registro de auditoría",
  directory: "Directorio de especialistas",
  conversations: "Conversaciones",
  events: "Grandes eventos",
  library: "Biblioteca",
};
