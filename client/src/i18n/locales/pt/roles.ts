import type { Messages } from "../en/index.js";

export const roles: Messages["roles"] = {
  secretariat_admin: "Administrador/a da Secretaria",
  secretariat_officer: "Oficial da Secretaria",
  national_coordinator: "Coordenador/a nacional",
  focal_point: "Ponto focal",
  alternate: "Suplente",
};
