import { createHash, randomUUID } from "node:crypto";
import type { RoleGrant } from "../auth/principal.js";
import { CREDENTIAL_TYPE, REVOCATIONS_TYPE, signCredential, signRevocationList, type SignedRevocationList } from "#shared/credentials/credential.js";
import type { SigningKeyPair } from "#shared/crypto/sign.js";
import type { RegistrySnapshot, SnapshotPerson } from "./desired.js";
import type { Locks, ReconcileRegistry } from "./deps.js";

/**
 * The registry as the reconciler sees it (ReconcileRegistry), in memory, for unit tests of its
 * races beside memory-homeserver.ts. It follows the PostgreSQL one where the races depend on it:
 * every read sees the latest write (a status change is visible at once), credentials are signed
 * from the current row, and the revocation list only moves forward (new serial when its entries
 * change). Not a general registry: no vetting rules, no audit chain.
 */
interface MemoryPerson {
  id: string;
  matrixUserId: string | null;
  status: "pending" | "active" | "suspended" | "revoked";
  memberState: string | null;
  roles: RoleGrant[];
  credentialVersion: number;
  masterKey: string | null;
}

const CREDENTIAL_DAYS = 30;

export class MemoryRegistry implements ReconcileRegistry {
  readonly people = new Map<string, MemoryPerson>();
  readonly rooms = new Map<string, { roomId: string; kind: string }>();
  readonly audits: { action: string; subject: string; details: Record<string, unknown> }[] = [];
  programs: { code: string; name: string }[] = [{ code: "tourism", name: "Tourism" }];
  readonly conversations: { id: string; people: [string, string] }[] = [];
  /** The member states' active homeservers (server names). */
  homeservers: string[] = [];
  private transitions: { id: number; personId: string; to: string; at: Date }[] = [];
  private revocations: { serial: number; digest: string | null; signed: SignedRevocationList | null; issuedAt: number } = {
    serial: 0,
    digest: null,
    signed: null,
    issuedAt: 0,
  };

  constructor(
    private readonly key: SigningKeyPair,
    readonly now: () => Date = () => new Date(),
  ) {}

  /** An active person with a Matrix account (the registry's seedActivePerson, reduced). */
  addActive(matrixUserId: string, memberState: string, roles: RoleGrant[]): string {
    const id = randomUUID();
    this.people.set(id, { id, matrixUserId, status: "active", memberState, roles, credentialVersion: 1, masterKey: null });
    return id;
  }

  /** A vetting transition, committed at once (what the coordinator's suspension does). */
  setStatus(personId: string, status: MemoryPerson["status"]) {
    const p = this.people.get(personId)!;
    p.status = status;
    p.credentialVersion++;
    this.transitions.push({ id: this.transitions.length + 1, personId, to: status, at: this.now() });
  }

  /** A registered master key: the credential changes (a new serial). */
  setMasterKey(personId: string, masterKey: string) {
    const p = this.people.get(personId)!;
    p.masterKey = masterKey;
    p.credentialVersion++;
  }

  async loadSnapshot(base: { secretariatServer: string; botUserId: string; today: string }, opts: { people?: boolean } = {}) {
    const people: SnapshotPerson[] =
      opts.people === false
        ? []
        : [...this.people.values()]
            .filter((p) => p.status === "active" && p.matrixUserId)
            .map((p) => ({ id: p.id, matrixUserId: p.matrixUserId, memberState: p.memberState, roles: structuredClone(p.roles) }));
    const snapshot: RegistrySnapshot & { watermark: number } = {
      ...base,
      people,
      programs: [...this.programs],
      events: [],
      homeservers: [...this.homeservers],
      conversations: structuredClone(this.conversations),
      watermark: this.transitions.length,
    };
    return snapshot;
  }

  async peopleChangedSince(watermark: number) {
    return [...new Set(this.transitions.filter((t) => t.id > watermark).map((t) => t.personId))];
  }

  async roomIds() {
    return new Map([...this.rooms].map(([k, r]) => [k, r.roomId]));
  }

