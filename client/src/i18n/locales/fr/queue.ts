import type { Messages } from "../en/index.js";

export const queue: Messages["queue"] = {
  title: "Candidatures en attente",
  intro: "L’approbation émet un lien d’inscription à usage unique, à remettre à la personne proposée par un canal de confiance.",
  empty: "Aucune candidature en attente.",
  cannotApprove:
    "Vous ne pouvez pas approuver celle-ci : vous avez proposé cette personne, ou elle sort de vos programmes. Un autre agent ou un administrateur approuve (principe des quatre yeux).",
  linkTitle: "Lien d’inscription de {{name}}",
  linkHelp: "À usage unique, valable jusqu’au {{date}}. Remettez-le en main propre ou par un canal de confiance ; il n’est affiché que maintenant.",
  linkLabel: "Lien d’inscription",
  copy: "Copier le lien",
  copied: "Copié.",
  dismiss: "Terminé",
  matrixId: "Compte Matrix :",
  noMatrixId: "aucun pour l’instant (aucun serveur relié)",
  approvingAs: "Vous approuvez {{name}} avec le compte Matrix {{id}} : ce compte apparaîtra comme membre vérifié. Vérifiez-le avant de confirmer.",
  nominatedBy: "Proposé par {{name}}.",
  nominatedBySystem: "Proposé par un import du registre.",
  ruleAdmin: "Approbation : un administrateur, jamais l'auteur de la proposition (quatre yeux).",
  ruleOfficerOrAdmin: "Approbation : un agent de chacun des programmes de la personne, ou un administrateur ; jamais l'auteur de la proposition (quatre yeux).",
};
