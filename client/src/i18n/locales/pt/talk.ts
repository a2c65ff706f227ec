import type { Messages } from "../en/index.js";

export const talk: Messages["talk"] = {
  open: {
    alert: "Novo alerta",
    incident: "Novo aviso de incidente",
    document: "Novo documento de lições aprendidas",
    request: "Novo pedido de especialistas",
    advisory: "Novo comunicado oficial",
  },
  close: "Fechar",
  composeActions: "Redigir",
  message: {
    label: "Mensagem",
    placeholder: "Escreva uma mensagem (Markdown)…",
    send: "Enviar",
    sending: "Enviando…",
    sent: "Enviado, com criptografia de ponta a ponta.",
    empty: "Escreva algo primeiro.",
  },
  thread: {
    replies_one: "{{count}} resposta",
    replies_other: "{{count}} respostas",
    reply: "Responder",
    hide: "Ocultar respostas",
    title: "Respostas a {{title}}",
    replyLabel: "Sua resposta",
    replyPlaceholder: "Responda a todos nesta sala (Markdown)…",
    none: "Ainda não há respostas.",
  },
};
