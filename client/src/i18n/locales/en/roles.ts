export const roles = {
  secretariat_admin: "Secretariat administrator",
  secretariat_officer: "Secretariat officer",
  national_coordinator: "National coordinator",
  focal_point: "Focal point",
  alternate: "Alternate",
};
