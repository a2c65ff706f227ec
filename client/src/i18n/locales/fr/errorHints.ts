import type { Messages } from "../en/index.js";

export const errorHints: Messages["errorHints"] = {
  fields: "Vérifiez : {{fields}}",
};
