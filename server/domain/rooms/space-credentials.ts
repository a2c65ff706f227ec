import { CREDENTIAL_STATE_TYPE } from "./event-types.js";
import { REVOCATIONS_TYPE, credentialStateKey } from "../../../shared/credentials/credential.js";
import { credentialFor, revocationList } from "../credentials/service.js";
import { withStateLock } from "./state-lock.js";
import type { ReconcileDeps } from "./reconcile.js";

// Credentials and the revocation list live as state in the Space. Both the full reconcile and the
// person jobs write them; each write computes its value under the key's lock (see state-lock.ts).

/** The person's credential as the registry has it now (withdrawn: empty), written under its key's lock. */
export const putCredential = (d: ReconcileDeps, spaceId: string, userId: string, withdraw: boolean) =>
  withStateLock(d.ctx.db, spaceId, CREDENTIAL_STATE_TYPE, credentialStateKey(userId), async () => {
    const content = withdraw ? {} : (await credentialFor(d.ctx, userId)) as unknown as Record<string, unknown>;
    await d.hs.putState(spaceId, { type: CREDENTIAL_STATE_TYPE, stateKey: credentialStateKey(userId), content });
  });

/** The signed revocation list as the registry has it now, unless the Space already carries that serial. */
export const putRevocations = (d: ReconcileDeps, spaceId: string, publishedSerial?: number) =>
  withStateLock(d.ctx.db, spaceId, REVOCATIONS_TYPE, "", async () => {
    const list = await revocationList(d.ctx);
    if (publishedSerial === list.list.serial) return false;
    await d.hs.putState(spaceId, { type: REVOCATIONS_TYPE, stateKey: "", content: list as unknown as Record<string, unknown> });
    return true;
  });
