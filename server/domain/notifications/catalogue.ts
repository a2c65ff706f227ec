/**
 * Every notification's words, in the four languages, from metadata only (docs/threat-model.md,
 * "Notifications"): a program's name, an advisory's number and deadline, a state's code, how many
 * urgent messages. Never a title, summary, file name or body — the control plane has none of them.
 * A small typed table rather than i18next on the server: a dozen messages, checked by the compiler
 * to exist in every language.
 */
type Lang = "en" | "es" | "pt" | "fr";
const KINDS = [
  "advisory.published",
  "advisory.reminder",
  "advisory.deadline",
  "urgent.alert",
  "vetting.nomination",
  "vetting.enrollment",
  "vetting.approved",
  "vetting.suspended",
  "vetting.member-suspended",
  "vetting.revetting-due",
] as const;
export type Kind = (typeof KINDS)[number];

export interface MessageParams {
  program?: string; // the program's name, already in the reader's language
  number?: number;
  deadline?: string; // "2026-12-05 18:00 UTC"
  state?: string;
  count?: number;
  severity?: "high" | "critical";
  link?: string; // the enrollment link (the one secret a mail carries)
}
interface Text {
  title: string;
  body: string;
}
type Catalogue = Record<Kind, Record<Lang, (p: MessageParams) => Text>>;

const ref = (p: MessageParams) => `${p.program} #${p.number}`;
const many = (p: MessageParams, one: string, n: (count: number) => string) => ((p.count ?? 1) > 1 ? n(p.count!) : one);

