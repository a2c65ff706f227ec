import type { Messages } from "../en/index.js";

export const nominate: Messages["nominate"] = {
  title: "Indicar um ponto focal",
  intro: "Quem verifica a pessoa indicada é um oficial da Secretaria de cada programa, nunca quem a indica.",
  fullName: "Nome completo",
  email: "E-mail",
  memberState: "Estado membro",
  chooseState: "Escolha um Estado membro",
  role: "Função",
  programs: "Programas",
  programsHint: "Escolha pelo menos um programa.",
  noProgram: "Escolha pelo menos um programa.",
  reason: "Observação para a Secretaria (opcional)",
  submit: "Indicar",
  submitting: "Indicando…",
  done: "{{name}} foi indicado/a e aguarda a aprovação de um oficial da Secretaria.",
  referred: "Uma indicação para {{email}} foi registrada. A Secretaria vai verificá-la e dar seguimento; por enquanto nada mais muda.",
};
