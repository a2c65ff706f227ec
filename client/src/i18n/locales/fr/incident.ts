import type { Messages } from "../en/index.js";

export const incident: Messages["incident"] = {
  title: "Incident",
  loading: "Lecture de l’incident…",
  notFound: "Cet avis d’incident est introuvable ou illisible sur cet appareil.",
  back: "Retour au salon",
  current: "Statut actuel : {{status}}",
  since: "depuis le {{time}}",
  when: "Quand",
  where: "Où",
  reportedBy: "Signalé par",
  reportedAt: "Signalé le",
  updates: "Mises à jour du statut",
  noUpdates: "Aucune mise à jour pour l’instant.",
  notCounted: "D’un expéditeur non vérifié : affichée, mais sans effet sur le statut actuel.",
};
