import type { Messages } from "../en/index.js";

export const content: Messages["content"] = {
  // The content vocabulary, shared by cards, composers and screens.
  severity: {
    info: "Information",
    low: "Faible",
    medium: "Moyenne",
    high: "Élevée",
    critical: "Critique",
  },
  category: {
    armed_attack: "Attaque armée",
    explosive_device: "Engin explosif",
    vehicle_ramming: "Attaque au véhicule-bélier",
    arson: "Incendie criminel",
    cbrn: "Chimique, biologique, radiologique ou nucléaire",
    drone: "Drone",
    hostage_taking: "Prise d’otages",
    cyber: "Cyber",
    suspicious_activity: "Activité suspecte",
    threat_communication: "Communication de menace",
    surveillance: "Surveillance",
    radicalisation: "Radicalisation",
    other: "Autre",
  },
  incidentStatus: {
    ongoing: "En cours",
    contained: "Maîtrisé",
    closed: "Clos",
  },
  expertiseForm: {
    remote: "À distance",
    on_site: "Sur place",
    either: "À distance ou sur place",
  },
  expertiseStatus: {
    open: "Ouverte",
    matched: "Pourvue",
    closed: "Close",
  },
};
