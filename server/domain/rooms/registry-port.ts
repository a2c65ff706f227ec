import { withAdvisoryLock, withTransaction } from "../../db/pool.js";
import type { Ctx } from "../context.js";
import { AppError } from "../../errors.js";
import { credentialFor, revocationList } from "../credentials/service.js";
import type { Locks, ReconcileDeps, ReconcileRegistry } from "./deps.js";
import type { HomeserverPort } from "./port.js";
import * as repo from "./repo.js";

/** The registry in PostgreSQL, as the reconciler sees it. */
const pgRegistry = (ctx: Ctx): ReconcileRegistry => ({
  loadSnapshot: (base, opts) => repo.loadSnapshot(ctx.db, base, opts),
  peopleChangedSince: (watermark) => repo.peopleChangedSince(ctx.db, watermark),
  roomIds: () => repo.roomIds(ctx.db),
  saveRoom: (key, roomId, kind) => repo.saveRoom(ctx.db, key, roomId, kind),
  personForMatrix: (personId) => repo.personForMatrix(ctx.db, personId),
  statusOfUser: (userId) => repo.statusOfUser(ctx.db, userId),
  activePersonByUserId: (userId) => repo.activePersonByUserId(ctx.db, userId),
  currentCredential: (userId) =>
    credentialFor(ctx, userId).catch((err: unknown) => {
      if (err instanceof AppError && err.type === "not-found") return null;
      throw err;
    }),
  revocationList: (o) => revocationList(ctx, o),
  audit: async (action, subject, details) => {
    await withTransaction(ctx, (tx) => ctx.audit.append(tx, { actor: "reconciler", action, subject, details }));
  },
});

/** PostgreSQL advisory locks: one holder per key across every replica. */
const pgLocks = (ctx: Ctx): Locks => ({ withLock: (key, fn) => withAdvisoryLock(ctx.db, key, fn) });

/** The production wiring: PostgreSQL behind the registry and the locks. */
export const pgReconcileDeps = (ctx: Ctx, hs: HomeserverPort): ReconcileDeps => ({ ctx, hs, registry: pgRegistry(ctx), locks: pgLocks(ctx) });
