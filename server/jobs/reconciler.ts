import PgBoss from "pg-boss";
import { withAdvisoryLock, type Tx } from "../db/pool.js";
import type { Ctx, RegistryHooks } from "../domain/context.js";
import type { HomeserverPort } from "../domain/rooms/port.js";
import { reconcileAll, reconcileConversation, reconcileServerAcls } from "../domain/rooms/reconcile.js";
import { reconcilePerson } from "../domain/rooms/person.js";
import { pgReconcileDeps } from "../domain/rooms/registry-port.js";
import { pendingJobs } from "./repo.js";

export const Q_ALL = "reconcile-all";
export const Q_PERSON = "reconcile-person";
/** Server ACLs only, on every registry change: a de-registered homeserver is cut off without waiting for a full run. */
export const Q_ACL = "reconcile-acl";
/** A direct conversation just started: its room made and its two people brought in, without waiting for a full run. */
export const Q_CONVERSATION = "reconcile-conversation";

// Retried with exponential backoff while the homeserver is down (about an hour in all), and an
// active job whose worker died is retried once its expiry passes: nothing is lost.
export interface JobTiming {
  expirySeconds: number;
  maintenanceSeconds: number;
}
export const DEFAULT_TIMING: JobTiming = { expirySeconds: 300, maintenanceSeconds: 30 };
const jobOptions = (t: JobTiming) => ({ retryLimit: 12, retryDelay: 1, retryBackoff: true, expireInSeconds: t.expirySeconds });

const inTx = (tx: Tx): PgBoss.Db => ({ executeSql: (text, values) => tx.query(text, values) });

/** Registry hooks that enqueue durable jobs in the caller's transaction. */
export function jobHooks(boss: PgBoss, t: JobTiming = DEFAULT_TIMING): RegistryHooks {
  return {
    async personChanged(tx, personId) {
      await boss.send(Q_PERSON, { personId }, { ...jobOptions(t), db: inTx(tx) });
    },
    async registryChanged(tx) {
      await boss.send(Q_ACL, {}, { ...jobOptions(t), db: inTx(tx) });
      await boss.send(Q_ALL, {}, { ...jobOptions(t), db: inTx(tx) });
    },
    async conversationChanged(tx, conversationId) {
      await boss.send(Q_CONVERSATION, { conversationId }, { ...jobOptions(t), db: inTx(tx) });
    },
  };
}

export async function createBoss(connectionString: string, t: JobTiming = DEFAULT_TIMING) {
  const boss = new PgBoss({ connectionString, max: 4, supervise: true, schedule: true, migrate: true, maintenanceIntervalSeconds: t.maintenanceSeconds });
  boss.on("error", () => {}); // surfaced through job failures and health; never crash the process
  await boss.start();
  await boss.createQueue(Q_ALL, { name: Q_ALL, policy: "stately" }).catch(() => {});
  await boss.createQueue(Q_PERSON, { name: Q_PERSON, policy: "standard" }).catch(() => {});
  await boss.createQueue(Q_ACL, { name: Q_ACL, policy: "stately" }).catch(() => {});
  await boss.createQueue(Q_CONVERSATION, { name: Q_CONVERSATION, policy: "standard" }).catch(() => {});
  return boss;
}

export interface ReconcilerStatus {
  lastFullRun: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  lastSuccessAt: string | null;
}

/** Public words only: "starting" (no full run yet), "ok", or "down" (a job keeps failing). */
export type ReconcilerHealth = "starting" | "ok" | "down";

/**
 * Whether the reconciler is keeping up. Failing: the last full reconcile failed, or some person's
 * job failed and no later job for that person has succeeded (a suspended person may still be in
 * rooms). Cleared by the next success of the same job. Per replica (each sees its own workers).
 */
