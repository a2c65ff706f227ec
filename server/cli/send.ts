// Rust crypto persists only to IndexedDB: Node gets fake-indexeddb as its global one (crypto-store.ts).
import "fake-indexeddb/auto";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { Method } from "matrix-js-sdk";
import { parseFlags } from "./args.js";
import { ControlPlaneClient } from "#shared/matrix/control-plane.js";
import { resumeOrSignIn, type DeviceOrigin, type EnlaceSession } from "#shared/matrix/session.js";
import { classifySessionError, retryDelayMs } from "#shared/matrix/session-errors.js";
import { firstRun, isCrossSigned, restoreFromRecoveryKey } from "#shared/matrix/first-run.js";
import { ApiError } from "#shared/api/client.js";
import { loadCryptoStore, saveCryptoStore } from "./crypto-store.js";
import { fileDeviceKeeper, lockSender, readControlPlaneToken, senderPaths, writeControlPlaneToken, type SenderPaths } from "./sender-device.js";
import { waitForRoom } from "#shared/matrix/rooms.js";
import { sendContent } from "#shared/matrix/send.js";
import { SCHEMAS } from "#shared/content/schemas.js";

const KINDS = ["alert", "incident", "incident.update"] as const;
type SendKind = (typeof KINDS)[number];

/**
 * `enlace send alert|incident|incident.update --file F --room KEY`: for a national CSIRT's systems.
 * The sender is a vetted account like any person (email and password from the environment). It
 * keeps one device: the first run creates it (and, on the account's first use, its cross-signing
 * and key backup); later runs resume it from the data dir without a new login (sender-device.ts).
 */
export async function sendCommand(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [kind, ...rest] = argv;
  if (!KINDS.includes(kind as SendKind)) throw new Error(`usage: enlace send ${KINDS.join("|")} --file FILE --room ROOM_KEY`);
  const flags = parseFlags(rest, ["file", "room", "url", "data-dir"]);
  if (!flags.file || !flags.room) throw new Error("--file and --room are required (e.g. --room network:tourism)");
  const email = env.ENLACE_EMAIL,
    password = env.ENLACE_PASSWORD;
  if (!email || !password) throw new Error("set ENLACE_EMAIL and ENLACE_PASSWORD for the sending account");

  const raw = await readFile(flags.file, "utf8").catch(() => {
    throw new Error(`cannot read ${flags.file}`);
  });
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error(`${flags.file} is not valid JSON`);
  }
  const parsed = SCHEMAS[kind as SendKind].safeParse(json);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new Error(`${flags.file} is not a valid ${kind}: ${i.path.join(".") || "(root)"}: ${i.message}`);
  }

  // stdout carries only the event id: the Matrix SDK's own chatter (console.*) is dropped.
  for (const k of ["log", "info", "debug", "warn"] as const) console[k] = () => {};
  const url = flags.url ?? env.ENLACE_URL ?? "http://localhost:8080";
  const paths = senderPaths(resolve(flags["data-dir"] ?? env.ENLACE_DATA_DIR ?? ".enlace"), url, email);
  const unlock = await lockSender(paths);
  let loaded = false;
  try {
    // The crypto store must be in place before the SDK opens it.
    await loadCryptoStore(paths.cryptoStore);
    loaded = true;
    const cp = await signedInControlPlane(url, paths, { email, password, totp: env.ENLACE_TOTP });
    const { session, device } = await withRetries(() =>
      resumeOrSignIn(cp, { devices: fileDeviceKeeper(paths), deviceName: "enlace send", useIndexedDB: true }),
    );
    try {
      await makeReady(session, cp, device, env.ENLACE_RECOVERY_KEY);
      const room = await waitForRoom(session.client, flags.room, 30_000);
      const eventId = await sendContent(session, room.roomId, kind as SendKind, parsed.data as never);
      // The sender's own history stays readable (a new device, the web client): its room key is in the backup before we exit.
      await roomKeyBackedUp(session, room.roomId, eventId, 60_000);
      process.stdout.write(`${eventId}\n`);
      return 0;
    } finally {
      // The device stays: the next run resumes it with its token and keys (no login, no new device).
      session.stop();
    }
  } finally {
    // Whatever happened, the store as the SDK left it (one-time keys handed out, a new login) is what the next run needs.
    if (loaded) await saveCryptoStore(paths.cryptoStore);
    await unlock();
  }
}

