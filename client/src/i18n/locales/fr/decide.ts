import type { Messages } from "../en/index.js";

export const decide: Messages["decide"] = {
  approve: "Approuver",
  reject: "Refuser",
  suspend: "Suspendre",
  reinstate: "Rétablir",
  revoke: "Révoquer",
  newLink: "Nouveau lien d’inscription",
  reason: "Motif (consigné au journal d’audit)",
  confirm: "Confirmer : {{action}}",
  cancel: "Annuler",
  working: "Enregistrement…",
  done: "{{name}} : {{status}}.",
};
