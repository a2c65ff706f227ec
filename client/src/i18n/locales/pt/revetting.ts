import type { Messages } from "../en/index.js";

export const revetting: Messages["revetting"] = {
  title: "Reverificação",
  intro: "Pessoas cuja verificação expirou ou expira em até 30 dias.",
  empty: "Ninguém precisa de reverificação.",
  lapsed: "Expirada",
  dueSoon: "Expira em breve",
};
