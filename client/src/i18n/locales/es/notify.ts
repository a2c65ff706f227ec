import type { Messages } from "../en/index.js";

export const notify: Messages["notify"] = {
  link: "Notificaciones",
  title: "Notificaciones",
  intro:
    "Enlace le avisa cuando un aviso espera su acuse de recibo o llega una alerta urgente. Las notificaciones nunca contienen el contenido: solo el programa, el número del aviso y la sala.",
  loadFailed: "No se pudo cargar su configuración de notificaciones.",
  push: {
    heading: "En este dispositivo",
    explain: "Reciba una notificación en este dispositivo aunque Enlace esté cerrado. Su navegador le pedirá permiso.",
    enable: "Activar las notificaciones en este dispositivo",
    disable: "Desactivar en este dispositivo",
    on: "Las notificaciones están activadas en este dispositivo.",
    off: "Las notificaciones están desactivadas en este dispositivo.",
    denied: "Su navegador bloquea las notificaciones de Enlace. Permítalas en la configuración del sitio del navegador y vuelva aquí.",
    unsupported: "Este navegador no puede recibir notificaciones. En un teléfono, añada primero Enlace a la pantalla de inicio.",
    needsMessaging: "Configure primero la mensajería segura en este dispositivo; las notificaciones seguirán a este dispositivo.",
    browserFailed: "el servicio de notificaciones del navegador no aceptó la suscripción. Inténtelo más tarde o en otro navegador.",
    failed: "No se pudieron activar las notificaciones: {{reason}}",
  },
  channels: {
    legend: "Cómo contactarle",
    push: "Notificaciones en mis dispositivos",
    email: "Correo a mi dirección de trabajo",
  },
  quiet: {
    legend: "Horas de silencio",
    enable: "Retener las notificaciones durante las horas de silencio",
    start: "Desde",
    end: "Hasta",
    timeZone: "Las horas están en su zona horaria: {{zone}}",
    override: "Las alertas críticas y los plazos de acuse de recibo le llegan igualmente durante las horas de silencio.",
  },
  language: "Idioma de las notificaciones y los correos",
  save: "Guardar la configuración",
  saving: "Guardando…",
  saved: "Configuración guardada.",
  sound: {
    legend: "Sonido",
    enable: "Emitir un sonido breve cuando llegue contenido urgente con Enlace abierto",
    test: "Escuchar el sonido",
    note: "Esta opción se guarda solo en este dispositivo.",
  },
  urgent: {
    sentNotTold: "Enviada. No se pudo notificar ahora a los demás miembros; verán la alerta al abrir la sala.",
  },
  fallback: {
    title: "Enlace",
    body: "Hay novedades para usted en Enlace.",
  },
};
