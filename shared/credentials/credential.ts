import { z } from "zod";
import { signCanonical, verifyCanonical } from "../crypto/sign.js";

/**
 * A Secretariat-signed statement of who a Matrix user is in the network. Clients verify it against
 * the pinned Secretariat key, so a homeserver administrator cannot fake a focal point.
 * It is published as room state (unencrypted): it holds the person's registry name (so readers see
 * who is speaking, not a display name anyone can set) but no contact detail (docs/threat-model.md).
 */
export const CREDENTIAL_TYPE = "org.oas.enlace.credential";
export const REVOCATIONS_TYPE = "org.oas.enlace.revocations";
/** Credentials live as Space state, one per member. Matrix reserves state keys starting with "@"
 * for their owner, so the key is the user id behind a prefix. */
export const credentialStateKey = (userId: string) => `credential:${userId}`;
export const userIdOfCredentialKey = (key: string) => (key.startsWith("credential:") ? key.slice("credential:".length) : null);

const Role = z
  .object({
    role: z.enum(["secretariat_admin", "secretariat_officer", "national_coordinator", "focal_point", "alternate"]),
    program: z.string().max(40).nullable(),
  })
  .strict();

export const CredentialBody = z
  .object({
    v: z.literal(1),
    type: z.literal(CREDENTIAL_TYPE),
    serial: z.number().int().positive(),
    userId: z.string().max(255),
    personId: z.uuid(),
    /** The registry's full name. Optional: credentials signed before it existed still verify. */
    name: z.string().min(1).max(200).optional(),
    memberState: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .nullable(),
    programs: z.array(z.string().max(40)).max(13),
    roles: z.array(Role).max(30),
    issuedAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    masterKey: z.string().max(100).nullable(), // the person's cross-signing master key (base64), once registered
  })
  .strict();
export type CredentialBody = z.infer<typeof CredentialBody>;

const Signature = z.object({ alg: z.literal("ed25519"), publicKey: z.string().max(100), sig: z.string().max(200) }).strict();
export const SignedCredential = z.object({ credential: CredentialBody, signature: Signature }).strict();
export type SignedCredential = z.infer<typeof SignedCredential>;

export const RevocationList = z
  .object({
    v: z.literal(1),
    type: z.literal(REVOCATIONS_TYPE),
    serial: z.number().int().min(0), // grows with every revocation or suspension
    issuedAt: z.iso.datetime(),
    entries: z
      .array(
        z.object({ personId: z.uuid(), userId: z.string().max(255).nullable(), status: z.enum(["suspended", "revoked"]), since: z.iso.datetime() }).strict(),
      )
      .max(100_000),
  })
  .strict();
export type RevocationList = z.infer<typeof RevocationList>;
export const SignedRevocationList = z.object({ list: RevocationList, signature: Signature }).strict();
export type SignedRevocationList = z.infer<typeof SignedRevocationList>;

/** What a reader knows about revocations (see revocation-status.ts: high-water mark and maximum age). */
export type RevocationCheck =
  | { known: true; list: RevocationList }
  /** No usable list, or only a stale one. `list` is the best one seen: a revocation in it still counts. */
  | { known: false; reason: string; list: RevocationList | null };

export async function signCredential(secretKey: string, publicKey: string, credential: CredentialBody): Promise<SignedCredential> {
  return { credential, signature: { alg: "ed25519", publicKey, sig: await signCanonical(secretKey, credential) } };
}

export async function signRevocationList(secretKey: string, publicKey: string, list: RevocationList): Promise<SignedRevocationList> {
  return { list, signature: { alg: "ed25519", publicKey, sig: await signCanonical(secretKey, list) } };
}

export type CredentialVerdict =
  | { status: "valid"; credential: CredentialBody }
  | { status: "invalid"; reason: string }
  | { status: "expired"; credential: CredentialBody }
  | { status: "revoked"; credential: CredentialBody; revocation: "suspended" | "revoked" }
  /** Genuine and unexpired, but no fresh revocation list says it still stands: not "valid". */
  | { status: "revocation-unknown"; credential: CredentialBody; reason: string };

/** The list's entry that withdraws this credential, if any (a suspension only withdraws credentials issued before it). */
function withdrawnBy(list: RevocationList, credential: CredentialBody): "suspended" | "revoked" | null {
  const hit = list.entries.find((e) => e.personId === credential.personId);
  if (hit && new Date(hit.since) >= new Date(credential.issuedAt)) return hit.status;
  return hit?.status === "revoked" ? "revoked" : null;
}

/**
 * Checks a credential as received (any JSON): shape, a signature by a pinned Secretariat key, the
 * Matrix user it is claimed for, expiry, and the signed revocation list. Never throws.
 * Readers pass `revocation` (see revocation-status.ts: high-water mark and maximum age), and then
 * a missing or stale list gives "revocation-unknown"; `revocations` checks one raw list as given.
 */
export async function verifyCredential(
  raw: unknown,
  opts: { pinnedKeys: string[]; userId?: string; now?: Date; revocations?: SignedRevocationList | null; revocation?: RevocationCheck },
): Promise<CredentialVerdict> {
  try {
    const parsed = SignedCredential.safeParse(raw);
    if (!parsed.success)
      return { status: "invalid", reason: `malformed credential: ${parsed.error.issues[0].path.join(".")} ${parsed.error.issues[0].message}` };
    const { credential, signature } = parsed.data;
    if (!opts.pinnedKeys.includes(signature.publicKey)) return { status: "invalid", reason: "signed by a key that is not the Secretariat's" };
    if (!(await verifyCanonical(signature.publicKey, credential, signature.sig))) return { status: "invalid", reason: "signature does not match (tampered)" };
    if (opts.userId !== undefined && credential.userId !== opts.userId)
      return { status: "invalid", reason: `credential is for ${credential.userId}, not ${opts.userId}` };
    const now = opts.now ?? new Date();
    if (new Date(credential.expiresAt) <= now) return { status: "expired", credential };
    if (opts.revocation) {
      // Even a stale list is believed when it withdraws someone: staleness never un-revokes.
      const hit = opts.revocation.list ? withdrawnBy(opts.revocation.list, credential) : null;
      if (hit) return { status: "revoked", credential, revocation: hit };
      if (!opts.revocation.known) return { status: "revocation-unknown", credential, reason: opts.revocation.reason };
    } else if (opts.revocations) {
      const list = await verifyRevocationList(opts.revocations, opts.pinnedKeys);
      if (!list.ok) return { status: "invalid", reason: `revocation list: ${list.reason}` };
      const hit = withdrawnBy(list.list, credential);
      if (hit) return { status: "revoked", credential, revocation: hit };
    }
    return { status: "valid", credential };
  } catch (err) {
    return { status: "invalid", reason: `unreadable credential: ${(err as Error).message}` };
  }
}

export async function verifyRevocationList(raw: unknown, pinnedKeys: string[]): Promise<{ ok: true; list: RevocationList } | { ok: false; reason: string }> {
  const parsed = SignedRevocationList.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "malformed" };
  const { list, signature } = parsed.data;
  if (!pinnedKeys.includes(signature.publicKey)) return { ok: false, reason: "signed by a key that is not the Secretariat's" };
  if (!(await verifyCanonical(signature.publicKey, list, signature.sig))) return { ok: false, reason: "signature does not match" };
  return { ok: true, list };
}
