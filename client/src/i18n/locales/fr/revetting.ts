import type { Messages } from "../en/index.js";

export const revetting: Messages["revetting"] = {
  title: "Nouvelle habilitation",
  intro: "Personnes dont l’habilitation a expiré ou expire dans les 30 jours.",
  empty: "Aucune habilitation à renouveler.",
  lapsed: "Expirée",
  dueSoon: "Expire bientôt",
};
