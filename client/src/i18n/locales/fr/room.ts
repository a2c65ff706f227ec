import type { Messages } from "../en/index.js";

export const room: Messages["room"] = {
  name: {
    hemisphere: "Avis hémisphériques",
    advisories: "{{program}} — avis",
    network: "{{program}} — réseau",
    cell: "Cellule de planification — {{event}}",
  },
  ceiling: "Marquage maximal autorisé",
  timeline: "Messages dans {{room}}",
  empty: "Aucun message pour l'instant.",
  loadOlder: "Charger les messages précédents",
  loadingOlder: "Chargement des messages précédents…",
  notMember: "Vous n'êtes pas membre de ce salon.",
};