export function createReconcilerTracker(now: () => Date = () => new Date()) {
  const status: ReconcilerStatus = { lastFullRun: null, lastError: null, lastErrorAt: null, lastSuccessAt: null };
  let fullFailing = false;
  const failingPeople = new Map<string, { error: string; at: string }>();
  // Active people the last full run left out (bound to the bot's or an admin's account): the registry
  // needs correcting, so health stays down until a full run finds none, even if no person job runs.
  let refusedPeople: string[] = [];
  const ok = () => {
    status.lastSuccessAt = now().toISOString();
  };
  return {
    status,
    fullSucceeded(refused: string[] = []) {
      status.lastFullRun = now().toISOString();
      fullFailing = false;
      refusedPeople = refused;
      status.lastError = failingPeople.size || refused.length ? status.lastError : null;
      ok();
    },
    personSucceeded(personId: string) {
      failingPeople.delete(personId);
      ok();
    },
    failed(err: unknown, personId?: string) {
      const at = now().toISOString();
      status.lastError = (err as Error)?.message ?? String(err);
      status.lastErrorAt = at;
      if (personId) failingPeople.set(personId, { error: status.lastError, at });
      else fullFailing = true;
    },
    health(): ReconcilerHealth {
      return fullFailing || failingPeople.size > 0 || refusedPeople.length > 0 ? "down" : status.lastFullRun === null ? "starting" : "ok";
    },
    /** For a Secretariat administrator only: error texts name admin paths and user IDs. */
    details() {
      return {
        health: this.health(),
        ...status,
        fullReconcileFailing: fullFailing,
        failingPeople: [...failingPeople].map(([personId, f]) => ({ personId, ...f })),
        reservedAccountPeople: [...refusedPeople],
      };
    },
  };
}
export type ReconcilerTracker = ReturnType<typeof createReconcilerTracker>;

/**
 * Runs the membership reconciler on this replica. Full reconciles are one at a time across all
 * replicas (the queue's policy); person jobs are serialised per person by an advisory lock.
 * Jobs wake at once on committed registry changes (our NOTIFY), not only on polling.
 */
export async function startReconciler(ctx: Ctx, boss: PgBoss, hs: HomeserverPort, opts: { sweepCron?: string; timing?: JobTiming } = {}) {
  const JOB = jobOptions(opts.timing ?? DEFAULT_TIMING);
  const tracker = createReconcilerTracker();
  const status = tracker.status;
  const deps = pgReconcileDeps(ctx, hs);
  const fail = (err: unknown, personId?: string) => {
    tracker.failed(err, personId);
    ctx.log.error({ err: (err as Error).message }, "reconcile job failed; it will be retried");
    throw err;
  };

  const allWorker = await boss.work<Record<string, never>>(Q_ALL, { pollingIntervalSeconds: 1 }, async () => {
    try {
      const report = await reconcileAll(deps);
      tracker.fullSucceeded(report.refused);
      for (const personId of report.requeue) await boss.send(Q_PERSON, { personId }, JOB);
      ctx.log.info({ ...report, requeue: report.requeue.length, refused: report.refused.length }, "full reconcile done");
    } catch (err) {
      fail(err);
    }
  });
  const personWorkers = await Promise.all(
    [0, 1].map(() =>
      boss.work<{ personId: string }>(Q_PERSON, { pollingIntervalSeconds: 0.5 }, async ([job]) => {
        try {
          await withAdvisoryLock(ctx.db, `person:${job.data.personId}`, () => reconcilePerson(deps, job.data.personId));
          tracker.personSucceeded(job.data.personId);
        } catch (err) {
          fail(err, job.data.personId);
        }
      }),
    ),
  );
  const aclWorker = await boss.work<Record<string, never>>(Q_ACL, { pollingIntervalSeconds: 0.5 }, async () => {
    try {
      const written = await reconcileServerAcls(deps);
      if (written) ctx.log.info({ written }, "server ACLs follow the registry's homeservers");
    } catch (err) {
      fail(err);
    }
  });
  // Failures count like a full run's: the sweep would make the room too, but health says it is late.
  const conversationWorker = await boss.work<{ conversationId: string }>(Q_CONVERSATION, { pollingIntervalSeconds: 0.5 }, async ([job]) => {
    try {
      await reconcileConversation(deps, job.data.conversationId);
    } catch (err) {
      fail(err);
    }
  });
  const wake = () => {
    boss.notifyWorker(aclWorker);
    boss.notifyWorker(conversationWorker);
    boss.notifyWorker(allWorker);
    for (const w of personWorkers) boss.notifyWorker(w);
  };
  const unsubscribe = ctx.changes?.onChange(wake);
  await boss.schedule(Q_ALL, opts.sweepCron ?? "* * * * *", {}, JOB);
  await boss.send(Q_ALL, {}, JOB); // converge at start
  return {
    status,
    tracker,
    wake,
    /** No reconcile job waiting or running: the rooms follow the registry as it is now. */
    async idle() {
      return status.lastFullRun !== null && (await pendingJobs(ctx.db, [Q_ALL, Q_PERSON, Q_ACL, Q_CONVERSATION])) === 0;
    },
    async stop() {
      unsubscribe?.();
      await boss.offWork(Q_ALL);
      await boss.offWork(Q_PERSON);
      await boss.offWork(Q_ACL);
      await boss.offWork(Q_CONVERSATION);
    },
  };
}
