import type { Messages } from "../en/index.js";

export const coverage: Messages["coverage"] = {
  title: "Cobertura das confirmações de recebimento",
  deadline: "Prazo: {{date}}",
  // The counts nest plural forms ("1 pendente", "2 pendentes"): interpolation runs before nesting.
  summary:
    '{{acknowledged}} de {{expected}} Estados membros confirmaram o recebimento · $t(coverage.pendingCount, {"count": {{pending}} }) · $t(coverage.overdueCount, {"count": {{overdue}} }) · $t(coverage.noFocalPointCount, {"count": {{noFocalPoint}} })',
  pendingCount_one: "{{count}} pendente",
  pendingCount_other: "{{count}} pendentes",
  overdueCount_one: "{{count}} vencido",
  overdueCount_other: "{{count}} vencidos",
  noFocalPointCount_one: "{{count}} sem ponto focal",
  noFocalPointCount_other: "{{count}} sem ponto focal",
  caption: "Estados membros e sua confirmação de recebimento",
  state: "Estado membro",
  status: "Situação",
  when: "Confirmado em",
  who: "Confirmado por",
  statuses: {
    acknowledged: "Recebimento confirmado",
    pending: "Pendente",
    overdue: "Vencido",
    "no-focal-point": "Sem ponto focal",
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
  exportCsv: "Baixar CSV",
  allStatesHelp:
    "Todos os Estados membros da OEA são esperados: este aviso é para todo o hemisfério ou para vários programas. «Sem ponto focal» significa que o Estado ainda não tem na sala nenhum ponto focal ou suplente aprovado destes programas.",
  programStatesHelp:
    "São esperados os Estados que participam de {{program}}: os que têm um ponto focal ou suplente aprovado do programa. «Sem ponto focal» significa que o Estado ainda não tem nenhum na sala (por exemplo, aprovado mas ainda não inscrito).",
  notExpected: "Não esperado (fora do programa)",
  mapLabel: "Mapa dos Estados membros coloridos pela confirmação de recebimento (a tabela acima mostra o mesmo)",
};
