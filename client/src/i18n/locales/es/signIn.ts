import type { Messages } from "../en/index.js";

export const signIn: Messages["signIn"] = {
  title: "Iniciar sesión",
  intro: "Para puntos focales verificados, coordinadores nacionales y la Secretaría.",
  email: "Correo electrónico",
  password: "Contraseña",
  totp: "Código de autenticación",
  totpHint: "6 dígitos de su aplicación de autenticación.",
  totpOptionalHint: "6 dígitos de su aplicación de autenticación. Déjelo vacío si su cuenta no tiene una.",
  codeOrCheck:
    "No se inició la sesión. Si su cuenta usa una aplicación de autenticación, ingrese su código de 6 dígitos e inicie sesión de nuevo; si no, revise su correo y su contraseña.",
  submit: "Iniciar sesión",
  submitting: "Iniciando sesión…",
  sessionEnded: "Su sesión ha terminado: venció o cambió su acceso. Inicie sesión de nuevo.",
  signedOut: "Ha cerrado la sesión.",
};
