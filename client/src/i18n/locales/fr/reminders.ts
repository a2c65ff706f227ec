import type { Messages } from "../en/index.js";

export const reminders: Messages["reminders"] = {
  column: "Rappels",
  none: "Aucun",
  every_one: "Les États membres qui n’ont pas accusé réception reçoivent un rappel toutes les heures, et leur coordinateur national à l’échéance.",
  every_other: "Les États membres qui n’ont pas accusé réception reçoivent un rappel toutes les {{count}} heures, et leur coordinateur national à l’échéance.",
  remindNow: "Rappeler maintenant",
  remindState: "Rappeler maintenant : {{state}}",
  sending: "Envoi…",
  sent_one: "{{state}} : un rappel part vers {{count}} personne.",
  sent_other: "{{state}} : un rappel part vers {{count}} personnes.",
  sentNobody: "{{state}} n’a personne à qui envoyer un rappel : aucun point focal approuvé de ce programme.",
  kinds: { scheduled: "programmé", manual: "manuel", deadline: "échéance" },
  audiences: { "focal-points": "points focaux", coordinator: "coordinateur national" },
  statuses: { pending: "à envoyer", sent: "envoyé", cancelled: "annulé" },
};
