import type { Messages } from "../en/index.js";

export const queue: Messages["queue"] = {
  title: "Indicações pendentes",
  intro: "A aprovação emite um link de cadastro de uso único, a ser entregue à pessoa indicada por um canal confiável.",
  empty: "Nenhuma indicação aguardando.",
  cannotApprove:
    "Você não pode aprovar esta: você indicou esta pessoa ou ela está fora dos seus programas. Outro oficial ou um administrador aprova (princípio dos quatro olhos).",
  linkTitle: "Link de cadastro de {{name}}",
  linkHelp: "Uso único, válido até {{date}}. Entregue pessoalmente ou por um canal confiável; ele só é mostrado agora.",
  linkLabel: "Link de cadastro",
  copy: "Copiar link",
  copied: "Copiado.",
  dismiss: "Concluído",
  matrixId: "Conta Matrix:",
  noMatrixId: "nenhuma ainda (sem servidor vinculado)",
  approvingAs: "Você aprova {{name}} com a conta Matrix {{id}}: esta conta aparecerá como membro verificado. Confira antes de confirmar.",
  nominatedBy: "Indicado por {{name}}.",
  nominatedBySystem: "Indicado por uma importação do registro.",
  ruleAdmin: "Aprovação: um administrador, nunca quem indicou (quatro olhos).",
  ruleOfficerOrAdmin: "Aprovação: um oficial de cada programa da pessoa, ou um administrador; nunca quem indicou (quatro olhos).",
};
