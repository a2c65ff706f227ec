import type { Messages } from "../en/index.js";

export const decryption: Messages["decryption"] = {
  kind: "Message chiffré",
  state: {
    "waiting-for-key": "En attente de la clé de {{sender}}.",
    "before-joined": "Envoyé avant que vous ne rejoigniez ce salon ; son historique ne vous a pas été partagé.",
    "before-device": "Envoyé avant la configuration de cet appareil, et aucune sauvegarde des clés ne contient sa clé.",
    "backup-locked": "Envoyé avant la configuration de cet appareil. Restaurez votre sauvegarde des clés avec votre clé de récupération pour le lire.",
    withheld: "L'appareil de {{sender}} n'a pas partagé la clé de ce message avec cet appareil.",
    "this-device-unverified": "Votre appareil n'était pas vérifié lors de l'envoi, la clé ne lui a donc pas été partagée.",
    "sender-device-unverified": "L'appareil de l'expéditeur n'est pas vérifié par son titulaire, ce message n'est donc pas affiché.",
    "sender-identity-changed": "L'identité de l'expéditeur a changé depuis sa vérification, ce message n'est donc pas affiché.",
    unknown: "Ce message n'a pas pu être déchiffré sur cet appareil.",
  },
  retrying: "Il apparaîtra ici dès que la clé arrivera.",
  technical: "Détails techniques",
  notTheSender: "Il s'agit de la clé, pas de l'expéditeur.",
  trust: {
    keyOrigin: "origine de la clé non confirmée",
    keyOriginHint:
      "Ce message a été lu avec une clé restaurée de votre sauvegarde, et l'appareil expéditeur ne l'a pas signé : cet appareil ne peut donc pas confirmer qui l'a envoyé. Rien n'indique que l'expéditeur ait commis une faute.",
  },
};
