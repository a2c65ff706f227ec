import type { Messages } from "../en/index.js";

export const talk: Messages["talk"] = {
  open: {
    alert: "Nueva alerta",
    incident: "Nuevo aviso de incidente",
    document: "Nuevo documento de lecciones aprendidas",
    request: "Nueva solicitud de especialistas",
    advisory: "Nuevo aviso oficial",
  },
  close: "Cerrar",
  composeActions: "Redactar",
  message: {
    label: "Mensaje",
    placeholder: "Escriba un mensaje (Markdown)…",
    send: "Enviar",
    sending: "Enviando…",
    sent: "Enviado, cifrado de extremo a extremo.",
    empty: "Escriba algo primero.",
  },
  thread: {
    replies_one: "{{count}} respuesta",
    replies_other: "{{count}} respuestas",
    reply: "Responder",
    hide: "Ocultar respuestas",
    title: "Respuestas a {{title}}",
    replyLabel: "Su respuesta",
    replyPlaceholder: "Responda a todos en esta sala (Markdown)…",
    none: "Aún no hay respuestas.",
  },
};
