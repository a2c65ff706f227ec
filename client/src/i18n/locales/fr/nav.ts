import type { Messages } from "../en/index.js";

export const nav: Messages["nav"] = {
  home: "Accueil",
  state: "Proposer",
  nominations: "Candidatures en attente",
  people: "Personnes",
  revetting: "Nouvelle habilitation",
  audit: "Journal d’audit",
  directory: "Annuaire des compétences",
  conversations: "Conversations",
  events: "Grands événements",
  library: "Bibliothèque",
};
