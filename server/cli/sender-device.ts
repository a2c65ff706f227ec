// Where `enlace send` keeps its one device between runs: under the data dir, one directory per
// control plane and account (0700), holding the device id and access tokens (device.json) and the
// Rust crypto store (crypto-store.bin, see crypto-store.ts), both 0600. A lock file keeps two runs
// of the same account from using (and then overwriting) one store at once.
import { createHash } from "node:crypto";
import { chmod, mkdir, open, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { DeviceKeeper, StoredDevice } from "#shared/matrix/session.js";
import { removeCryptoStore } from "./crypto-store.js";

interface SenderFile {
  device?: StoredDevice;
  /** The control plane's bearer token, reused while it works so runs do not spend sign-in attempts. */
  controlPlaneToken?: string;
}

export interface SenderPaths {
  dir: string;
  file: string;
  cryptoStore: string;
  lock: string;
}

export function senderPaths(dataDir: string, controlPlaneUrl: string, email: string): SenderPaths {
  const id = createHash("sha256")
    .update(`${new URL(controlPlaneUrl).origin}\n${email.toLowerCase()}`)
    .digest("hex")
    .slice(0, 16);
  const dir = join(dataDir, "sender", id);
  return { dir, file: join(dir, "device.json"), cryptoStore: join(dir, "crypto-store.bin"), lock: join(dir, "lock") };
}

async function readSenderFile(p: SenderPaths): Promise<SenderFile> {
  try {
    return JSON.parse(await readFile(p.file, "utf8")) as SenderFile;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw new Error(`${p.file} is damaged: remove it (the next run makes a new device)`);
  }
}

async function writeSenderFile(p: SenderPaths, f: SenderFile) {
  await mkdir(p.dir, { recursive: true, mode: 0o700 });
  await chmod(p.dir, 0o700);
  const tmp = `${p.file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(f, null, 2), { mode: 0o600 });
  await chmod(tmp, 0o600);
  await rename(tmp, p.file);
}

export async function readControlPlaneToken(p: SenderPaths) {
  return (await readSenderFile(p)).controlPlaneToken;
}

export async function writeControlPlaneToken(p: SenderPaths, token: string | undefined) {
  await writeSenderFile(p, { ...(await readSenderFile(p)), controlPlaneToken: token });
}

export function fileDeviceKeeper(p: SenderPaths): DeviceKeeper {
  return {
    read: async () => (await readSenderFile(p)).device ?? null,
    write: async (device) => writeSenderFile(p, { ...(await readSenderFile(p)), device }),
    async forget() {
      const { device: _gone, ...rest } = await readSenderFile(p);
      await writeSenderFile(p, rest);
      await removeCryptoStore(p.cryptoStore);
    },
  };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** Takes the account's lock (a file with our pid); a lock left by a process that died is taken over. */
export async function lockSender(p: SenderPaths): Promise<() => Promise<void>> {
  await mkdir(p.dir, { recursive: true, mode: 0o700 });
  for (let tries = 0; tries < 2; tries++) {
    try {
      const h = await open(p.lock, "wx", 0o600);
      await h.writeFile(String(process.pid));
      await h.close();
      return () => rm(p.lock, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const pid = Number((await readFile(p.lock, "utf8").catch(() => "")).trim());
      if (pid && alive(pid)) throw new Error(`another "enlace send" for this account is running (pid ${pid}); run them one after another`);
      await rm(p.lock, { force: true });
    }
  }
  throw new Error(`cannot take the lock ${p.lock}`);
}
