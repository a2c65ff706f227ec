import type { Messages } from "../en/index.js";

export const nominate: Messages["nominate"] = {
  title: "Proposer un point focal",
  intro: "La personne proposée est habilitée par un fonctionnaire du Secrétariat de chaque programme, jamais par celle qui la propose.",
  fullName: "Nom complet",
  email: "Adresse électronique",
  memberState: "État membre",
  chooseState: "Choisissez un État membre",
  role: "Rôle",
  programs: "Programmes",
  programsHint: "Choisissez au moins un programme.",
  noProgram: "Choisissez au moins un programme.",
  reason: "Note pour le Secrétariat (facultatif)",
  submit: "Proposer",
  submitting: "Envoi…",
  done: "{{name}} est proposé·e et attend l’approbation d’un fonctionnaire du Secrétariat.",
  referred: "Une candidature pour {{email}} a été enregistrée. Le Secrétariat la vérifiera et assurera le suivi ; rien d’autre ne change pour l’instant.",
};
