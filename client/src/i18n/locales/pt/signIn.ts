import type { Messages } from "../en/index.js";

export const signIn: Messages["signIn"] = {
  title: "Entrar",
  intro: "Para pontos focais verificados, coordenadores nacionais e a Secretaria.",
  email: "E-mail",
  password: "Senha",
  totp: "Código do autenticador",
  totpHint: "6 dígitos do seu aplicativo autenticador.",
  totpOptionalHint: "6 dígitos do seu aplicativo autenticador. Deixe vazio se a sua conta não tiver um.",
  codeOrCheck:
    "Sessão não iniciada. Se a sua conta usa um aplicativo autenticador, digite o código de 6 dígitos e entre novamente; caso contrário, verifique seu e-mail e sua senha.",
  submit: "Entrar",
  submitting: "Entrando…",
  sessionEnded: "Sua sessão terminou: expirou ou seu acesso foi alterado. Entre novamente.",
  signedOut: "Você saiu.",
};
