import type { Messages } from "../en/index.js";

export const decide: Messages["decide"] = {
  approve: "Aprobar",
  reject: "Rechazar",
  suspend: "Suspender",
  reinstate: "Restablecer",
  revoke: "Revocar",
  newLink: "Nuevo enlace de inscripción",
  reason: "Motivo (queda en el registro de auditoría)",
  confirm: "Confirmar: {{action}}",
  cancel: "Cancelar",
  working: "Guardando…",
  done: "{{name}}: {{status}}.",
};
