import type { Messages } from "../en/index.js";

export const delivery: Messages["delivery"] = {
  counting: "Contando quién recibió la clave…",
  sent: "Clave enviada a {{people}} ({{devices}})",
  people_one: "{{count}} persona",
  people_other: "{{count}} personas",
  devices_one: "{{count}} dispositivo",
  devices_other: "{{count}} dispositivos",
  away_one: "{{count}} de ellas está ausente: se guarda para su próximo inicio de sesión",
  away_other: "{{count}} de ellas están ausentes: se guarda para su próximo inicio de sesión",
  withheld_one: "{{count}} retenido: {{reasons}}",
  withheld_other: "{{count}} retenidos: {{reasons}}",
  reasons: {
    notCrossSigned: "sin firma cruzada",
    noDevice: "aún sin dispositivo",
  },
  unreached_one: "{{count}} persona aún no puede leerlo",
  unreached_other: "{{count}} personas aún no pueden leerlo",
  help: "Las claves de sala solo van a dispositivos que su titular firmó de forma cruzada. Quienes son aprobados después reciben el historial de la sala de avisos desde el dispositivo de un oficial de la Secretaría.",
  inRoom: "En la sala",
  canRead: "Pueden leer",
  acknowledgedPeople: "Acusaron recibo",
  nobodyCanRead: "Nadie puede leerlo",
  readersHelp:
    "«Pueden leer»: personas con un dispositivo con firma cruzada, o que acusaron recibo. Un Estado cuyas personas no pueden leer el aviso se muestra así, no como pendiente.",
};
