import type { GeneratedSecretStorageKey } from "matrix-js-sdk/lib/crypto-api/index.js";
import type { EnlaceSession } from "./session.js";
import { decodeRecoveryKey, encodeRecoveryKey } from "./recovery-key.js";
import { startDehydratedDevice } from "./dehydration.js";

/** MSC3814's secret: the key that protects the person's dehydrated device (dehydration.ts). */
const DEHYDRATION_SECRET = "org.matrix.msc3814";
const CROSS_SIGNING_SECRETS = ["m.cross_signing.master", "m.cross_signing.self_signing", "m.cross_signing.user_signing"] as const;
const BACKUP_SECRET = "m.megolm_backup.v1" as const;

export interface NewRecoveryKey {
  /** As shown to the person (recovery-key.ts). */
  recoveryKey: string;
  generated: GeneratedSecretStorageKey;
}

/** This device does not hold every secret and no current recovery key was given (or it was wrong). */
class CurrentRecoveryKeyNeeded extends Error {
  constructor() {
    super("this device does not hold every secret: the current recovery key is needed");
    this.name = "CurrentRecoveryKeyNeeded";
  }
}

/**
 * A new key, generated on this device and not used yet: it is shown and saved by the person first,
 * so that if they give up (or the change fails) the key they have keeps working.
 */
export async function newRecoveryKey(s: EnlaceSession): Promise<NewRecoveryKey> {
  const generated = await s.client.getCrypto()!.createRecoveryKeyFromPassphrase();
  return { recoveryKey: encodeRecoveryKey(generated.privateKey), generated };
}

/** Whether this device can change the key by itself: it holds the cross-signing keys and the backup key. */
export async function holdsEverySecret(s: EnlaceSession): Promise<boolean> {
  const crypto = s.client.getCrypto()!;
  const cached = (await crypto.getCrossSigningStatus()).privateKeysCachedLocally;
  const backup = (await crypto.getKeyBackupInfo()) ? await crypto.getSessionBackupPrivateKey() : true;
  return cached.masterKey && cached.selfSigningKey && cached.userSigningKey && backup !== null;
}

/**
 * Replaces the secret-storage key: a new key becomes the default, the cross-signing keys and the
 * backup key are stored again encrypted with it alone, and a new dehydration key (with a new
 * dehydrated device) replaces the old one, so nothing in secret storage opens with the old key any
 * more. The secrets come from this device's crypto store; a device that lacks some needs the
 * current key (`currentKey`) to fetch them first. The key holder forgets both keys afterwards.
 */
export async function changeRecoveryKey(s: EnlaceSession, next: NewRecoveryKey, o: { currentKey?: string } = {}): Promise<void> {
  const crypto = s.client.getCrypto()!;
  const storage = s.client.secretStorage;
  try {
    if (!(await holdsEverySecret(s))) {
      if (!o.currentKey) throw new CurrentRecoveryKeyNeeded();
      s.keys.offer(decodeRecoveryKey(o.currentKey));
      try {
        await crypto.bootstrapCrossSigning({});
        if (await crypto.getKeyBackupInfo()) await crypto.loadSessionBackupPrivateKeyFromSecretStorage();
      } catch {
        throw new CurrentRecoveryKeyNeeded();
      }
      if (!(await holdsEverySecret(s))) throw new CurrentRecoveryKeyNeeded();
    }
    const dehydrating = (await crypto.isDehydrationSupported()) && (await storage.isStored(DEHYDRATION_SECRET)) !== null;
    // A device that needed the current key may not have existed when some of what the dehydrated
    // device holds was sent: read it (with the current key) before the dehydrated device is replaced.
    if (o.currentKey && dehydrating) await startDehydratedDevice(s);
    s.keys.offer(next.generated.privateKey);
    await crypto.bootstrapSecretStorage({ createSecretStorageKey: async () => next.generated, setupNewSecretStorage: true });
    // The backup key is stored again only if it matches the server's current, trusted backup; a
    // secret left under the old key alone would be lost to the person with that key: check.
    const keyId = await storage.getDefaultKeyId();
    const names: ((typeof CROSS_SIGNING_SECRETS)[number] | typeof BACKUP_SECRET)[] = [
      ...CROSS_SIGNING_SECRETS,
      ...((await crypto.getKeyBackupInfo()) ? [BACKUP_SECRET] : []),
    ];
    for (const name of names) {
      if (!keyId || !(await storage.isStored(name))?.[keyId]) throw new Error(`${name} was not stored under the new recovery key`);
    }
    // A new dehydration key in the new secret storage, and a new dehydrated device under it. Nothing
    // is lost with the old one: this device is running, so it receives everything sent from now
    // on itself, and whatever the old one queued was queued for this device as well.
    if (dehydrating) await crypto.startDehydration({ createNewKey: true, rehydrate: false });
  } finally {
    s.keys.forget();
  }
}
