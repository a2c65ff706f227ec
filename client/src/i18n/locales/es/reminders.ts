import type { Messages } from "../en/index.js";

export const reminders: Messages["reminders"] = {
  column: "Recordatorios",
  none: "Ninguno",
  every_one: "A los Estados miembros que no han acusado recibo se les recuerda cada hora, y a su coordinador nacional al vencer el plazo.",
  every_other: "A los Estados miembros que no han acusado recibo se les recuerda cada {{count}} horas, y a su coordinador nacional al vencer el plazo.",
  remindNow: "Recordar ahora",
  remindState: "Recordar ahora: {{state}}",
  sending: "Enviando…",
  sent_one: "{{state}}: se envía un recordatorio a {{count}} persona.",
  sent_other: "{{state}}: se envía un recordatorio a {{count}} personas.",
  sentNobody: "{{state}} no tiene a quién recordar: ningún punto focal aprobado de este programa.",
  kinds: { scheduled: "programado", manual: "manual", deadline: "plazo" },
  audiences: { "focal-points": "puntos focales", coordinator: "coordinador nacional" },
  statuses: { pending: "por enviar", sent: "enviado", cancelled: "cancelado" },
};
