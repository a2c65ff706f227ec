import type { Messages } from "../en/index.js";

export const app: Messages["app"] = {
  name: "Enlace",
  tagline: "Red segura de puntos focales del CICTE",
  loading: "Cargando…",
  skipToContent: "Ir al contenido principal",
  language: "Idioma",
  signOut: "Cerrar sesión",
  signedInAs: "Sesión de {{name}}",
  mainNav: "Principal",
  menu: "Menú",
  notFound: "Esta página no existe.",
  notAllowed: "Sus funciones no dan acceso a esta página.",
  backHome: "Volver al inicio",
  retry: "Reintentar",
  datePattern: {
    day: "dd",
    month: "mm",
    year: "aaaa",
    time12: "h:mm a. m./p. m.",
    time24: "hh:mm",
    hint: "Formato: {{pattern}}.",
  },
};
