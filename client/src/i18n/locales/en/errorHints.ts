export const errorHints = {
  fields: "Check: {{fields}}",
};
