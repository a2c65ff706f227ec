import type { Messages } from "../en/index.js";

export const roles: Messages["roles"] = {
  secretariat_admin: "Administrateur·rice du Secrétariat",
  secretariat_officer: "Fonctionnaire du Secrétariat",
  national_coordinator: "Coordinateur·rice national·e",
  focal_point: "Point focal",
  alternate: "Suppléant·e",
};
