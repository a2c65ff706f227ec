import type { Messages } from "../en/index.js";

export const coverage: Messages["coverage"] = {
  title: "Couverture des accusés de réception",
  deadline: "Échéance : {{date}}",
  summary: "{{acknowledged}} sur {{expected}} États membres ont accusé réception · {{pending}} en attente · {{overdue}} en retard",
  caption: "États membres et leur accusé de réception",
  state: "État membre",
  status: "Statut",
  when: "Accusé le",
  statuses: {
    acknowledged: "Réception accusée",
    pending: "En attente",
    overdue: "En retard",
  },
  late: "en retard",
  nobody: "Aucun État membre ne doit accuser réception de cet avis.",
  notFound: "Cet avis ne figure pas dans l'historique récent du salon.",
  backToRoom: "Retour au salon",
  notCounted_one: "{{count}} accusé de réception ne peut pas être vérifié et ne compte pas",
  notCounted_other: "{{count}} accusés de réception ne peuvent pas être vérifiés et ne comptent pas",
  notCountedHelp:
    "Un accusé de réception ne compte que s’il est signé par un appareil que son expéditeur a signé de façon croisée, avec une attestation valide de son État membre.",
  notCountedStatus: "Non compté",
};
