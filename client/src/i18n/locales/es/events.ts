import type { Messages } from "../en/index.js";

export const events: Messages["events"] = {
  title: "Grandes eventos",
  empty: "No hay grandes eventos registrados.",
  host: "Estado anfitrión",
  dates: "Fechas",
  venue: "Sede",
  supporting: "Estados de apoyo",
};
