import type PgBoss from "pg-boss";
import type { Ctx } from "../domain/context.js";
import type { HomeserverPort } from "../domain/rooms/port.js";
import { putRevocations } from "../domain/rooms/space-credentials.js";
import { roomIds } from "../domain/rooms/repo.js";
import { pgReconcileDeps } from "../domain/rooms/registry-port.js";
import { revocationListHead } from "../domain/credentials/repo.js";
import { REVOCATIONS_TYPE } from "#shared/credentials/credential.js";
import { REVOCATION_REFRESH_MS } from "#shared/credentials/revocation-status.js";

const Q_REVOCATIONS = "revocation-refresh";

/**
 * Readers treat a revocation list older than REVOCATION_MAX_AGE_MS as "status unknown", so an
 * operator who holds back newer lists cannot keep a revoked person looking vetted for long. This
 * job keeps an honest list young: every ten minutes it re-signs the list if its signature is older
 * than half of REVOCATION_REFRESH_MS (so a new one at least every 40 minutes while things work),
 * and puts it back whenever the Space carries anything else (an older list, an emptied state).
 * Suspensions, revocations and reinstatements still publish at once (the person job).
 */
const REFRESH_CRON = "*/10 * * * *";
export const RESIGN_AFTER_MS = REVOCATION_REFRESH_MS / 2;

const JOB = { retryLimit: 12, retryDelay: 5, retryBackoff: true, expireInSeconds: 300 };

interface RevocationRefreshStatus {
  lastSignedAt: string | null;
  lastSerial: number | null;
  lastError: string | null;
  lastErrorAt: string | null;
}

/** One run: re-sign if due, publish if the Space does not carry exactly our latest list. */
async function refreshRevocations(ctx: Ctx, hs: HomeserverPort, resignAfterMs = RESIGN_AFTER_MS) {
  const spaceId = (await roomIds(ctx.db)).get("space");
  if (!spaceId) return { published: false, reason: "no Space yet" as const };
  const inSpace = hs.stateContent ? await hs.stateContent(spaceId, REVOCATIONS_TYPE, "") : undefined;
  const published = await putRevocations(pgReconcileDeps(ctx, hs), spaceId, { inSpace, refreshAfterMs: resignAfterMs });
  return { published };
}

async function ensureQueue(boss: PgBoss) {
  if (await boss.getQueue(Q_REVOCATIONS)) return;
  // Another replica may create it at the same moment: only a queue that still does not exist is an error.
  await boss.createQueue(Q_REVOCATIONS, { name: Q_REVOCATIONS, policy: "stately" }).catch(async (err) => {
    if (!(await boss.getQueue(Q_REVOCATIONS))) throw err;
  });
}

/**
 * Starts the refresh on this replica (the queue's "stately" policy runs one at a time across all
 * replicas). A failed run is logged and thrown back to pg-boss, which retries it with backoff.
 */
export async function startRevocationRefresh(ctx: Ctx, boss: PgBoss, hs: HomeserverPort, opts: { cron?: string; resignAfterMs?: number } = {}) {
  const status: RevocationRefreshStatus = { lastSignedAt: null, lastSerial: null, lastError: null, lastErrorAt: null };
  await ensureQueue(boss);
  const worker = await boss.work(Q_REVOCATIONS, { pollingIntervalSeconds: 2 }, async () => {
    try {
      const r = await refreshRevocations(ctx, hs, opts.resignAfterMs ?? RESIGN_AFTER_MS);
      const head = await revocationListHead(ctx.db);
      status.lastSignedAt = head.issuedAt?.toISOString() ?? null;
      status.lastSerial = head.serial;
      status.lastError = null;
      if (r.published) ctx.log.info({ serial: status.lastSerial, issuedAt: status.lastSignedAt }, "revocation list published");
      // A fresh deployment: the reconciler has not made the Space yet. Look again shortly rather than
      // at the next scheduled run, so health does not say "starting" for ten minutes.
      if ("reason" in r) await boss.send(Q_REVOCATIONS, {}, { ...JOB, startAfter: 5 });
    } catch (err) {
      status.lastError = (err as Error)?.message ?? String(err);
      status.lastErrorAt = ctx.now().toISOString();
      ctx.log.error({ err: status.lastError }, "revocation refresh failed; it will be retried");
      throw err;
    }
  });
  await boss.schedule(Q_REVOCATIONS, opts.cron ?? REFRESH_CRON, {}, JOB);
  await boss.send(Q_REVOCATIONS, {}, JOB); // at start: a list that went stale while we were down
  return {
    status,
    /** "down" while the last run failed (it is being retried): readers will soon say "revocation status unknown". */
    health: (): "starting" | "ok" | "down" => (status.lastError ? "down" : status.lastSignedAt ? "ok" : "starting"),
    /** Runs the refresh now (tests, or an administrator after an incident). */
    async runNow() {
      await boss.send(Q_REVOCATIONS, {}, JOB);
      boss.notifyWorker(worker);
    },
    async stop() {
      await boss.offWork(Q_REVOCATIONS);
    },
  };
}
