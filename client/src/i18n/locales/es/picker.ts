import type { Messages } from "../en/index.js";

export const picker: Messages["picker"] = {
  filter: "Buscar un Estado",
  filterHint: "Escriba parte de un nombre; marque cada Estado que corresponda.",
  chosen: "Elegidos",
  noneChosen: "Aún no se eligió ningún Estado.",
  remove: "Quitar {{name}}",
  matches_one: "{{count}} Estado coincide",
  matches_other: "{{count}} Estados coinciden",
};
