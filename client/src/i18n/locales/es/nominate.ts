import type { Messages } from "../en/index.js";

export const nominate: Messages["nominate"] = {
  title: "Nominar un punto focal",
  intro: "Un oficial de la Secretaría de cada programa verifica a la persona nominada, nunca quien la nomina.",
  fullName: "Nombre completo",
  email: "Correo electrónico",
  memberState: "Estado miembro",
  chooseState: "Elija un Estado miembro",
  role: "Función",
  programs: "Programas",
  programsHint: "Elija al menos un programa.",
  noProgram: "Elija al menos un programa.",
  reason: "Nota para la Secretaría (opcional)",
  submit: "Nominar",
  submitting: "Nominando…",
  done: "{{name}} quedó nominado/a y espera la aprobación de un oficial de la Secretaría.",
  referred: "Se registró una nominación para {{email}}. La Secretaría la revisará y le dará seguimiento; por ahora no cambia nada más.",
};
