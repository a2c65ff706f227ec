import type { Messages } from "../en/index.js";

export const roles: Messages["roles"] = {
  secretariat_admin: "Administrador/a de la Secretaría",
  secretariat_officer: "Oficial de la Secretaría",
  national_coordinator: "Coordinador/a nacional",
  focal_point: "Punto focal",
  alternate: "Suplente",
};
