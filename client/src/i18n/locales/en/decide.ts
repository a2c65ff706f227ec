export const decide = {
  approve: "Approve",
  reject: "Reject",
  suspend: "Suspend",
  reinstate: "Reinstate",
  revoke: "Revoke",
  newLink: "New enrollment link",
  reason: "Reason (recorded in the audit log)",
  confirm: "Confirm: {{action}}",
  cancel: "Cancel",
  working: "Saving…",
  done: "{{name}}: {{status}}.",
};
