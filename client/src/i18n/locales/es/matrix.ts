import type { Messages } from "../en/index.js";

export const matrix: Messages["matrix"] = {
  connecting: "Conectando con la mensajería segura…",
  setupTitle: "Configurar la mensajería segura",
  setupText:
    "Antes de leer y enviar mensajes cifrados, esta cuenta necesita sus claves de cifrado y una clave de recuperación. Lleva un momento y se hace una sola vez.",
  setupAction: "Configurar ahora",
  restoreTitle: "Este dispositivo es nuevo",
  restoreText:
    "Su cuenta ya tiene claves de cifrado. Introduzca su clave de recuperación para usar la mensajería segura en este dispositivo y leer los mensajes anteriores.",
  restoreAction: "Usar mi clave de recuperación",
  reconnectingOffline:
    "La mensajería segura no puede llegar a su servidor en este momento. Enlace conserva este dispositivo y vuelve a intentarlo por sí solo.",
  reconnectingRateLimited:
    "El servidor de mensajería pidió a Enlace que espere un momento. Este dispositivo se conserva; Enlace se reconecta por sí solo en breve.",
  reconnectNow: "Intentar ahora",
  deviceReplaced:
    "Este navegador había sido desconectado de la mensajería segura en el servidor (desde otro dispositivo o por un administrador), por lo que ahora tiene un dispositivo nuevo.",
  error: {
    "no-homeserver": "La mensajería segura no está disponible en este servidor.",
    "foreign-account": "Su cuenta de mensajería está en el servidor de su propio Estado: use el cliente Matrix de su Estado.",
    "other-tab": "Enlace está abierto en otra pestaña de este navegador. Use esa pestaña, o ciérrela y vuelva a intentarlo aquí.",
    failed: "No se pudo abrir la mensajería segura. Compruebe su conexión y vuelva a intentarlo.",
  },
};
