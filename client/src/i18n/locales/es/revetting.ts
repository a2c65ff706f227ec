import type { Messages } from "../en/index.js";

export const revetting: Messages["revetting"] = {
  title: "Reverificación",
  intro: "Personas cuya verificación venció o vence dentro de 30 días.",
  empty: "Nadie necesita reverificación.",
  lapsed: "Vencida",
  dueSoon: "Vence pronto",
};
