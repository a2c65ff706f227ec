import type { Messages } from "../en/index.js";

export const reminders: Messages["reminders"] = {
  column: "Lembretes",
  none: "Nenhum",
  every_one: "Os Estados membros que não confirmaram o recebimento são lembrados a cada hora, e o seu coordenador nacional no fim do prazo.",
  every_other: "Os Estados membros que não confirmaram o recebimento são lembrados a cada {{count}} horas, e o seu coordenador nacional no fim do prazo.",
  remindNow: "Lembrar agora",
  remindState: "Lembrar agora: {{state}}",
  sending: "Enviando…",
  sent_one: "{{state}}: um lembrete está a caminho de {{count}} pessoa.",
  sent_other: "{{state}}: um lembrete está a caminho de {{count}} pessoas.",
  sentNobody: "{{state}} não tem a quem lembrar: nenhum ponto focal aprovado deste programa.",
  kinds: { scheduled: "programado", manual: "manual", deadline: "prazo" },
  audiences: { "focal-points": "pontos focais", coordinator: "coordenador nacional" },
  statuses: { pending: "a enviar", sent: "enviado", cancelled: "cancelado" },
};
