// Conversations directes chiffrées entre deux personnes habilitées.
export const conversations = {
  title: "Conversations",
  intro:
    "Conversations directes avec une autre personne habilitée, chiffrées de bout en bout. Commencez-en une avec « Contacter » dans l’annuaire des spécialistes.",
  direct: "Conversation directe",
  none: "Aucune conversation pour l’instant.",
  with: "Conversation avec {{name}}",
  waiting: "En attente de l’arrivée de {{name}} dans la conversation…",
  open: "Ouvrir",
  preparing: "En préparation…",
  notVetted: "N’est plus habilitée : a quitté cette conversation.",
  startedOn: "Commencée le {{date}}",
  contact: "Contacter",
  contactLabel: "Contacter {{name}} en conversation directe",
  opening: "Ouverture de la conversation…",
  slow: "La conversation est en préparation. Elle apparaîtra dans Conversations dans un instant.",
  you: "C’est vous.",
  noAccount: "Pas encore de compte de messagerie sécurisée.",
};
