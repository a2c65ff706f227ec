import type { Messages } from "../en/index.js";

export const people: Messages["people"] = {
  name: "Nom",
  email: "Adresse électronique",
  memberState: "État membre",
  roles: "Rôles",
  status: "Statut",
  vettedUntil: "Habilité·e jusqu’au",
  nominatedOn: "Proposé·e le",
  actions: "Actions",
  filterStatus: "Statut",
  filterState: "État membre",
  filterProgram: "Programme",
  any: "Tous",
  filter: "Filtrer",
  title: "Personnes",
  empty: "Aucune personne ne correspond.",
  count_one: "{{count}} personne",
  count_other: "{{count}} personnes",
};
