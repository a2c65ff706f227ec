import type { Ctx } from "../context.js";
import type { Keys } from "../../keys/keystore.js";
import type { SignedCredential, SignedRevocationList } from "#shared/credentials/credential.js";
import type { RegistrySnapshot, SnapshotPerson } from "./desired.js";
import type { HomeserverPort } from "./port.js";
import type { personForMatrix } from "./repo.js";

/**
 * Everything the reconciler reads from or writes to the registry, and nothing else: PostgreSQL in
 * production (pgRegistry in registry-port.ts), in memory for the unit tests of its races
 * (memory-registry.ts).
 */
export interface ReconcileRegistry {
  loadSnapshot(
    base: { secretariatServer: string; botUserId: string; today: string },
    opts?: { people?: boolean },
  ): Promise<RegistrySnapshot & { watermark: number }>;
  peopleChangedSince(watermark: number): Promise<string[]>;
  roomIds(): Promise<Map<string, string>>;
  saveRoom(key: string, roomId: string, kind: string): Promise<void>;
  personForMatrix(personId: string): ReturnType<typeof personForMatrix>;
  statusOfUser(userId: string): Promise<string | null>;
  activePersonByUserId(userId: string): Promise<SnapshotPerson | null>;
  /** The person's credential as the registry has it now, signed; null once they are no longer active. */
  currentCredential(userId: string): Promise<SignedCredential | null>;
  /** The signed revocation list (see credentials/service.ts revocationList). */
  revocationList(o: { refreshAfterMs?: number }): Promise<SignedRevocationList>;
  /** One audit entry, actor "reconciler". */
  audit(action: string, subject: string, details: Record<string, unknown>): Promise<void>;
}

/** Mutual exclusion across replicas for one key (PostgreSQL advisory locks in production). */
export interface Locks {
  withLock<T>(key: string, fn: () => Promise<T>): Promise<T>;
}

/** What every reconciler step is given: the registry, the locks and the homeserver. */
export interface ReconcileDeps {
  /** Only the clock, the log and the Secretariat's key: the registry is reached through `registry`. */
  ctx: Pick<Ctx, "log" | "now"> & { keys: Pick<Keys, "secretariat"> };
  hs: HomeserverPort;
  registry: ReconcileRegistry;
  locks: Locks;
}
