// Conversaciones directas cifradas entre dos personas habilitadas.
export const conversations = {
  title: "Conversaciones",
  intro: "Conversaciones directas con otra persona habilitada, cifradas de extremo a extremo. Inicie una con «Contactar» en el directorio de especialistas.",
  direct: "Conversación directa",
  none: "Aún no tiene conversaciones.",
  with: "Conversación con {{name}}",
  waiting: "Esperando a que {{name}} se una a la conversación…",
  open: "Abrir",
  preparing: "En preparación…",
  notVetted: "Ya no está habilitada: salió de esta conversación.",
  startedOn: "Iniciada el {{date}}",
  contact: "Contactar",
  contactLabel: "Contactar a {{name}} en una conversación directa",
  opening: "Abriendo la conversación…",
  slow: "La conversación se está preparando. Aparecerá en Conversaciones en un momento.",
  you: "Es usted.",
  noAccount: "Aún sin cuenta de mensajería segura.",
};
