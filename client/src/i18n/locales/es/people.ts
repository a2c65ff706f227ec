import type { Messages } from "../en/index.js";

export const people: Messages["people"] = {
  name: "Nombre",
  email: "Correo electrónico",
  memberState: "Estado miembro",
  roles: "Funciones",
  status: "Estado",
  vettedUntil: "Verificado/a hasta",
  nominatedOn: "Nominado/a el",
  actions: "Acciones",
  filterStatus: "Estado",
  filterState: "Estado miembro",
  filterProgram: "Programa",
  any: "Cualquiera",
  filter: "Filtrar",
  title: "Personas",
  empty: "Nadie coincide.",
  count_one: "{{count}} persona",
  count_other: "{{count}} personas",
};
