import type { Messages } from "../en/index.js";

export const directory: Messages["directory"] = {
  title: "Annuaire des compétences",
  intro: "Trouvez des pairs habilités par domaine de compétence, langue, État membre ou programme.",
  q: "Nom ou mot-clé",
  area: "Domaine de compétence",
  language: "Langue",
  search: "Rechercher",
  results_one: "{{count}} personne trouvée",
  results_other: "{{count}} personnes trouvées",
  none: "Personne ne correspond à cette recherche.",
  areas: "Domaines",
  languages: "Langues",
  programs: "Programmes",
  mine: "Mes compétences",
  myAreas: "Mes domaines de compétence",
  myAreasHint: "Séparez les domaines par des virgules, p. ex. sécurité des stades, gestion des foules.",
  myLanguages: "Langues de travail",
  save: "Enregistrer mes compétences",
  saving: "Enregistrement…",
  saved: "Vos compétences sont enregistrées.",
};
