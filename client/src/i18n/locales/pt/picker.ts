import type { Messages } from "../en/index.js";

export const picker: Messages["picker"] = {
  filter: "Procurar um Estado",
  filterHint: "Digite parte de um nome; marque cada Estado pertinente.",
  chosen: "Escolhidos",
  noneChosen: "Nenhum Estado escolhido ainda.",
  remove: "Remover {{name}}",
  matches_one: "{{count}} Estado corresponde",
  matches_other: "{{count}} Estados correspondem",
};
