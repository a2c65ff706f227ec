import type { Messages } from "../en/index.js";

export const matrix: Messages["matrix"] = {
  connecting: "Connexion à la messagerie sécurisée…",
  setupTitle: "Configurer la messagerie sécurisée",
  setupText:
    "Avant de lire et d'envoyer des messages chiffrés, ce compte a besoin de ses clés de chiffrement et d'une clé de récupération. Cela prend un instant et ne se fait qu'une fois.",
  setupAction: "Configurer maintenant",
  restoreTitle: "Cet appareil est nouveau",
  restoreText:
    "Votre compte a déjà des clés de chiffrement. Saisissez votre clé de récupération pour utiliser la messagerie sécurisée sur cet appareil et lire les messages antérieurs.",
  restoreAction: "Utiliser ma clé de récupération",
  reconnectingOffline: "La messagerie sécurisée ne peut pas joindre son serveur pour le moment. Enlace garde cet appareil et réessaie de lui-même.",
  reconnectingRateLimited:
    "Le serveur de messagerie a demandé à Enlace de patienter un instant. Cet appareil est conservé ; Enlace se reconnecte de lui-même sous peu.",
  reconnectNow: "Réessayer maintenant",
  deviceReplaced:
    "Ce navigateur avait été déconnecté de la messagerie sécurisée sur le serveur (depuis un autre appareil ou par un administrateur) : il a donc maintenant un nouvel appareil.",
  error: {
    "no-homeserver": "La messagerie sécurisée n'est pas disponible sur ce serveur.",
    "foreign-account": "Votre compte de messagerie se trouve sur le serveur de votre propre État : utilisez le client Matrix de votre État.",
    "other-tab": "Enlace est ouvert dans un autre onglet de ce navigateur. Utilisez cet onglet, ou fermez-le et réessayez ici.",
    failed: "La messagerie sécurisée n'a pas pu être ouverte. Vérifiez votre connexion et réessayez.",
  },
};