  async saveRoom(key: string, roomId: string, kind: string) {
    this.rooms.set(key, { roomId, kind });
  }

  async personForMatrix(personId: string) {
    const p = this.people.get(personId);
    return p ? { id: p.id, matrixUserId: p.matrixUserId, status: p.status, memberState: p.memberState, roles: structuredClone(p.roles) } : null;
  }

  private byUser = (userId: string) => [...this.people.values()].find((p) => p.matrixUserId === userId);

  async statusOfUser(userId: string) {
    return this.byUser(userId)?.status ?? null;
  }

  async activePersonByUserId(userId: string) {
    const p = this.byUser(userId);
    return p?.status === "active" ? { id: p.id, matrixUserId: p.matrixUserId, memberState: p.memberState, roles: structuredClone(p.roles) } : null;
  }

  async currentCredential(userId: string) {
    const p = this.byUser(userId);
    if (p?.status !== "active") return null;
    const now = this.now();
    return signCredential(this.key.secretKey, this.key.publicKey, {
      v: 1,
      type: CREDENTIAL_TYPE,
      serial: p.credentialVersion,
      userId,
      personId: p.id,
      memberState: p.memberState,
      programs: [...new Set(p.roles.map((r) => r.program).filter((x): x is string => x !== null))].sort(),
      roles: p.roles.map((r) => ({ role: r.role, program: r.program })),
      issuedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + CREDENTIAL_DAYS * 86400_000).toISOString(),
      masterKey: p.masterKey,
    });
  }

  async revocationList(o: { refreshAfterMs?: number } = {}) {
    const entries = [...this.people.values()]
      .filter((p): p is MemoryPerson & { status: "suspended" | "revoked" } => p.status === "suspended" || p.status === "revoked")
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((p) => ({
        personId: p.id,
        userId: p.matrixUserId,
        status: p.status,
        since: (this.transitions.findLast((t) => t.personId === p.id && t.to === p.status)?.at ?? this.now()).toISOString(),
      }));
    const digest = createHash("sha256").update(JSON.stringify(entries)).digest("hex");
    const last = this.revocations;
    const now = this.now().getTime();
    const due = o.refreshAfterMs !== undefined && (o.refreshAfterMs <= 0 || now - last.issuedAt >= o.refreshAfterMs);
    if (last.signed && last.digest === digest && !due) return last.signed;
    const serial = last.digest === digest ? last.serial : last.serial + 1;
    const issuedAt = Math.max(now, last.issuedAt + 1);
    // Recorded before signing (signing yields): two callers never both take the next serial.
    this.revocations = { serial, digest, issuedAt, signed: last.signed };
    const signed = await signRevocationList(this.key.secretKey, this.key.publicKey, {
      v: 1,
      type: REVOCATIONS_TYPE,
      serial,
      issuedAt: new Date(issuedAt).toISOString(),
      entries,
    });
    if (this.revocations.serial === serial) this.revocations.signed = signed;
    return signed;
  }

  async audit(action: string, subject: string, details: Record<string, unknown>) {
    this.audits.push({ action, subject, details });
  }
}

/** One holder per key, the others queue in arrival order: the advisory lock, in one process. */
export class MemoryLocks implements Locks {
  private tails = new Map<string, Promise<void>>();
  /** Keys someone is waiting for now (a test's view of "the second writer is blocked"). */
  readonly waiting = new Map<string, number>();

  async withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const before = this.tails.get(key) ?? Promise.resolve();
    let done!: () => void;
    const mine = new Promise<void>((r) => (done = r));
    const tail = before.then(() => mine);
    this.tails.set(key, tail);
    this.waiting.set(key, (this.waiting.get(key) ?? 0) + 1);
    await before;
    this.waiting.set(key, this.waiting.get(key)! - 1);
    try {
      return await fn();
    } finally {
      done();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}

/** No exclusion at all: for showing that a race test fails without the lock. */
export const noLocks: Locks = { withLock: (_key, fn) => fn() };
