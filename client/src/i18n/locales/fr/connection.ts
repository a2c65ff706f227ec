import type { Messages } from "../en/index.js";

export const connection: Messages["connection"] = {
  lost: "La connexion à Enlace est perdue. Rien de ce que vous avez saisi n’est perdu ; nous réessayons.",
  checking: "Vérification de la connexion…",
  retry: "Réessayer maintenant",
  homeserverLost: "La messagerie sécurisée ne parvient pas à joindre son serveur. Les nouveaux messages apparaîtront dès son retour ; nous réessayons.",
};
