import type { Messages } from "../en/index.js";

export const roster: Messages["roster"] = {
  title: "Lista de {{state}}",
  empty: "Todavía no hay nadie de este Estado miembro en el registro.",
};
