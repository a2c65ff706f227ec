import type { Messages } from "../en/index.js";

export const status: Messages["status"] = {
  nominated: "Indicado/a",
  approved: "Aprovado/a, aguardando cadastro",
  active: "Ativo/a",
  suspended: "Suspenso/a",
  revoked: "Revogado/a",
  rejected: "Rejeitado/a",
};
