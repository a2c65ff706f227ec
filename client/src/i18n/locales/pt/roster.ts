import type { Messages } from "../en/index.js";

export const roster: Messages["roster"] = {
  title: "Quadro de {{state}}",
  empty: "Ainda não há ninguém deste Estado membro no registro.",
};
