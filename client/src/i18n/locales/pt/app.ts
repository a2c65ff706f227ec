import type { Messages } from "../en/index.js";

export const app: Messages["app"] = {
  name: "Enlace",
  tagline: "Rede segura dos pontos focais do CICTE",
  loading: "Carregando…",
  skipToContent: "Ir para o conteúdo principal",
  language: "Idioma",
  signOut: "Sair",
  signedInAs: "Sessão de {{name}}",
  mainNav: "Principal",
  menu: "Menu",
  notFound: "Esta página não existe.",
  notAllowed: "Suas funções não dão acesso a esta página.",
  backHome: "Voltar ao início",
  retry: "Tentar novamente",
  datePattern: {
    day: "dd",
    month: "mm",
    year: "aaaa",
    time12: "h:mm AM/PM",
    time24: "hh:mm",
    hint: "Formato: {{pattern}}.",
  },
};
