import { auditCommand } from "./audit.js";
import { backupCommand } from "./backup.js";
import { keysCommand } from "./keys.js";
import { sendCommand } from "./send.js";
import { loadConfig } from "../config.js";
import { demoCode } from "../demo/seed.js";

const USAGE = `usage: enlace <command>

  audit verify [--database-url URL] [--public-key KEY | --keys-dir DIR]
      Check the audit log's hash chain and signatures offline; names the first broken entry.
  send alert|incident|incident.update --file FILE --room ROOM_KEY [--url URL] [--data-dir DIR]
      Post encrypted content as a vetted account (ENLACE_EMAIL, ENLACE_PASSWORD). Keeps one
      device and its keys under DIR/sender (default ENLACE_DATA_DIR); ENLACE_RECOVERY_KEY is
      needed only if that directory is lost. Prints the event id.
  keys generate
      Print fresh secrets for a production .env file (nothing is written).
  backup FILE [--data-dir DIR]
      Copy the embedded database (running or stopped) to a new owner-only FILE. The keys in
      ENLACE_DATA_DIR/keys are not in it: back them up separately.
  restore FILE [--data-dir DIR]
      Replace the embedded database (server stopped) by a backup; the old one is moved aside.
  demo-code EMAIL
      The current TOTP code of a demo account (local demo network only).
`;

/** Returns the process exit code; prints one-line errors, never stack traces. */
export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case "audit":
        return await auditCommand(rest);
      case "backup":
      case "restore":
        return await backupCommand(cmd, rest);
      case "keys":
        return await keysCommand(rest);
      case "send":
        return await sendCommand(rest);
      case "demo-code":
        if (!rest[0]) throw new Error("usage: enlace demo-code EMAIL");
        process.stdout.write((await demoCode(loadConfig().dataDir, rest[0])) + "\n");
        return 0;
      case undefined:
      case "help":
      case "--help":
      case "-h":
        process.stdout.write(USAGE);
        return cmd ? 0 : 2;
      default:
        process.stderr.write(`enlace: unknown command "${cmd}" (try: enlace help)\n`);
        return 2;
    }
  } catch (err) {
    process.stderr.write(`enlace: ${(err as Error).message}\n`);
    return 1;
  }
}
