import type { Messages } from "../en/index.js";

export const coverage: Messages["coverage"] = {
  title: "Cobertura das confirmações de recebimento",
  deadline: "Prazo: {{date}}",
  summary: "{{acknowledged}} de {{expected}} Estados membros confirmaram o recebimento · {{pending}} pendentes · {{overdue}} vencidos",
  caption: "Estados membros e sua confirmação de recebimento",
  state: "Estado membro",
  status: "Situação",
  when: "Confirmado em",
  statuses: {
    acknowledged: "Recebimento confirmado",
    pending: "Pendente",
    overdue: "Vencido",
  },
  late: "com atraso",
  nobody: "Nenhum Estado membro deve confirmar o recebimento deste aviso.",
  notFound: "Este aviso não está no histórico recente da sala.",
  backToRoom: "Voltar à sala",
  notCounted_one: "{{count}} confirmação de recebimento não pode ser verificada e não conta",
  notCounted_other: "{{count}} confirmações de recebimento não podem ser verificadas e não contam",
  notCountedHelp:
    "Uma confirmação de recebimento só conta quando assinada por um dispositivo que seu remetente assinou de forma cruzada, com uma credencial válida do seu Estado membro.",
  notCountedStatus: "Não conta",
};
