import type { Messages } from "../en/index.js";

export const status: Messages["status"] = {
  nominated: "Nominado/a",
  approved: "Aprobado/a, pendiente de inscripción",
  active: "Activo/a",
  suspended: "Suspendido/a",
  revoked: "Revocado/a",
  rejected: "Rechazado/a",
};
