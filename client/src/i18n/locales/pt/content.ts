import type { Messages } from "../en/index.js";

export const content: Messages["content"] = {
  // The content vocabulary, shared by cards, composers and screens.
  severity: {
    info: "Informação",
    low: "Baixa",
    medium: "Média",
    high: "Alta",
    critical: "Crítica",
  },
  category: {
    armed_attack: "Ataque armado",
    explosive_device: "Artefato explosivo",
    vehicle_ramming: "Atropelamento com veículo",
    arson: "Incêndio criminoso",
    cbrn: "Químico, biológico, radiológico ou nuclear",
    drone: "Drone",
    hostage_taking: "Tomada de reféns",
    cyber: "Cibernético",
    suspicious_activity: "Atividade suspeita",
    threat_communication: "Comunicação de ameaça",
    surveillance: "Vigilância",
    radicalisation: "Radicalização",
    other: "Outra",
  },
  incidentStatus: {
    ongoing: "Em andamento",
    contained: "Contido",
    closed: "Encerrado",
  },
  expertiseForm: {
    remote: "A distância",
    on_site: "Presencial",
    either: "A distância ou presencial",
  },
  expertiseStatus: {
    open: "Aberto",
    matched: "Atendido",
    closed: "Encerrado",
  },
};
