import type { Messages } from "../en/index.js";

export const talk: Messages["talk"] = {
  open: {
    alert: "Nouvelle alerte",
    incident: "Nouvel avis d’incident",
    document: "Nouveau document de retour d’expérience",
    request: "Nouvelle demande d’expertise",
    advisory: "Nouvel avis officiel",
  },
  close: "Fermer",
  composeActions: "Rédiger",
  message: {
    label: "Message",
    placeholder: "Écrivez un message (Markdown)…",
    send: "Envoyer",
    sending: "Envoi…",
    sent: "Envoyé, chiffré de bout en bout.",
    empty: "Écrivez d’abord quelque chose.",
  },
  thread: {
    replies_one: "{{count}} réponse",
    replies_other: "{{count}} réponses",
    reply: "Répondre",
    hide: "Masquer les réponses",
    title: "Réponses à {{title}}",
    replyLabel: "Votre réponse",
    replyPlaceholder: "Répondez à tous dans ce salon (Markdown)…",
    none: "Pas encore de réponse.",
  },
};
