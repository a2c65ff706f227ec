import { readFile } from "node:fs/promises";
import { parseFlags } from "./args.js";
import { ControlPlaneClient } from "#shared/matrix/control-plane.js";
import { signInThroughControlPlane } from "#shared/matrix/session.js";
import { firstRun, restoreFromRecoveryKey } from "#shared/matrix/first-run.js";
import { waitForRoom } from "#shared/matrix/rooms.js";
import { sendContent } from "#shared/matrix/send.js";
import { SCHEMAS } from "#shared/content/schemas.js";

const KINDS = ["alert", "incident", "incident.update"] as const;
type SendKind = (typeof KINDS)[number];

/**
 * `enlace send alert|incident|incident.update --file F --room KEY`: for a national CSIRT's systems.
 * The sender is a vetted account like any person (email and password from the environment);
 * each run is a new device, cross-signed with the account's recovery key.
 */
export async function sendCommand(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [kind, ...rest] = argv;
  if (!KINDS.includes(kind as SendKind)) throw new Error(`usage: enlace send ${KINDS.join("|")} --file FILE --room ROOM_KEY`);
  const flags = parseFlags(rest, ["file", "room", "url"]);
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
  const cp = new ControlPlaneClient(flags.url ?? env.ENLACE_URL ?? "http://localhost:8080");
  await cp.login(email, password, env.ENLACE_TOTP);
  const session = await signInThroughControlPlane(cp, { deviceName: "enlace send" });
  try {
    const hasIdentity = await session.client.getCrypto()!.userHasCrossSigningKeys(session.userId, true);
    if (!hasIdentity) {
      const { recoveryKey } = await firstRun(session, cp);
      process.stderr.write(
        `enlace: first use of this account: cross-signing set up. Keep this recovery key secret and set ENLACE_RECOVERY_KEY to it for later runs:\n${recoveryKey}\n`,
      );
    } else {
      if (!env.ENLACE_RECOVERY_KEY) throw new Error("this account already has cross-signing keys: set ENLACE_RECOVERY_KEY so this run's device can be signed");
      await restoreFromRecoveryKey(session, env.ENLACE_RECOVERY_KEY);
    }
    const room = await waitForRoom(session.client, flags.room, 30_000);
    const eventId = await sendContent(session, room.roomId, kind as SendKind, parsed.data as never);
    process.stdout.write(`${eventId}\n`);
    return 0;
  } finally {
    session.stop();
    // Each run's device is removed again, so the account does not collect stale devices.
    await session.client.logout(true).catch(() => {});
  }
}
