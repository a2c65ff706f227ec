import type { Messages } from "../en/index.js";

export const app: Messages["app"] = {
  name: "Enlace",
  tagline: "Réseau sécurisé des points focaux du CICTE",
  loading: "Chargement…",
  skipToContent: "Aller au contenu principal",
  language: "Langue",
  signOut: "Se déconnecter",
  signedInAs: "Session de {{name}}",
  mainNav: "Principale",
  menu: "Menu",
  notFound: "Cette page n’existe pas.",
  notAllowed: "Vos rôles ne donnent pas accès à cette page.",
  backHome: "Retour à l’accueil",
  retry: "Réessayer",
  datePattern: {
    day: "jj",
    month: "mm",
    year: "aaaa",
    time12: "h:mm AM/PM",
    time24: "hh:mm",
    hint: "Format : {{pattern}}.",
  },
};
