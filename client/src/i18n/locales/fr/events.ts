import type { Messages } from "../en/index.js";

export const events: Messages["events"] = {
  title: "Grands événements",
  empty: "Aucun grand événement enregistré.",
  host: "État hôte",
  dates: "Dates",
  venue: "Site",
  supporting: "États d’appui",
};
