import type { VettingStatus } from "#shared/api/common.js";

export type VettingAction = "approve" | "reject" | "activate" | "suspend" | "reinstate" | "revoke" | "expire";

// The vetting lifecycle: nominated → approved → active, active ⇄ suspended, revoked and rejected final.
const TRANSITIONS: Record<VettingAction, { from: VettingStatus[]; to: VettingStatus }> = {
  approve: { from: ["nominated"], to: "approved" },
  reject: { from: ["nominated"], to: "rejected" },
  activate: { from: ["approved"], to: "active" },
  suspend: { from: ["active"], to: "suspended" },
  expire: { from: ["active"], to: "suspended" },
  reinstate: { from: ["suspended"], to: "active" },
  revoke: { from: ["nominated", "approved", "active", "suspended"], to: "revoked" },
};

export function nextStatus(from: VettingStatus, action: VettingAction): VettingStatus | null {
  const t = TRANSITIONS[action];
  return t.from.includes(from) ? t.to : null;
}

export function addMonths(d: Date, months: number): Date {
  const r = new Date(d);
  r.setUTCMonth(r.getUTCMonth() + months);
  return r;
}

/** How far ahead of the end of someone's vetting it counts as due: the re-vetting queue and the coordinator's notice share it. */
const REVETTING_NOTICE_DAYS = 30;

export function revettingWindowEnd(now: Date): Date {
  return new Date(now.getTime() + REVETTING_NOTICE_DAYS * 86_400_000);
}
