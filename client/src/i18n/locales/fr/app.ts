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
  notFound: "Cette page n’existe pas.",
  notAllowed: "Vos rôles ne donnent pas accès à cette page.",
  backHome: "Retour à l’accueil",
  retry: "Réessayer",
};
