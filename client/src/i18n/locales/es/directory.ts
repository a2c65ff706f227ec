import type { Messages } from "../en/index.js";

export const directory: Messages["directory"] = {
  title: "Directorio de especialistas",
  intro: "Encuentre pares verificados por área de especialidad, idioma, Estado miembro o programa.",
  q: "Nombre o palabra clave",
  area: "Área de especialidad",
  language: "Idioma",
  search: "Buscar",
  results_one: "{{count}} persona encontrada",
  results_other: "{{count}} personas encontradas",
  none: "Nadie coincide con esta búsqueda.",
  areas: "Áreas",
  languages: "Idiomas",
  programs: "Programas",
  mine: "Mi especialidad",
  myAreas: "Mis áreas de especialidad",
  myAreasHint: "Separe las áreas con comas, p. ej. seguridad de estadios, gestión de multitudes.",
  myLanguages: "Idiomas en los que trabajo",
  save: "Guardar mi especialidad",
  saving: "Guardando…",
  saved: "Su especialidad quedó guardada.",
};
