import type { Messages } from "../en/index.js";

export const enroll: Messages["enroll"] = {
  title: "Configurer votre compte",
  loading: "Ouverture de votre lien d’inscription…",
  forWhom: "Ce lien est destiné à {{name}} ({{email}}).",
  totpRequired:
    "Votre compte exige un second facteur. Scannez ce code QR avec votre application d’authentification (ou saisissez la clé secrète), puis saisissez le code affiché.",
  totpOptional: "Facultatif : protégez votre compte par un second facteur en ajoutant cette clé à une application d’authentification.",
  secret: "Clé secrète",
  uri: "Lien de configuration (otpauth)",
  password: "Nouveau mot de passe",
  passwordHint: "Au moins 12 caractères.",
  confirm: "Répétez le mot de passe",
  code: "Code d’authentification",
  codeOptionalHint: "Laissez vide pour ne pas activer le second facteur.",
  submit: "Activer mon compte",
  submitting: "Activation…",
  tooShort: "Le mot de passe doit comporter au moins 12 caractères.",
  mismatch: "Les deux mots de passe diffèrent.",
};
