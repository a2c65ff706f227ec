export const status = {
  nominated: "Nominated",
  approved: "Approved, awaiting enrollment",
  active: "Active",
  suspended: "Suspended",
  revoked: "Revoked",
  rejected: "Rejected",
};
