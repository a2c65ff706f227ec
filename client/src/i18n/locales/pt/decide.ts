import type { Messages } from "../en/index.js";

export const decide: Messages["decide"] = {
  approve: "Aprovar",
  reject: "Rejeitar",
  suspend: "Suspender",
  reinstate: "Restabelecer",
  revoke: "Revogar",
  newLink: "Novo link de cadastro",
  reason: "Motivo (fica no registro de auditoria)",
  confirm: "Confirmar: {{action}}",
  cancel: "Cancelar",
  working: "Salvando…",
  done: "{{name}}: {{status}}.",
};
