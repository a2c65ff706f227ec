import type { Messages } from "../en/index.js";

export const firstRun: Messages["firstRun"] = {
  title: "Configurer la messagerie sécurisée",
  intro:
    "Enlace va créer votre identité de chiffrement : des clés qui prouvent que vos messages viennent de vous, et une sauvegarde chiffrée des clés de vos conversations.",
  keyComing: "Vous verrez ensuite votre clé de récupération, une seule fois. Prévoyez un endroit sûr pour la noter ou la conserver hors ligne.",
  start: "Créer mes clés et ma clé de récupération",
  working: "Configuration du chiffrement…",
  failed: "La configuration n'a pas abouti. Réessayez ; rien n'a été perdu.",
  alreadyDone: "La messagerie sécurisée est déjà configurée sur cet appareil.",
  keyTitle: "Votre clé de récupération",
  keyWhy: "Cette clé est le seul moyen de lire vos messages chiffrés sur un nouvel appareil ou si vous perdez celui-ci.",
  keyOffline:
    "Conservez-la hors ligne : imprimée et sous clé, ou dans un gestionnaire de mots de passe de confiance. Ne l'envoyez jamais par courriel ni par messagerie.",
  keyNobody: "Personne ne peut la récupérer pour vous : ni le Secrétariat, ni les administrateurs d'Enlace.",
  keyOnce: "Elle n'est affichée que maintenant.",
  keyLabel: "Clé de récupération",
  copy: "Copier la clé",
  copied: "Copiée.",
  copyFailed: "Impossible de copier : sélectionnez la clé et copiez-la à la main.",
  saveFirst: "Enregistrez d’abord votre clé de récupération : elle n’est affichée que maintenant. Confirmez ensuite ci-dessous pour continuer.",
  confirm: "J'ai conservé ma clé de récupération en lieu sûr",
  continue: "Continuer",
  restoreTitle: "Utiliser la messagerie sécurisée sur cet appareil",
  restoreIntro: "Votre compte a déjà des clés de chiffrement. Saisissez la clé de récupération conservée lors de votre première configuration d'Enlace.",
  restoreHint: "Majuscules, minuscules et espaces n'ont pas d'importance.",
  restoreSubmit: "Restaurer sur cet appareil",
  restoring: "Restauration…",
  restoreMalformed: "Ce n'est pas une clé de récupération valide. Vérifiez les fautes de frappe.",
  restoreOldCase:
    "Cela ressemble à une clé de récupération créée avant le format actuel d'Enlace (elle commence par « Es ») : saisissez-la en respectant exactement les majuscules et les minuscules.",
  restoreWrong: "Cette clé de récupération ne correspond pas à votre compte.",
  restoreDone: "Cet appareil est configuré pour la messagerie sécurisée.",
  restoreLost:
    "Clé de récupération perdue ? Contactez le Secrétariat : vos messages antérieurs ne peuvent pas être récupérés, mais vous pouvez repartir avec de nouvelles clés.",
  download: "Télécharger en fichier texte",
  print: "Imprimer",
  fileName: "enlace-cle-de-recuperation.txt",
  fileTitle: "Clé de récupération Enlace",
  fileAccount: "Compte : {{account}}",
  fileCreated: "Créée le : {{date}}",
  fileEntry:
    "Quand Enlace vous la demande sur un nouvel appareil, saisissez-la telle qu'elle est écrite ici : majuscules, minuscules et espaces n'ont pas d'importance.",
  fileReplaced: "Si vous changez votre clé de récupération depuis la page de votre compte, celle-ci cesse de fonctionner : détruisez alors cette copie.",
};
