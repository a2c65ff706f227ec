import type { Messages } from "../en/index.js";

export const room: Messages["room"] = {
  name: {
    hemisphere: "Avisos hemisféricos",
    advisories: "{{program}} — avisos",
    network: "{{program}} — rede",
    cell: "Célula de planejamento — {{event}}",
  },
  ceiling: "Marcação máxima permitida",
  timeline: "Mensagens em {{room}}",
  empty: "Ainda não há mensagens.",
  loadOlder: "Carregar mensagens anteriores",
  loadingOlder: "Carregando mensagens anteriores…",
  notMember: "Você não é membro desta sala.",
};
