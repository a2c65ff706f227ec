import { CREDENTIAL_STATE_TYPE } from "./event-types.js";
import { REVOCATIONS_TYPE, credentialStateKey, type SignedRevocationList } from "#shared/credentials/credential.js";
import { withStateLock } from "./state-lock.js";
import type { ReconcileDeps } from "./deps.js";

// Credentials and the revocation list live as state in the Space. Both the full reconcile and the
// person jobs write them; each write computes its value under the key's lock (see state-lock.ts).

/**
 * The person's credential as the registry has it now (withdrawn: empty), written under its key's
 * lock. A status change wins: someone suspended after the caller chose to publish gets the withdrawal.
 */
export const putCredential = (d: ReconcileDeps, spaceId: string, userId: string, withdraw: boolean) =>
  withStateLock(d.locks, spaceId, CREDENTIAL_STATE_TYPE, credentialStateKey(userId), async () => {
    const content = withdraw ? {} : (((await d.registry.currentCredential(userId)) ?? {}) as unknown as Record<string, unknown>);
    await d.hs.putState(spaceId, { type: CREDENTIAL_STATE_TYPE, stateKey: credentialStateKey(userId), content });
  });

/**
 * Publishes the signed revocation list (see revocationList: re-signed when its entries changed or,
 * with `refreshAfterMs`, when its signature is that old). With `inSpace` (what the Space carries
 * now, null for nothing), an identical list is not written again; anything else there (an older
 * list put back, an emptied state, a forgery) is replaced.
 */
export const putRevocations = (d: ReconcileDeps, spaceId: string, o: { inSpace?: unknown; refreshAfterMs?: number } = {}) =>
  withStateLock(d.locks, spaceId, REVOCATIONS_TYPE, "", async () => {
    const list = await d.registry.revocationList({ refreshAfterMs: o.refreshAfterMs });
    if (o.inSpace !== undefined && sameList(o.inSpace, list)) return false;
    await d.hs.putState(spaceId, { type: REVOCATIONS_TYPE, stateKey: "", content: list as unknown as Record<string, unknown> });
    return true;
  });

// Ed25519 signatures are deterministic: the same key over the same list gives the same signature.
const sameList = (inSpace: unknown, list: SignedRevocationList) =>
  (inSpace as { signature?: { sig?: unknown; publicKey?: unknown } } | null)?.signature?.sig === list.signature.sig &&
  (inSpace as { signature: { publicKey?: unknown } }).signature.publicKey === list.signature.publicKey;
