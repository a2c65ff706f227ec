import type { Messages } from "../en/index.js";

export const people: Messages["people"] = {
  name: "Nome",
  email: "E-mail",
  memberState: "Estado membro",
  roles: "Funções",
  status: "Situação",
  vettedUntil: "Verificado/a até",
  nominatedOn: "Indicado/a em",
  actions: "Ações",
  filterStatus: "Situação",
  filterState: "Estado membro",
  filterProgram: "Programa",
  any: "Qualquer",
  filter: "Filtrar",
  title: "Pessoas",
  empty: "Ninguém corresponde.",
  count_one: "{{count}} pessoa",
  count_other: "{{count}} pessoas",
};