const CATALOGUE: Catalogue = {
  "advisory.published": {
    en: (p) => ({
      title: `Advisory ${ref(p)}`,
      body: p.deadline ? `A new advisory awaits your acknowledgement by ${p.deadline}.` : "A new advisory is in Enlace.",
    }),
    es: (p) => ({
      title: `Aviso ${ref(p)}`,
      body: p.deadline ? `Un nuevo aviso espera su acuse de recibo antes de ${p.deadline}.` : "Hay un nuevo aviso en Enlace.",
    }),
    pt: (p) => ({ title: `Alerta ${ref(p)}`, body: p.deadline ? `Um novo alerta aguarda sua confirmação até ${p.deadline}.` : "Há um novo alerta no Enlace." }),
    fr: (p) => ({
      title: `Avis ${ref(p)}`,
      body: p.deadline ? `Un nouvel avis attend votre accusé de réception avant le ${p.deadline}.` : "Un nouvel avis est arrivé dans Enlace.",
    }),
  },
  "advisory.reminder": {
    en: (p) => ({ title: `Reminder: advisory ${ref(p)}`, body: `Advisory no. ${p.number} awaits your state's acknowledgement by ${p.deadline}.` }),
    es: (p) => ({ title: `Recordatorio: aviso ${ref(p)}`, body: `El aviso n.º ${p.number} espera el acuse de recibo de su estado antes de ${p.deadline}.` }),
    pt: (p) => ({ title: `Lembrete: alerta ${ref(p)}`, body: `O alerta n.º ${p.number} aguarda a confirmação do seu estado até ${p.deadline}.` }),
    fr: (p) => ({ title: `Rappel : avis ${ref(p)}`, body: `L’avis n° ${p.number} attend l’accusé de réception de votre État avant le ${p.deadline}.` }),
  },
  "advisory.deadline": {
    en: (p) => ({
      title: `Deadline passed: advisory ${ref(p)}`,
      body: `${p.state} has not acknowledged advisory no. ${p.number}; the deadline was ${p.deadline}.`,
    }),
    es: (p) => ({ title: `Plazo vencido: aviso ${ref(p)}`, body: `${p.state} no ha acusado recibo del aviso n.º ${p.number}; el plazo era ${p.deadline}.` }),
    pt: (p) => ({ title: `Prazo vencido: alerta ${ref(p)}`, body: `${p.state} não confirmou o alerta n.º ${p.number}; o prazo era ${p.deadline}.` }),
    fr: (p) => ({
      title: `Délai dépassé : avis ${ref(p)}`,
      body: `${p.state} n’a pas accusé réception de l’avis n° ${p.number} ; le délai était le ${p.deadline}.`,
    }),
  },
  "urgent.alert": {
    en: (p) => ({
      title: p.severity === "critical" ? "Critical alert" : "Urgent alert",
      body: many(p, "An urgent message arrived in one of your rooms.", (n) => `${n} urgent messages arrived in one of your rooms.`),
    }),
    es: (p) => ({
      title: p.severity === "critical" ? "Alerta crítica" : "Alerta urgente",
      body: many(p, "Llegó un mensaje urgente a una de sus salas.", (n) => `Llegaron ${n} mensajes urgentes a una de sus salas.`),
    }),
    pt: (p) => ({
      title: p.severity === "critical" ? "Alerta crítico" : "Alerta urgente",
      body: many(p, "Chegou uma mensagem urgente em uma de suas salas.", (n) => `Chegaram ${n} mensagens urgentes em uma de suas salas.`),
    }),
    fr: (p) => ({
      title: p.severity === "critical" ? "Alerte critique" : "Alerte urgente",
      body: many(p, "Un message urgent est arrivé dans l’un de vos salons.", (n) => `${n} messages urgents sont arrivés dans l’un de vos salons.`),
    }),
  },
  "vetting.nomination": {
    en: (p) => ({
      title: "Nomination awaiting approval",
      body: `A nomination${p.program ? ` for ${p.program}` : ""} awaits your decision in the vetting queue.`,
    }),
    es: (p) => ({
      title: "Nominación pendiente",
      body: `Una nominación${p.program ? ` para ${p.program}` : ""} espera su decisión en la cola de verificación.`,
    }),
    pt: (p) => ({ title: "Indicação pendente", body: `Uma indicação${p.program ? ` para ${p.program}` : ""} aguarda sua decisão na fila de verificação.` }),
    fr: (p) => ({
      title: "Nomination en attente",
      body: `Une nomination${p.program ? ` pour ${p.program}` : ""} attend votre décision dans la file de vérification.`,
    }),
  },
  "vetting.enrollment": {
    en: (p) => ({
      title: "Your Enlace enrollment link",
      body: `You have been approved for Enlace. Open this single-use link to set your password:\n\n${p.link}\n\nDo not forward this message: the link is yours alone.`,
    }),
    es: (p) => ({
      title: "Su enlace de inscripción en Enlace",
      body: `Su acceso a Enlace fue aprobado. Abra este enlace de un solo uso para definir su contraseña:\n\n${p.link}\n\nNo reenvíe este mensaje: el enlace es solo suyo.`,
    }),
    pt: (p) => ({
      title: "Seu link de inscrição no Enlace",
      body: `Seu acesso ao Enlace foi aprovado. Abra este link de uso único para definir sua senha:\n\n${p.link}\n\nNão encaminhe esta mensagem: o link é só seu.`,
    }),
    fr: (p) => ({
      title: "Votre lien d’inscription à Enlace",
      body: `Votre accès à Enlace a été approuvé. Ouvrez ce lien à usage unique pour choisir votre mot de passe :\n\n${p.link}\n\nNe transférez pas ce message : le lien vous est personnel.`,
    }),
  },
  "vetting.approved": {
    en: (p) => ({ title: "Nominee approved", body: `A nominee of ${p.state} was approved and has been sent an enrollment link.` }),
    es: (p) => ({ title: "Nominado aprobado", body: `Un nominado de ${p.state} fue aprobado y recibió un enlace de inscripción.` }),
    pt: (p) => ({ title: "Indicado aprovado", body: `Um indicado de ${p.state} foi aprovado e recebeu um link de inscrição.` }),
    fr: (p) => ({ title: "Candidat approuvé", body: `Un candidat de ${p.state} a été approuvé et a reçu un lien d’inscription.` }),
  },
  "vetting.suspended": {
    en: () => ({
      title: "Your Enlace access is suspended",
      body: "Your access to Enlace has been suspended. Your national coordinator or the Secretariat can tell you more.",
    }),
    es: () => ({
      title: "Su acceso a Enlace está suspendido",
      body: "Su acceso a Enlace fue suspendido. Su coordinador nacional o la Secretaría pueden informarle más.",
    }),
    pt: () => ({
      title: "Seu acesso ao Enlace está suspenso",
      body: "Seu acesso ao Enlace foi suspenso. Seu coordenador nacional ou a Secretaria podem informar mais.",
    }),
    fr: () => ({
      title: "Votre accès à Enlace est suspendu",
      body: "Votre accès à Enlace a été suspendu. Votre coordinateur national ou le Secrétariat peuvent vous en dire plus.",
    }),
  },
  "vetting.member-suspended": {
    en: (p) => ({ title: "A member was suspended", body: `A member of ${p.state} was suspended. The people screen shows who.` }),
    es: (p) => ({ title: "Un miembro fue suspendido", body: `Un miembro de ${p.state} fue suspendido. La pantalla de personas muestra quién.` }),
    pt: (p) => ({ title: "Um membro foi suspenso", body: `Um membro de ${p.state} foi suspenso. A tela de pessoas mostra quem.` }),
    fr: (p) => ({ title: "Un membre a été suspendu", body: `Un membre de ${p.state} a été suspendu. L’écran des personnes indique qui.` }),
  },
  "vetting.revetting-due": {
    en: (p) => ({ title: "Re-vetting due", body: `The vetting of ${many(p, "a member", (n) => `${n} members`)} of ${p.state} expires soon.` }),
    es: (p) => ({
      title: "Nueva verificación pendiente",
      body: `La verificación de ${many(p, "un miembro", (n) => `${n} miembros`)} de ${p.state} vence pronto.`,
    }),
    pt: (p) => ({ title: "Nova verificação pendente", body: `A verificação de ${many(p, "um membro", (n) => `${n} membros`)} de ${p.state} vence em breve.` }),
    fr: (p) => ({
      title: "Nouvelle vérification à faire",
      body: `La vérification ${many(p, "d’un membre", (n) => `de ${n} membres`)} de ${p.state} expire bientôt.`,
    }),
  },
};

export const render = (kind: Kind, lang: Lang, p: MessageParams): Text => CATALOGUE[kind][lang](p);

/** The web app's route a notification opens (client/src/routes.ts). */
export function urlOf(kind: Kind, roomId?: string): string {
  if ((kind === "urgent.alert" || kind === "advisory.published" || kind === "advisory.reminder") && roomId) return `#/room/${encodeURIComponent(roomId)}`;
  if (kind === "vetting.nomination") return "#/nominations";
  if (kind === "vetting.revetting-due") return "#/revetting";
  if (kind.startsWith("vetting.")) return "#/people";
  return "#/";
}

/** Deadlines in one language-neutral form (the reader's time zone is not known for mail). */
export const formatDeadline = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
