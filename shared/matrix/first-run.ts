import { decodeRecoveryKey } from "matrix-js-sdk/lib/crypto-api/index.js";
import type { EnlaceSession } from "./session.js";
import type { ControlPlaneClient } from "./control-plane.js";

export interface FirstRunResult {
  recoveryKey: string;
  masterKey: string;
}

/**
 * First run on a person's first device: cross-signing keys (the first upload needs no interactive
 * auth), a recovery key guarding secret storage and a server-side key backup, then the master
 * key registered with the control plane so it enters the person's signed credential.
 */
export async function firstRun(s: EnlaceSession, cp: Pick<ControlPlaneClient, "registerMasterKey">): Promise<FirstRunResult> {
  const crypto = s.client.getCrypto()!;
  await crypto.bootstrapCrossSigning({
    authUploadDeviceSigningKeys: async (makeRequest) => {
      await makeRequest(null);
    },
  });
  const recovery = await crypto.createRecoveryKeyFromPassphrase();
  s.keys.offer(recovery.privateKey);
  await crypto.bootstrapSecretStorage({ createSecretStorageKey: async () => recovery, setupNewSecretStorage: true, setupNewKeyBackup: true });
  const masterKey = await crypto.getCrossSigningKeyId();
  if (!masterKey) throw new Error("cross-signing did not produce a master key");
  await cp.registerMasterKey(masterKey);
  return { recoveryKey: recovery.encodedPrivateKey!, masterKey };
}

/**
 * A new device: the recovery key unlocks secret storage, which holds the cross-signing keys (so
 * this device gets signed) and the backup key (so history becomes readable).
 */
export async function restoreFromRecoveryKey(s: EnlaceSession, recoveryKey: string) {
  const crypto = s.client.getCrypto()!;
  s.keys.offer(decodeRecoveryKey(recoveryKey));
  await crypto.bootstrapCrossSigning({});
  await crypto.loadSessionBackupPrivateKeyFromSecretStorage();
  await crypto.checkKeyBackupAndEnable();
  const restored = await crypto.restoreKeyBackup();
  return { imported: restored.imported, total: restored.total };
}

export async function isCrossSigned(s: EnlaceSession): Promise<boolean> {
  const status = await s.client.getCrypto()!.getDeviceVerificationStatus(s.userId, s.deviceId);
  return status?.signedByOwner ?? false;
}
