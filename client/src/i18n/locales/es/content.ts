import type { Messages } from "../en/index.js";

export const content: Messages["content"] = {
  // The content vocabulary, shared by cards, composers and screens.
  severity: {
    info: "Información",
    low: "Baja",
    medium: "Media",
    high: "Alta",
    critical: "Crítica",
  },
  category: {
    armed_attack: "Ataque armado",
    explosive_device: "Artefacto explosivo",
    vehicle_ramming: "Atropello con vehículo",
    arson: "Incendio provocado",
    cbrn: "Químico, biológico, radiológico o nuclear",
    drone: "Dron",
    hostage_taking: "Toma de rehenes",
    cyber: "Ciber",
    suspicious_activity: "Actividad sospechosa",
    threat_communication: "Comunicación de amenaza",
    surveillance: "Vigilancia",
    radicalisation: "Radicalización",
    other: "Otra",
  },
  incidentStatus: {
    ongoing: "En curso",
    contained: "Contenido",
    closed: "Cerrado",
  },
  expertiseForm: {
    remote: "A distancia",
    on_site: "Presencial",
    either: "A distancia o presencial",
  },
  expertiseStatus: {
    open: "Abierta",
    matched: "Atendida",
    closed: "Cerrada",
  },
};
