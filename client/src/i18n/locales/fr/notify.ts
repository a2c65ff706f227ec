import type { Messages } from "../en/index.js";

export const notify: Messages["notify"] = {
  link: "Notifications",
  title: "Notifications",
  intro:
    "Enlace vous prévient lorsqu’un avis attend votre accusé de réception ou qu’une alerte urgente arrive. Les notifications ne contiennent jamais le contenu : seulement le programme, le numéro de l’avis et le salon.",
  loadFailed: "Vos paramètres de notification n’ont pas pu être chargés.",
  push: {
    heading: "Sur cet appareil",
    explain: "Recevez une notification sur cet appareil même quand Enlace est fermé. Votre navigateur vous demandera l’autorisation.",
    enable: "Activer les notifications sur cet appareil",
    disable: "Désactiver sur cet appareil",
    on: "Les notifications sont activées sur cet appareil.",
    off: "Les notifications sont désactivées sur cet appareil.",
    denied: "Votre navigateur bloque les notifications d’Enlace. Autorisez-les dans les paramètres du site du navigateur, puis revenez ici.",
    unsupported: "Ce navigateur ne peut pas recevoir de notifications. Sur un téléphone, ajoutez d’abord Enlace à l’écran d’accueil.",
    needsMessaging: "Configurez d’abord la messagerie sécurisée sur cet appareil ; les notifications suivront ensuite cet appareil.",
    browserFailed: "le service de notifications du navigateur n’a pas accepté l’abonnement. Réessayez plus tard ou dans un autre navigateur.",
    failed: "Les notifications n’ont pas pu être activées : {{reason}}",
  },
  channels: {
    legend: "Comment vous joindre",
    push: "Notifications sur mes appareils",
    email: "Courriel à mon adresse professionnelle",
  },
  quiet: {
    legend: "Heures de silence",
    enable: "Retenir les notifications pendant les heures de silence",
    start: "De",
    end: "À",
    timeZone: "Les heures sont dans votre fuseau horaire : {{zone}}",
    override: "Les alertes critiques et les échéances d’accusé de réception vous parviennent même pendant les heures de silence.",
  },
  language: "Langue des notifications et des courriels",
  save: "Enregistrer les paramètres",
  saving: "Enregistrement…",
  saved: "Paramètres enregistrés.",
  sound: {
    legend: "Son",
    enable: "Jouer un son bref quand un contenu urgent arrive alors qu’Enlace est ouvert",
    test: "Écouter le son",
    note: "Ce réglage est conservé sur cet appareil uniquement.",
  },
  urgent: {
    sentNotTold: "Envoyée. Les autres membres n’ont pas pu être prévenus pour l’instant ; ils verront l’alerte en ouvrant le salon.",
  },
  fallback: {
    title: "Enlace",
    body: "Du nouveau vous attend dans Enlace.",
  },
};
