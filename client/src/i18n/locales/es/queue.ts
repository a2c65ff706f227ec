import type { Messages } from "../en/index.js";

export const queue: Messages["queue"] = {
  title: "Nominaciones pendientes",
  intro: "Al aprobar se emite un enlace de inscripción de un solo uso para entregar a la persona nominada por un canal de confianza.",
  empty: "No hay nominaciones pendientes.",
  cannotApprove:
    "No puede aprobar esta: usted nominó a esta persona o está fuera de sus programas. Aprueba otro oficial o un administrador (principio de los cuatro ojos).",
  linkTitle: "Enlace de inscripción de {{name}}",
  linkHelp: "De un solo uso, válido hasta {{date}}. Entréguelo en persona o por un canal de confianza; solo se muestra ahora.",
  linkLabel: "Enlace de inscripción",
  copy: "Copiar enlace",
  copied: "Copiado.",
  dismiss: "Listo",
  matrixId: "Cuenta Matrix:",
  noMatrixId: "ninguna aún (sin servidor vinculado)",
  approvingAs: "Usted aprueba a {{name}} con la cuenta Matrix {{id}}: esta cuenta aparecerá como miembro verificado. Revísela antes de confirmar.",
  nominatedBy: "Nominado por {{name}}.",
  nominatedBySystem: "Nominado mediante una importación del registro.",
  ruleAdmin: "Aprobación: un administrador, nunca quien nominó (cuatro ojos).",
  ruleOfficerOrAdmin: "Aprobación: un oficial de cada programa de la persona, o un administrador; nunca quien nominó (cuatro ojos).",
};
