import type { Messages } from "../en/index.js";

export const coverage: Messages["coverage"] = {
  title: "Couverture des accusés de réception",
  deadline: "Échéance : {{date}}",
  // The counts nest plural forms ("1 pendente", "2 pendentes"): interpolation runs before nesting.
  summary:
    '{{acknowledged}} sur {{expected}} États membres ont accusé réception · $t(coverage.pendingCount, {"count": {{pending}} }) · $t(coverage.overdueCount, {"count": {{overdue}} }) · $t(coverage.noFocalPointCount, {"count": {{noFocalPoint}} })',
  pendingCount_one: "{{count}} en attente",
  pendingCount_other: "{{count}} en attente",
  overdueCount_one: "{{count}} en retard",
  overdueCount_other: "{{count}} en retard",
  noFocalPointCount_one: "{{count}} sans point focal",
  noFocalPointCount_other: "{{count}} sans point focal",
  caption: "États membres et leur accusé de réception",
  state: "État membre",
  status: "Statut",
  when: "Accusé le",
  who: "Accusé par",
  statuses: {
    acknowledged: "Réception accusée",
    pending: "En attente",
    overdue: "En retard",
    "no-focal-point": "Pas de point focal",
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
  exportCsv: "Télécharger le CSV",
  allStatesHelp:
    "Tous les États membres de l’OEA sont attendus : cet avis concerne tout l’hémisphère ou plusieurs programmes. « Pas de point focal » signifie que l’État n’a encore dans la salle aucun point focal ou suppléant approuvé de ces programmes.",
  programStatesHelp:
    "Les États participant à {{program}} sont attendus : ceux qui ont un point focal ou un suppléant approuvé du programme. « Pas de point focal » signifie que l’État n’en a encore aucun dans la salle (par exemple, approuvé mais pas encore inscrit).",
  notExpected: "Non attendu (hors du programme)",
  mapLabel: "Carte des États membres colorés selon leur accusé de réception (le tableau ci-dessus donne la même chose)",
};
