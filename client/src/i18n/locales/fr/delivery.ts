import type { Messages } from "../en/index.js";

export const delivery: Messages["delivery"] = {
  counting: "Décompte des destinataires de la clé…",
  sent: "Clé envoyée à {{people}} ({{devices}})",
  people_one: "{{count}} personne",
  people_other: "{{count}} personnes",
  devices_one: "{{count}} appareil",
  devices_other: "{{count}} appareils",
  away_one: "{{count}} d’entre elles est absente : conservée pour sa prochaine connexion",
  away_other: "{{count}} d’entre elles sont absentes : conservée pour leur prochaine connexion",
  withheld_one: "{{count}} retenu : {{reasons}}",
  withheld_other: "{{count}} retenus : {{reasons}}",
  reasons: {
    notCrossSigned: "sans signature croisée",
    noDevice: "pas encore d’appareil",
  },
  unreached_one: "{{count}} personne ne peut pas encore le lire",
  unreached_other: "{{count}} personnes ne peuvent pas encore le lire",
  help: "Les clés de salon ne vont qu’aux appareils que leur titulaire a signés de façon croisée. Les personnes approuvées plus tard reçoivent l’historique du salon des avis depuis l’appareil d’un agent du Secrétariat.",
  inRoom: "Dans le salon",
  canRead: "Peuvent lire",
  acknowledgedPeople: "Ont accusé réception",
  nobodyCanRead: "Personne ne peut le lire",
  readersHelp:
    "« Peuvent lire » : personnes ayant un appareil à signature croisée, ou ayant accusé réception. Un État dont les personnes ne peuvent pas lire l’avis est indiqué comme tel, pas comme en attente.",
};
