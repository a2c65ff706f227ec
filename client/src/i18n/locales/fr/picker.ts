import type { Messages } from "../en/index.js";

export const picker: Messages["picker"] = {
  filter: "Chercher un État",
  filterHint: "Tapez une partie d’un nom ; cochez chaque État concerné.",
  chosen: "Choisis",
  noneChosen: "Aucun État choisi pour l’instant.",
  remove: "Retirer {{name}}",
  matches_one: "{{count}} État correspond",
  matches_other: "{{count}} États correspondent",
};
