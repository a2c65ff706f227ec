import type { Messages } from "../en/index.js";

export const enroll: Messages["enroll"] = {
  title: "Configure sua conta",
  loading: "Abrindo seu link de cadastro…",
  forWhom: "Este link é para {{name}} ({{email}}).",
  totpRequired:
    "Sua conta exige um segundo fator. Leia este código QR com o seu aplicativo autenticador (ou digite a chave secreta) e digite o código exibido.",
  totpOptional: "Opcional: proteja sua conta com um segundo fator adicionando esta chave a um aplicativo autenticador.",
  secret: "Chave secreta",
  uri: "Link de configuração (otpauth)",
  password: "Nova senha",
  passwordHint: "No mínimo 12 caracteres.",
  confirm: "Repita a senha",
  code: "Código do autenticador",
  codeOptionalHint: "Deixe vazio para dispensar o segundo fator.",
  submit: "Ativar minha conta",
  submitting: "Ativando…",
  tooShort: "A senha precisa de no mínimo 12 caracteres.",
  mismatch: "As duas senhas são diferentes.",
};
