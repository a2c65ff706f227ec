export const content = {
  // The content vocabulary, shared by cards, composers and screens.
  severity: {
    info: "Information",
    low: "Low",
    medium: "Medium",
    high: "High",
    critical: "Critical",
  },
  category: {
    armed_attack: "Armed attack",
    explosive_device: "Explosive device",
    vehicle_ramming: "Vehicle ramming",
    arson: "Arson",
    cbrn: "Chemical, biological, radiological or nuclear",
    drone: "Drone",
    hostage_taking: "Hostage taking",
    cyber: "Cyber",
    suspicious_activity: "Suspicious activity",
    threat_communication: "Threat communication",
    surveillance: "Surveillance",
    radicalisation: "Radicalisation",
    other: "Other",
  },
  incidentStatus: {
    ongoing: "Ongoing",
    contained: "Contained",
    closed: "Closed",
  },
  expertiseForm: {
    remote: "Remote",
    on_site: "On site",
    either: "Remote or on site",
  },
  expertiseStatus: {
    open: "Open",
    matched: "Matched",
    closed: "Closed",
  },
};
