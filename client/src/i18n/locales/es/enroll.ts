import type { Messages } from "../en/index.js";

export const enroll: Messages["enroll"] = {
  title: "Configure su cuenta",
  loading: "Abriendo su enlace de inscripción…",
  forWhom: "Este enlace es para {{name}} ({{email}}).",
  totpRequired:
    "Su cuenta exige un segundo factor. Escanee este código QR con su aplicación de autenticación (o escriba la clave secreta) e ingrese el código que muestra.",
  totpOptional: "Opcional: proteja su cuenta con un segundo factor agregando esta clave a una aplicación de autenticación.",
  secret: "Clave secreta",
  uri: "Enlace de configuración (otpauth)",
  password: "Nueva contraseña",
  passwordHint: "Al menos 12 caracteres.",
  confirm: "Repita la contraseña",
  code: "Código de autenticación",
  codeOptionalHint: "Déjelo vacío para omitir el segundo factor.",
  submit: "Activar mi cuenta",
  submitting: "Activando…",
  tooShort: "La contraseña necesita al menos 12 caracteres.",
  mismatch: "Las dos contraseñas no coinciden.",
};
