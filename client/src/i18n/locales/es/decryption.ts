import type { Messages } from "../en/index.js";

export const decryption: Messages["decryption"] = {
  kind: "Mensaje cifrado",
  state: {
    "waiting-for-key": "Esperando la clave de {{sender}}.",
    "before-joined": "Enviado antes de que se uniera a esta sala; su historial no se compartió con usted.",
    "before-device": "Enviado antes de configurar este dispositivo, y ninguna copia de seguridad de claves guarda su clave.",
    "backup-locked": "Enviado antes de configurar este dispositivo. Restaure su copia de seguridad de claves con su clave de recuperación para leerlo.",
    withheld: "El dispositivo de {{sender}} no compartió la clave de este mensaje con este dispositivo.",
    "this-device-unverified": "Su dispositivo no estaba verificado cuando se envió esto, por lo que la clave no se compartió con él.",
    "sender-device-unverified": "El dispositivo del remitente no está verificado por su titular, por lo que este mensaje no se muestra.",
    "sender-identity-changed": "La identidad del remitente cambió desde que se verificó, por lo que este mensaje no se muestra.",
    unknown: "Este mensaje no se pudo descifrar en este dispositivo.",
  },
  retrying: "Aparecerá aquí en cuanto llegue la clave.",
  technical: "Detalles técnicos",
  notTheSender: "Se trata de la clave, no del remitente.",
  trust: {
    keyOrigin: "origen de la clave no confirmado",
    keyOriginHint:
      "Este mensaje se leyó con una clave restaurada de su copia de seguridad, y el dispositivo emisor no lo firmó, así que este dispositivo no puede confirmar quién lo envió. Nada indica que el remitente hiciera algo mal.",
  },
};
