import type { Messages } from "../en/index.js";

export const events: Messages["events"] = {
  title: "Grandes eventos",
  empty: "Nenhum grande evento registrado.",
  host: "Estado anfitrião",
  dates: "Datas",
  venue: "Local",
  supporting: "Estados de apoio",
};
