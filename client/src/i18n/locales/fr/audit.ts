import type { Messages } from "../en/index.js";

export const audit: Messages["audit"] = {
  title: "Journal d’audit",
  verify: "Vérifier le journal d’audit",
  verifying: "Vérification de la chaîne de hachage et des signatures…",
  ok: "Vérifié : {{entries}} entrées, chaîne de hachage intacte, dernier point de contrôle signé à l’entrée {{checkpoint}}.",
  okNoCheckpoint: "Vérifié : {{entries}} entrées, chaîne de hachage intacte ; pas encore de point de contrôle signé.",
  broken: "La vérification a échoué à l’entrée {{seq}} : {{problem}}",
  seq: "N°",
  at: "Heure",
  actor: "Auteur",
  action: "Action",
  subject: "Objet",
  more: "Afficher plus",
  empty: "Aucune entrée.",
};
