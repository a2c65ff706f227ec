import type { Messages } from "../en/index.js";

export const nav: Messages["nav"] = {
  home: "Início",
  state: "Indicar",
  nominations: "Indicações pendentes",
  people: "Pessoas",
  revetting: "Reverificação",
  audit: "Registro de auditoria",
  directory: "Diretório de especialistas",
  conversations: "Conversas",
  events: "Grandes eventos",
  library: "Biblioteca",
};
