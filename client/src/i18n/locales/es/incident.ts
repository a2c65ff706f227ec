import type { Messages } from "../en/index.js";

export const incident: Messages["incident"] = {
  title: "Incidente",
  loading: "Leyendo el incidente…",
  notFound: "No se pudo encontrar ni leer este aviso de incidente en este dispositivo.",
  back: "Volver a la sala",
  current: "Estado actual: {{status}}",
  since: "desde el {{time}}",
  when: "Cuándo",
  where: "Dónde",
  reportedBy: "Informado por",
  reportedAt: "Informado el",
  updates: "Actualizaciones de estado",
  noUpdates: "Aún no hay actualizaciones.",
  notCounted: "De un remitente no verificado: se muestra, pero no cambia el estado actual.",
};
