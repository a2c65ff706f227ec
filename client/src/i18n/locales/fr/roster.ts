import type { Messages } from "../en/index.js";

export const roster: Messages["roster"] = {
  title: "Liste de {{state}}",
  empty: "Personne de cet État membre ne figure encore au registre.",
};
