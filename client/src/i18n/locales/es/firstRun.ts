import type { Messages } from "../en/index.js";

export const firstRun: Messages["firstRun"] = {
  title: "Configurar la mensajería segura",
  intro:
    "Enlace creará su identidad de cifrado: claves que prueban que sus mensajes vienen de usted y una copia de seguridad cifrada de las claves de sus conversaciones.",
  keyComing: "Después verá su clave de recuperación, una sola vez. Tenga preparado un lugar seguro para anotarla o guardarla fuera de línea.",
  start: "Crear mis claves y mi clave de recuperación",
  working: "Configurando el cifrado…",
  failed: "La configuración no terminó. Vuelva a intentarlo; no se ha perdido nada.",
  alreadyDone: "La mensajería segura ya está configurada en este dispositivo.",
  keyTitle: "Su clave de recuperación",
  keyWhy: "Esta clave es la única forma de leer sus mensajes cifrados en un dispositivo nuevo o si pierde este.",
  keyOffline: "Guárdela fuera de línea: impresa y bajo llave, o en un gestor de contraseñas de confianza. Nunca la envíe por correo ni por chat.",
  keyNobody: "Nadie puede recuperarla por usted: ni la Secretaría ni los administradores de Enlace.",
  keyOnce: "Solo se muestra ahora.",
  keyLabel: "Clave de recuperación",
  copy: "Copiar la clave",
  copied: "Copiada.",
  copyFailed: "No se pudo copiar: seleccione la clave y cópiela a mano.",
  confirm: "He guardado mi clave de recuperación en un lugar seguro",
  continue: "Continuar",
  restoreTitle: "Usar la mensajería segura en este dispositivo",
  restoreIntro: "Su cuenta ya tiene claves de cifrado. Introduzca la clave de recuperación que guardó al configurar Enlace por primera vez.",
  restoreHint: "Los espacios no importan.",
  restoreSubmit: "Restaurar en este dispositivo",
  restoring: "Restaurando…",
  restoreMalformed: "No es una clave de recuperación válida. Revise si hay errores de escritura.",
  restoreWrong: "Esta clave de recuperación no corresponde a su cuenta.",
  restoreDone: "Este dispositivo está configurado para la mensajería segura.",
  restoreLost:
    "¿Perdió su clave de recuperación? Contacte con la Secretaría: sus mensajes anteriores no se pueden recuperar, pero puede empezar de nuevo con claves nuevas.",
};
