import type { Messages } from "../en/index.js";

export const signIn: Messages["signIn"] = {
  title: "Connexion",
  intro: "Pour les points focaux habilités, les coordinateurs nationaux et le Secrétariat.",
  email: "Adresse électronique",
  password: "Mot de passe",
  totp: "Code d’authentification",
  totpHint: "6 chiffres de votre application d’authentification.",
  totpOptionalHint: "6 chiffres de votre application d’authentification. Laissez vide si votre compte n’en a pas.",
  codeOrCheck:
    "Connexion refusée. Si votre compte utilise une application d’authentification, saisissez son code à 6 chiffres et reconnectez-vous ; sinon, vérifiez votre adresse e-mail et votre mot de passe.",
  submit: "Se connecter",
  submitting: "Connexion…",
  sessionEnded: "Votre session a pris fin : elle a expiré ou votre accès a changé. Reconnectez-vous.",
  signedOut: "Vous êtes déconnecté·e.",
};
