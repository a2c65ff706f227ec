import type { Messages } from "../en/index.js";

export const coverage: Messages["coverage"] = {
  title: "Cobertura de acuses de recibo",
  deadline: "Plazo: {{date}}",
  summary: "{{acknowledged}} de {{expected}} Estados miembros acusaron recibo · {{pending}} pendientes · {{overdue}} vencidos",
  caption: "Estados miembros y su acuse de recibo",
  state: "Estado miembro",
  status: "Situación",
  when: "Acusó recibo el",
  statuses: {
    acknowledged: "Recibo acusado",
    pending: "Pendiente",
    overdue: "Vencido",
  },
  late: "con retraso",
  nobody: "No se espera acuse de recibo de ningún Estado miembro para este aviso.",
  notFound: "Este aviso no está en el historial reciente de la sala.",
  backToRoom: "Volver a la sala",
  notCounted_one: "{{count}} acuse de recibo no se puede verificar y no cuenta",
  notCounted_other: "{{count}} acuses de recibo no se pueden verificar y no cuentan",
  notCountedHelp:
    "Un acuse de recibo cuenta solo si lo firmó un dispositivo que su remitente firmó de forma cruzada, con una credencial válida de su Estado miembro.",
  notCountedStatus: "No cuenta",
};