/** The control plane, signed in: with the kept bearer token while it works, else with the password (then kept). */
async function signedInControlPlane(url: string, paths: SenderPaths, who: { email: string; password: string; totp?: string }) {
  const kept = await readControlPlaneToken(paths);
  if (kept) {
    const cp = new ControlPlaneClient(url, kept);
    try {
      await cp.secretariatKey();
      return cp;
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) throw e;
    }
  }
  const cp = new ControlPlaneClient(url);
  await cp.login(who.email, who.password, who.totp);
  await writeControlPlaneToken(paths, cp.token);
  return cp;
}

/** Waits out rate limits and passing network trouble (shared/matrix/session-errors.ts), a few times, saying so on stderr. */
async function withRetries<T>(f: () => Promise<T>, attempts = 6): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await f();
    } catch (e) {
      const failure = classifySessionError(e);
      const delay = retryDelayMs(failure, attempt);
      if (delay === null || attempt >= attempts) throw e;
      process.stderr.write(
        `enlace: ${failure.kind === "rate-limited" ? "the homeserver asked to wait" : "homeserver not reachable"}; trying again in ${Math.ceil(delay / 1000)} s\n`,
      );
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

/** A new device joins the account's identity (first use: creates it); a kept one is ready as it is. */
async function makeReady(session: EnlaceSession, cp: ControlPlaneClient, device: DeviceOrigin, recoveryKey: string | undefined) {
  const crypto = session.client.getCrypto()!;
  if (!(await crypto.userHasCrossSigningKeys(session.userId, true))) {
    // No dehydrated device: this account sends and reads nothing sent while it is away (first-run.ts).
    const { recoveryKey: created } = await firstRun(session, cp, { dehydrate: false });
    process.stderr.write(
      `enlace: first use of this account: cross-signing and key backup set up. Keep this recovery key secret; set ENLACE_RECOVERY_KEY to it if this sender's data directory is ever lost:\n${created}\n`,
    );
    return;
  }
  if (device === "kept" && (await isCrossSigned(session))) {
    // Backs up this run's room keys with the backup key the store already holds.
    await crypto.checkKeyBackupAndEnable();
    return;
  }
  if (!recoveryKey) throw new Error("this account already has cross-signing keys and this device is new: set ENLACE_RECOVERY_KEY so it can be signed");
  await restoreFromRecoveryKey(session, recoveryKey, { dehydrate: false });
}

/** Polls the server-side key backup until it holds the Megolm session of `eventId`. */
async function roomKeyBackedUp(session: EnlaceSession, roomId: string, eventId: string, timeoutMs: number) {
  const crypto = session.client.getCrypto()!;
  const version = await crypto.getActiveSessionBackupVersion();
  if (!version) throw new Error("this account has no active key backup: its sent messages would be unreadable on a new device");
  const raw = await session.client.fetchRoomEvent(roomId, eventId);
  const sessionId = (raw.content as { session_id?: string }).session_id;
  if (!sessionId) throw new Error("the sent event is not encrypted");
  const path = `/room_keys/keys/${encodeURIComponent(roomId)}/${encodeURIComponent(sessionId)}`;
  const t0 = Date.now();
  for (;;) {
    const held = await session.client.http.authedRequest(Method.Get, path, { version }).then(
      () => true,
      (e: unknown) => {
        if ((e as { httpStatus?: number }).httpStatus === 404) return false;
        throw e;
      },
    );
    if (held) return;
    if (Date.now() - t0 > timeoutMs) throw new Error(`the room key of ${eventId} did not reach the key backup within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
