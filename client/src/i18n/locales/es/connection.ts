import type { Messages } from "../en/index.js";

export const connection: Messages["connection"] = {
  lost: "Se perdió la conexión con Enlace. No se ha perdido nada de lo que ingresó; seguimos intentando.",
  checking: "Comprobando la conexión…",
  retry: "Reintentar ahora",
  homeserverLost: "La mensajería segura no puede conectar con su servidor. Los mensajes nuevos aparecerán cuando vuelva; seguimos intentando.",
};
