import type { EnlaceSession } from "./session.js";
import type { ControlPlaneClient } from "./control-plane.js";
import { startDehydratedDevice, type RehydrationReport } from "./dehydration.js";
import { decodeRecoveryKey, encodeRecoveryKey } from "./recovery-key.js";

interface DehydrationChoice {
  /**
   * Default true: a person's account keeps a dehydrated device. An account that only sends (the
   * command-line sender, whose one device is kept between runs) reads nothing sent while it is
   * away, and a dehydrated device would only make every sender share keys with one more device.
   */
  dehydrate?: boolean;
}

export interface FirstRunResult {
  /** As Enlace shows it (recovery-key.ts): case-insensitive base32, not the SDK's base58. */
  recoveryKey: string;
  masterKey: string;
  /** Whether the homeserver keeps a dehydrated device for this person (MSC3814). */
  dehydration: boolean;
}

/**
 * First run on a person's first device: cross-signing keys (the first upload needs no interactive
 * auth), a recovery key guarding secret storage and a server-side key backup, a dehydrated
 * device (so keys sent while no device of theirs runs are kept for them), then the master key
 * registered with the control plane so it enters the person's signed credential.
 */
export async function firstRun(s: EnlaceSession, cp: Pick<ControlPlaneClient, "registerMasterKey">, o: DehydrationChoice = {}): Promise<FirstRunResult> {
  const crypto = s.client.getCrypto()!;
  await crypto.bootstrapCrossSigning({
    authUploadDeviceSigningKeys: async (makeRequest) => {
      await makeRequest(null);
    },
  });
  const recovery = await crypto.createRecoveryKeyFromPassphrase();
  s.keys.offer(recovery.privateKey);
  await crypto.bootstrapSecretStorage({ createSecretStorageKey: async () => recovery, setupNewSecretStorage: true, setupNewKeyBackup: true });
  const dehydration = o.dehydrate !== false && !(await startDehydratedDevice(s)).unsupported;
  const masterKey = await crypto.getCrossSigningKeyId();
  if (!masterKey) throw new Error("cross-signing did not produce a master key");
  await cp.registerMasterKey(masterKey);
  return { recoveryKey: encodeRecoveryKey(recovery.privateKey), masterKey, dehydration };
}

/**
 * A new device: the recovery key (either encoding, any case and spacing: recovery-key.ts) unlocks secret storage, which holds the cross-signing keys (so
 * this device gets signed), the dehydration key (so the room keys the dehydrated device received
 * while the person was away come to this device, through Olm) and the backup key (so history
 * becomes readable). Rehydration goes before the backup: a key received through Olm proves its
 * sending device, one restored from backup does not (trust.ts): the Olm copy goes into the store first.
 */
export async function restoreFromRecoveryKey(
  s: EnlaceSession,
  recoveryKey: string,
  o: DehydrationChoice = {},
): Promise<{ imported: number; total: number; away: RehydrationReport }> {
  const crypto = s.client.getCrypto()!;
  s.keys.offer(decodeRecoveryKey(recoveryKey));
  // The keys from secret storage are checked against the public cross-signing keys, which a device
  // fresh from its first sync may not have fetched yet ("importCrossSigningKeys failed"): fetch them.
  if (!(await crypto.userHasCrossSigningKeys(s.userId, true))) throw new Error("this account has no cross-signing keys to restore");
  await crypto.bootstrapCrossSigning({});
  const away = o.dehydrate === false ? { rehydrated: false, roomKeys: 0 } : await startDehydratedDevice(s);
  await crypto.loadSessionBackupPrivateKeyFromSecretStorage();
  await crypto.checkKeyBackupAndEnable();
  const restored = await crypto.restoreKeyBackup();
  return { imported: restored.imported, total: restored.total, away };
}

export async function isCrossSigned(s: EnlaceSession): Promise<boolean> {
  const status = await s.client.getCrypto()!.getDeviceVerificationStatus(s.userId, s.deviceId);
  return status?.signedByOwner ?? false;
}
