import type { Messages } from "../en/index.js";

export const coverage: Messages["coverage"] = {
  title: "Cobertura de acuses de recibo",
  deadline: "Plazo: {{date}}",
  // The counts nest plural forms ("1 pendente", "2 pendentes"): interpolation runs before nesting.
  summary:
    '{{acknowledged}} de {{expected}} Estados miembros acusaron recibo · $t(coverage.pendingCount, {"count": {{pending}} }) · $t(coverage.overdueCount, {"count": {{overdue}} }) · $t(coverage.noFocalPointCount, {"count": {{noFocalPoint}} })',
  pendingCount_one: "{{count}} pendiente",
  pendingCount_other: "{{count}} pendientes",
  overdueCount_one: "{{count}} vencido",
  overdueCount_other: "{{count}} vencidos",
  noFocalPointCount_one: "{{count}} sin punto focal",
  noFocalPointCount_other: "{{count}} sin punto focal",
  caption: "Estados miembros y su acuse de recibo",
  state: "Estado miembro",
  status: "Situación",
  when: "Acusó recibo el",
  who: "Quién acusó recibo",
  statuses: {
    acknowledged: "Recibo acusado",
    pending: "Pendiente",
    overdue: "Vencido",
    "no-focal-point": "Sin punto focal",
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
  exportCsv: "Descargar CSV",
  allStatesHelp:
    "Se espera a todos los Estados miembros de la OEA: este aviso es para todo el hemisferio o para varios programas. «Sin punto focal» significa que el Estado aún no tiene en la sala ningún punto focal o suplente aprobado de estos programas.",
  programStatesHelp:
    "Se espera a los Estados que participan en {{program}}: los que tienen un punto focal o suplente aprobado del programa. «Sin punto focal» significa que el Estado aún no tiene ninguno en la sala (por ejemplo, aprobado pero todavía sin inscribirse).",
  notExpected: "No se espera (no participa en el programa)",
  mapLabel: "Mapa de los Estados miembros coloreados según su acuse de recibo (la tabla de arriba muestra lo mismo)",
};
