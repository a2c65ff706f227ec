import type { Messages } from "../en/index.js";

export const status: Messages["status"] = {
  nominated: "Proposé·e",
  approved: "Approuvé·e, inscription en attente",
  active: "Actif·ve",
  suspended: "Suspendu·e",
  revoked: "Révoqué·e",
  rejected: "Refusé·e",
};
