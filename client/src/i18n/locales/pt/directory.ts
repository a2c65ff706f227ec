import type { Messages } from "../en/index.js";

export const directory: Messages["directory"] = {
  title: "Diretório de especialistas",
  intro: "Encontre pares verificados por área de especialidade, idioma, Estado membro ou programa.",
  q: "Nome ou palavra-chave",
  area: "Área de especialidade",
  language: "Idioma",
  search: "Buscar",
  results_one: "{{count}} pessoa encontrada",
  results_other: "{{count}} pessoas encontradas",
  none: "Ninguém corresponde a esta busca.",
  areas: "Áreas",
  languages: "Idiomas",
  programs: "Programas",
  mine: "Minha especialidade",
  myAreas: "Minhas áreas de especialidade",
  myAreasHint: "Separe as áreas com vírgulas, por ex. segurança de estádios, gestão de multidões.",
  myLanguages: "Idiomas em que trabalho",
  save: "Salvar minha especialidade",
  saving: "Salvando…",
  saved: "Sua especialidade foi salva.",
};
