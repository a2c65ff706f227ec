import type { Messages } from "../en/index.js";

export const incident: Messages["incident"] = {
  title: "Incidente",
  loading: "Lendo o incidente…",
  notFound: "Não foi possível encontrar nem ler este aviso de incidente neste dispositivo.",
  back: "Voltar à sala",
  current: "Situação atual: {{status}}",
  since: "desde {{time}}",
  when: "Quando",
  where: "Onde",
  reportedBy: "Informado por",
  reportedAt: "Informado em",
  updates: "Atualizações de situação",
  noUpdates: "Ainda não há atualizações.",
  notCounted: "De um remetente não verificado: é exibida, mas não altera a situação atual.",
};
