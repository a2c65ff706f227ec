import type { Messages } from "../en/index.js";

export const audit: Messages["audit"] = {
  title: "Registro de auditoria",
  verify: "Verificar o registro de auditoria",
  verifying: "Verificando a cadeia de hashes e as assinaturas…",
  ok: "Verificado: {{entries}} entradas, cadeia de hashes íntegra, último ponto de controle assinado na entrada {{checkpoint}}.",
  okNoCheckpoint: "Verificado: {{entries}} entradas, cadeia de hashes íntegra; ainda não há ponto de controle assinado.",
  broken: "A verificação falhou na entrada {{seq}}: {{problem}}",
  seq: "N.º",
  at: "Horário",
  actor: "Autor",
  action: "Ação",
  subject: "Objeto",
  more: "Carregar mais",
  empty: "Nenhuma entrada.",
};
